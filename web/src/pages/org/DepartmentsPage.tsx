// 单位部门管理 — notice, attachment 2 §二(四)2: 新增部门; two levels at most (学院 / 系).
import { useMemo, useState } from 'react';
import { Alert, Button, Space, type TableColumnsType } from 'antd';
import { useDepartments } from '../../api/org';
import { ButtonLink } from '../../components/ButtonLink';
import { ListCard, derivedResult } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useDialog } from '../../components/useDialog';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { DepartmentActions } from './DepartmentActions';
import { DepartmentModal } from './DepartmentModal';
import { buildTree, type DepartmentNode, type DialogTarget } from './department-tree';
import { OrgTable } from './OrgTable';

/** 单位部门管理 */
export default function DepartmentsPage() {
  const departments = useDepartments();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const dialog = useDialog<DialogTarget>();
  // Every parent is expanded unless the user folded it.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());

  const rows = useMemo(() => departments.data ?? [], [departments.data]);
  const tree = useMemo(() => buildTree(rows), [rows]);
  const expanded = tree.filter((t) => t.children && !collapsed.has(t.id)).map((t) => t.id);

  const count = (direct: number, total: number, d: DepartmentNode) =>
    d.children ? `${direct}（含下级共 ${total}）` : direct;

  const actions = (d: DepartmentNode) => <DepartmentActions d={d} desktop={desktop} onOpen={dialog.show} />;

  const columns: TableColumnsType<DepartmentNode> = desktop
    ? [
        { title: '部门名称', dataIndex: 'name' },
        {
          title: '专业技术人员',
          key: 'staff',
          width: 180,
          render: (_: unknown, d) => count(d.staffCount, d.totalStaff, d),
        },
        {
          title: '管理员',
          key: 'admins',
          width: 160,
          render: (_: unknown, d) => count(d.adminCount, d.totalAdmins, d),
        },
        { title: '操作', key: 'actions', width: 240, render: (_: unknown, d) => actions(d) },
      ]
    : [
        {
          title: '部门名称',
          key: 'name',
          width: 190,
          render: (_: unknown, d) => (
            <>
              <div>{d.name}</div>
              <div style={{ color: 'rgba(0, 0, 0, 0.55)', fontSize: 12 }}>
                人员 {d.children ? d.totalStaff : d.staffCount} · 管理员 {d.children ? d.totalAdmins : d.adminCount}
              </div>
            </>
          ),
        },
        { title: '操作', key: 'actions', width: 120, render: (_: unknown, d) => actions(d) },
      ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => dialog.show({ mode: 'create', parentId: null })}>
            新增部门
          </Button>
        }
      >
        单位部门管理
      </PageTitle>
      <Alert
        type="info"
        showIcon
        className="ptce-section"
        title="根据本单位实际情况进行部门设置，部门最多两级。"
        description={
          <>
            新增部门成功后，可回到【单位管理员管理】对管理员进行部门分配，在【专业技术人员管理】中为人员选择部门；也可通知各部门学员登录个人账号，在【我的信息—所属部门】自行选择。
            <Space wrap style={{ marginTop: 8, display: 'flex' }}>
              <ButtonLink to="/org/admins" size="small">
                单位管理员管理
              </ButtonLink>
              <ButtonLink to="/org/staff" size="small">
                专业技术人员管理
              </ButtonLink>
            </Space>
          </>
        }
      />
      <ListCard>
        <OrgTable<DepartmentNode>
          columns={columns}
          result={derivedResult(departments, tree)}
          errorTitle="部门列表加载失败"
          empty="本单位暂未设置部门，请点击“新增部门”"
          width={desktop ? 760 : 310}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, d) =>
              setCollapsed((c) => {
                const next = new Set(c);
                if (open) next.delete(d.id);
                else next.add(d.id);
                return next;
              }),
          }}
        />
      </ListCard>
      {dialog.props && <DepartmentModal key={dialog.session} {...dialog.props} departments={rows} />}
    </>
  );
}
