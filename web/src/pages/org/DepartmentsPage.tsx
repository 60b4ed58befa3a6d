import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type InputRef,
  type TableProps,
} from 'antd';
import { DepartmentInput, type DepartmentRow } from '@ptce/contracts';
import { useCreateDepartment, useDeleteDepartment, useDepartments, useUpdateDepartment } from '../../api/org';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { useConfirmAction } from './useConfirmAction';

// 单位部门管理 — notice, attachment 2 §二(四)2: 新增部门; two levels at most (学院 / 系).

const FIELDS = ['name', 'parentId'] as const;
/** Select options cannot hold null; 0 stands for "no parent" (a top-level department). */
const NO_PARENT = 0;

interface DepartmentNode extends DepartmentRow {
  children?: DepartmentNode[];
  /** Staff of this department and its sub-departments. */
  totalStaff: number;
  totalAdmins: number;
}

function buildTree(rows: readonly DepartmentRow[]): DepartmentNode[] {
  const known = new Set(rows.map((r) => r.id));
  const tops = rows.filter((r) => r.parentId === null || !known.has(r.parentId));
  return tops.map((t) => {
    const subs = rows
      .filter((r) => r.parentId === t.id)
      .map((s) => ({ ...s, totalStaff: s.staffCount, totalAdmins: s.adminCount }));
    return {
      ...t,
      totalStaff: t.staffCount + subs.reduce((n, s) => n + s.staffCount, 0),
      totalAdmins: t.adminCount + subs.reduce((n, s) => n + s.adminCount, 0),
      ...(subs.length ? { children: subs } : {}),
    };
  });
}

type DialogTarget = { mode: 'create'; parentId: number | null } | { mode: 'edit'; department: DepartmentNode };

interface DepartmentValues {
  name: string;
  parentId: number;
}

function DepartmentModal({
  open,
  target,
  departments,
  onClose,
  afterClose,
}: {
  open: boolean;
  target: DialogTarget;
  departments: readonly DepartmentRow[];
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<DepartmentValues>();
  const nameRef = useRef<InputRef>(null);
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const mutation = target.mode === 'edit' ? update : create;
  const { message } = App.useApp();

  const self = target.mode === 'edit' ? target.department : null;
  const hasChildren = (self?.children?.length ?? 0) > 0;
  // A parent must be a top-level department (two levels at most) other than the department itself.
  const parentOptions = [
    { value: NO_PARENT, label: '无（作为一级部门）' },
    ...departments.filter((d) => d.parentId === null && d.id !== self?.id).map((d) => ({ value: d.id, label: d.name })),
  ];

  const submit = (v: DepartmentValues) => {
    const name = v.name.trim();
    const parentId = v.parentId === NO_PARENT ? null : v.parentId;
    // The server's reason goes under its input, and the keyboard goes there too.
    const onError = (e: unknown) => {
      if (applyFieldErrors(form, e, FIELDS))
        form.focusField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
    };
    if (self) {
      update.mutate(
        { id: self.id, ...(name !== self.name ? { name } : {}), ...(parentId !== self.parentId ? { parentId } : {}) },
        {
          onSuccess: () => {
            message.success('保存成功');
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { name, parentId },
        {
          onSuccess: () => {
            message.success(`已新增部门“${name}”`);
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={self ? `修改部门“${self.name}”` : '新增部门'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && nameRef.current?.focus()}
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<DepartmentValues>
          form={form}
          name="department"
          layout="vertical"
          scrollToFirstError={{ focus: true }}
          initialValues={{
            name: self?.name ?? '',
            parentId: (self ? self.parentId : target.mode === 'create' ? target.parentId : null) ?? NO_PARENT,
          }}
          onFinish={submit}
          onValuesChange={() => mutation.isError && mutation.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item label="部门名称" name="name" required rules={[zodRule(DepartmentInput.shape.name)]}>
        <Input ref={nameRef} maxLength={40} autoComplete="off" placeholder="如：内科、财务处" />
      </Form.Item>
      <Form.Item
        label="上级部门"
        name="parentId"
        extra={
          hasChildren
            ? '该部门下还有下级部门，只能作为一级部门（部门最多两级）。'
            : '部门最多两级：上级部门只能选择一级部门。'
        }
      >
        <Select<number> options={parentOptions} disabled={hasChildren} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={FIELDS} />
    </Modal>
  );
}

/** 单位部门管理 */
export default function DepartmentsPage() {
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const confirm = useConfirmAction();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [dialog, setDialog] = useState<{ open: boolean; target: DialogTarget; session: number } | null>(null);
  const openDialog = (target: DialogTarget) =>
    setDialog((d) => ({ open: true, target, session: (d?.session ?? 0) + 1 }));
  // Every parent is expanded unless the user folded it.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());

  const rows = useMemo(() => departments.data ?? [], [departments.data]);
  const tree = useMemo(() => buildTree(rows), [rows]);
  const expanded = tree.filter((t) => t.children && !collapsed.has(t.id)).map((t) => t.id);

  const count = (direct: number, total: number, d: DepartmentNode) =>
    d.children ? `${direct}（含下级共 ${total}）` : direct;

  const actions = (d: DepartmentNode) => {
    return (
      <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
        {d.parentId === null && (
          <Button
            type="link"
            size="small"
            onClick={() => openDialog({ mode: 'create', parentId: d.id })}
            aria-label={`新增下级部门 ${d.name}`}
          >
            新增下级部门
          </Button>
        )}
        <Button
          type="link"
          size="small"
          onClick={() => openDialog({ mode: 'edit', department: d })}
          aria-label={`修改 ${d.name}`}
        >
          修改
        </Button>
        <Button
          type="link"
          size="small"
          danger
          aria-label={`删除 ${d.name}`}
          onClick={() =>
            confirm({
              title: `删除部门“${d.name}”？`,
              content: d.children
                ? '该部门下还有下级部门，需先删除或移走下级部门后才能删除。'
                : '只能删除空部门（没有人员和管理员）；删除后不可恢复。',
              okText: '删除',
              danger: true,
              run: () => remove.mutateAsync(d.id),
              done: `已删除部门“${d.name}”`,
              failTitle: `无法删除部门“${d.name}”`,
            })
          }
        >
          删除
        </Button>
      </Space>
    );
  };

  const columns: TableProps<DepartmentNode>['columns'] = desktop
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
          <Button type="primary" onClick={() => openDialog({ mode: 'create', parentId: null })}>
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
      <Card className="ptce-section" styles={{ body: { padding: desktop ? 24 : 12 } }}>
        <ErrorAlert error={departments.error} title="部门列表加载失败" />
        <Table<DepartmentNode>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={departments.isFetching}
          scroll={{ x: desktop ? 760 : 310 }}
          pagination={false}
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
          locale={{ emptyText: departments.isPending ? '正在加载…' : '本单位暂未设置部门，请点击“新增部门”' }}
        />
      </Card>
      {dialog && (
        <DepartmentModal
          key={dialog.session}
          open={dialog.open}
          target={dialog.target}
          departments={rows}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
