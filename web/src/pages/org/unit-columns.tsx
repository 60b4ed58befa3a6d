import type { ReactNode } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import { UNIT_STATUS_LABEL, UNIT_TYPE_LABEL, type UnitRow } from '@ptce/contracts';

/** Secondary text inside a cell. */
const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12 } as const;

const STATUS_COLOR = { active: 'green', disabled: 'default', merged: 'orange' } as const;

/** 正常 / 已停用 / 已合并至 (the unit it went into). */
export function UnitStatusCell({ r }: { r: UnitRow }) {
  return (
    <>
      <Tag color={STATUS_COLOR[r.status]}>{UNIT_STATUS_LABEL[r.status]}</Tag>
      {r.mergedInto && <div style={META}>已合并至 {r.mergedInto.name}</div>}
    </>
  );
}

/** Desktop: every field; phones: the name with code, region and staff count under it. 操作 only for managers. */
export function unitColumns({
  desktop,
  industryName,
  actions,
}: {
  desktop: boolean;
  industryName: Map<string, string>;
  actions?: (r: UnitRow) => ReactNode;
}): TableColumnsType<UnitRow> {
  const editColumn = actions
    ? [{ title: '操作', key: 'actions', width: desktop ? 250 : 110, render: (_: unknown, r: UnitRow) => actions(r) }]
    : [];
  return desktop
    ? [
        {
          title: '单位名称',
          dataIndex: 'name',
          render: (v: string, r) => (
            <>
              <div>{v}</div>
              <div style={META}>{UNIT_TYPE_LABEL[r.unitType] ?? r.unitType}</div>
            </>
          ),
        },
        { title: '统一社会信用代码', dataIndex: 'creditCode', width: 185 },
        { title: '所在地区', dataIndex: 'regionName', width: 100, render: (v: string) => v || '—' },
        {
          title: '行业 / 主管部门',
          key: 'industry',
          width: 220,
          render: (_: unknown, r) => (
            <>
              <div>{r.industryCode ? (industryName.get(r.industryCode) ?? r.industryCode) : '—'}</div>
              <div style={META}>{r.supervisingAuthorityName ?? '未设置主管部门'}</div>
            </>
          ),
        },
        {
          title: '联系人',
          key: 'contact',
          width: 130,
          render: (_: unknown, r) =>
            r.contactName || r.contactPhone ? (
              <>
                <div>{r.contactName ?? '—'}</div>
                <div style={META}>{r.contactPhone ?? ''}</div>
              </>
            ) : (
              '—'
            ),
        },
        { title: '专业技术人员', dataIndex: 'staffCount', width: 110, align: 'right' },
        { title: '状态', key: 'status', width: 130, render: (_: unknown, r) => <UnitStatusCell r={r} /> },
        ...editColumn,
      ]
    : [
        {
          title: '单位名称',
          key: 'name',
          width: 230,
          render: (_: unknown, r) => (
            <>
              <div>{r.name}</div>
              <div style={META}>
                {r.creditCode} · {r.regionName || '—'} · {r.staffCount}人
              </div>
              {r.status !== 'active' && <UnitStatusCell r={r} />}
            </>
          ),
        },
        ...editColumn,
      ];
}
