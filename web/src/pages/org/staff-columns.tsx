import type { ReactNode } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import type { StaffRow } from '@ptce/contracts';
import { formatDateTime, genderLabel } from '../../lib/format';

/** Secondary text inside a cell. */
const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12 } as const;

const newTag = (r: StaffRow) =>
  r.newRegistration && (
    <Tag color="orange" className="ptce-new-registration">
      新注册
    </Tag>
  );

/** The table's width to scroll within its card. */
export const staffTableWidth = (desktop: boolean) => (desktop ? 990 : 326);

export function staffColumns({
  desktop,
  departmentCell,
  actions,
}: {
  desktop: boolean;
  departmentCell: (r: StaffRow) => ReactNode;
  actions: (r: StaffRow) => ReactNode;
}): TableColumnsType<StaffRow> {
  // Desktop: every field fits the content width at 1280 px. Phones: name (with the ID number under
  // it), department and the actions; the rest is one tap away in 修改.
  return desktop
    ? [
        {
          title: '姓名',
          dataIndex: 'name',
          width: 110,
          render: (v: string, r) => (
            <>
              {v}
              {r.gender && <span style={META}>（{genderLabel(r.gender)}）</span>}
              {r.newRegistration && <div>{newTag(r)}</div>}
            </>
          ),
        },
        { title: '身份证号码', dataIndex: 'idNumberMasked', width: 180 },
        { title: '所属部门', key: 'department', render: (_: unknown, r) => departmentCell(r) },
        {
          title: '联系方式',
          key: 'contact',
          width: 190,
          ellipsis: true,
          render: (_: unknown, r) => (
            <>
              <div>{r.phone ?? '—'}</div>
              <div title={r.email ?? undefined} style={{ ...META, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {r.email ?? '—'}
              </div>
            </>
          ),
        },
        {
          title: '最近登录',
          dataIndex: 'lastLoginAt',
          width: 160,
          render: (v: string | null) => (v ? formatDateTime(v) : '从未登录'),
        },
        { title: '操作', key: 'actions', width: 250, render: (_: unknown, r) => actions(r) },
      ]
    : [
        {
          title: '姓名',
          key: 'name',
          width: 130,
          render: (_: unknown, r) => (
            <>
              <div>
                {r.name} {newTag(r)}
              </div>
              <div style={META}>{r.idNumberMasked}</div>
            </>
          ),
        },
        { title: '所属部门', key: 'department', width: 100, render: (_: unknown, r) => departmentCell(r) },
        { title: '操作', key: 'actions', width: 96, render: (_: unknown, r) => actions(r) },
      ];
}
