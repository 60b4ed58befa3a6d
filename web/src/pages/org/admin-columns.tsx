import type { ReactNode } from 'react';
import { Space, Tag, type TableColumnsType } from 'antd';
import type { AdminRow } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';

const TOTAL_ADMIN = '无（总管理员）';
/** Secondary text inside a cell. */
const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12, marginTop: 2 } as const;

/** Desktop: every field; phones: name (ID number under it), department and the actions. */
export function adminColumns({
  desktop,
  meId,
  paths,
  actions,
}: {
  desktop: boolean;
  meId: number | undefined;
  /** Department id → "学院 / 系". */
  paths: Map<number, string>;
  actions: (r: AdminRow) => ReactNode;
}): TableColumnsType<AdminRow> {
  const departmentCell = (r: AdminRow) =>
    r.departmentId === null ? (
      <Tag color="blue">{TOTAL_ADMIN}</Tag>
    ) : (
      (paths.get(r.departmentId) ?? r.departmentName ?? '—')
    );
  const nameCell = (r: AdminRow) => (
    <Space size={4} wrap>
      <span>{r.name}</span>
      {r.id === meId && <Tag>本人</Tag>}
      {r.mustChangePassword && <Tag color="orange">待修改初始密码</Tag>}
    </Space>
  );
  const loginCell = (v: boolean) => (v ? <Tag color="success">允许</Tag> : <Tag>不允许</Tag>);

  return desktop
    ? [
        { title: '姓名', key: 'name', width: 130, render: (_: unknown, r) => nameCell(r) },
        { title: '身份证号码', dataIndex: 'idNumberMasked', width: 165 },
        { title: '手机', dataIndex: 'phone', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '部门', key: 'department', render: (_: unknown, r) => departmentCell(r) },
        { title: '允许登录系统', dataIndex: 'loginEnabled', width: 110, render: loginCell },
        {
          title: '最近登录',
          dataIndex: 'lastLoginAt',
          width: 155,
          render: (v: string | null) => (v ? formatDateTime(v) : '从未登录'),
        },
        { title: '操作', key: 'actions', width: 200, render: (_: unknown, r) => actions(r) },
      ]
    : [
        {
          title: '姓名',
          key: 'name',
          width: 130,
          render: (_: unknown, r) => (
            <>
              {nameCell(r)}
              <div style={META}>{r.idNumberMasked}</div>
            </>
          ),
        },
        {
          title: '部门',
          key: 'department',
          width: 100,
          render: (_: unknown, r) => (
            <>
              <div>{departmentCell(r)}</div>
              <div style={{ marginTop: 4 }}>{r.loginEnabled ? null : loginCell(false)}</div>
            </>
          ),
        },
        { title: '操作', key: 'actions', width: 96, render: (_: unknown, r) => actions(r) },
      ];
}
