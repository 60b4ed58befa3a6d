import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  type InputRef,
  type TableProps,
} from 'antd';
import { AdminInput, MobilePhone, type AdminRow, type IssuedPassword } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { errorMessage } from '../../api/client';
import {
  departmentOptions,
  useAdmins,
  useCreateAdmin,
  useDeleteAdmin,
  useDepartments,
  useResetAdminPassword,
  useUpdateAdmin,
} from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { checkIdNumber } from '../../lib/id-number';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import { useConfirmAction } from './useConfirmAction';

// 单位管理员管理 — notice, attachment 2 §二(四)1: 新增管理员 with "允许登录系统"; an admin without a
// department is the unit's total admin, one with a department is a 二级管理员.

const INITIAL_PASSWORD_TIP =
  '温馨提示：单位管理员的初始密码为身份证后六位，7日内有效，首次登录须修改密码；注意勾选“允许登录系统”。';
const TOTAL_ADMIN = '无（总管理员）';
/** Secondary text inside a cell. */
const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12, marginTop: 2 } as const;
const FIELDS = ['idNumber', 'name', 'phone', 'departmentId', 'loginEnabled'] as const;

interface AdminValues {
  idNumber?: string;
  name: string;
  phone: string;
  departmentId?: number | null;
  loginEnabled: boolean;
}

/** `null` target: 新增管理员; otherwise 修改 that admin. */
function AdminModal({
  open,
  target,
  onClose,
  afterClose,
}: {
  open: boolean;
  target: AdminRow | null;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<AdminValues>();
  const firstField = useRef<InputRef>(null);
  const departments = useDepartments();
  const options = useMemo(() => departmentOptions(departments.data ?? []), [departments.data]);
  const create = useCreateAdmin();
  const update = useUpdateAdmin();
  const mutation = target ? update : create;
  const { modal, message } = App.useApp();

  const submit = (v: AdminValues) => {
    const common = {
      name: v.name.trim(),
      phone: v.phone.trim(),
      departmentId: v.departmentId ?? null,
      loginEnabled: v.loginEnabled,
    };
    // The server's reason goes under its input, and the keyboard goes there too.
    const onError = (e: unknown) => {
      if (applyFieldErrors(form, e, FIELDS))
        form.focusField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
    };
    if (target) {
      update.mutate(
        { id: target.id, ...common },
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
        { idNumber: v.idNumber!.trim(), ...common },
        {
          onSuccess: (r) => {
            onClose();
            modal.success({
              title: '新增管理员成功',
              content: (
                <>
                  <p>{common.name}的登录用户名为其身份证号码（在登录页选择“单位管理员”）。</p>
                  <p>{r.initialPasswordHint || '初始密码为身份证号码后六位，7日内有效，首次登录须修改'}。</p>
                  {!common.loginEnabled && <p>该管理员当前未勾选“允许登录系统”，需修改后才能登录。</p>}
                </>
              ),
              okText: '知道了',
            });
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={target ? '修改管理员' : '新增管理员'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && firstField.current?.focus()}
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<AdminValues>
          form={form}
          name="admin"
          layout="vertical"
          scrollToFirstError={{ focus: true }}
          initialValues={
            target
              ? {
                  name: target.name,
                  phone: target.phone ?? '',
                  departmentId: target.departmentId,
                  loginEnabled: target.loginEnabled,
                }
              : { loginEnabled: true, departmentId: null }
          }
          onFinish={submit}
          onValuesChange={() => mutation.isError && mutation.reset()}
        >
          {dom}
        </Form>
      )}
    >
      {!target && <Alert type="info" showIcon title={INITIAL_PASSWORD_TIP} style={{ marginBottom: 16 }} />}
      {target ? (
        <Form.Item label="身份证号码">
          <span>{target.idNumberMasked}</span>
        </Form.Item>
      ) : (
        <Form.Item
          label="身份证号码"
          name="idNumber"
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          validateFirst
          rules={[
            { required: true, message: '请输入身份证号码' },
            zodRule(AdminInput.shape.idNumber),
            {
              validator: async (_r, v: string) => {
                const c = checkIdNumber(v ?? '');
                if (!c.ok) throw new Error(c.reason);
              },
            },
          ]}
        >
          <Input ref={firstField} maxLength={18} autoComplete="off" placeholder="18位公民身份号码" />
        </Form.Item>
      )}
      <Form.Item label="姓名" name="name" required rules={[zodRule(AdminInput.shape.name)]}>
        <Input ref={target ? firstField : undefined} maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[{ required: true, message: '请输入手机号码' }, zodRule(MobilePhone)]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="部门"
        name="departmentId"
        extra="不选择部门的，为单位总管理员，可查看整个单位人员信息；选择部门的为二级管理员，仅能管理该部门（含下级部门）的人员。"
        validateStatus={departments.isError ? 'error' : undefined}
        help={departments.isError ? `部门列表加载失败：${errorMessage(departments.error)}` : undefined}
      >
        <Select<number>
          allowClear
          placeholder="不选择部门（总管理员）"
          loading={departments.isPending}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={departments.isPending ? '正在加载…' : '本单位暂未设置部门，可在【单位部门管理】中新增部门'}
        />
      </Form.Item>
      <Form.Item name="loginEnabled" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>允许登录系统</Checkbox>
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={FIELDS} />
    </Modal>
  );
}

/** 单位管理员管理 */
export default function AdminsPage() {
  const admins = useAdmins();
  const departments = useDepartments();
  const { data: me } = useMe();
  const reset = useResetAdminPassword();
  const remove = useDeleteAdmin();
  const confirm = useConfirmAction();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  // The modal keeps its target while it animates closed; `session` gives every opening a fresh form.
  const [dialog, setDialog] = useState<{ open: boolean; target: AdminRow | null; session: number } | null>(null);
  const openDialog = (target: AdminRow | null) =>
    setDialog((d) => ({ open: true, target, session: (d?.session ?? 0) + 1 }));

  const paths = useMemo(
    () => new Map(departmentOptions(departments.data ?? []).map((o) => [o.value, o.label])),
    [departments.data],
  );

  const departmentCell = (r: AdminRow) =>
    r.departmentId === null ? (
      <Tag color="blue">{TOTAL_ADMIN}</Tag>
    ) : (
      (paths.get(r.departmentId) ?? r.departmentName ?? '—')
    );
  const nameCell = (r: AdminRow) => (
    <Space size={4} wrap>
      <span>{r.name}</span>
      {r.id === me?.id && <Tag>本人</Tag>}
      {r.mustChangePassword && <Tag color="orange">待修改初始密码</Tag>}
    </Space>
  );
  const loginCell = (v: boolean) => (v ? <Tag color="success">允许</Tag> : <Tag>不允许</Tag>);

  const actions = (r: AdminRow) => (
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      <Button type="link" size="small" onClick={() => openDialog(r)} aria-label={`修改 ${r.name}`}>
        修改
      </Button>
      <Button
        type="link"
        size="small"
        aria-label={`重置密码 ${r.name}`}
        onClick={() =>
          confirm({
            title: `重置“${r.name}”的密码？`,
            content: '将生成一个随机临时密码（72小时内有效），原密码立即失效；该管理员登录后须修改密码。',
            okText: '重置密码',
            run: () => reset.mutateAsync(r.id),
            done: `已重置“${r.name}”的密码`,
            failTitle: '重置密码失败',
            answer: (issued: IssuedPassword) => ({
              title: `已重置“${r.name}”的密码`,
              content: <IssuedPasswordNotice issued={issued} lead="请将临时密码告知本人：" />,
            }),
          })
        }
      >
        重置密码
      </Button>
      <Button
        type="link"
        size="small"
        danger
        aria-label={`删除 ${r.name}`}
        onClick={() =>
          confirm({
            title: `删除管理员“${r.name}”？`,
            content: '删除后该账号不能再登录，此操作不可恢复。',
            okText: '删除',
            danger: true,
            run: () => remove.mutateAsync(r.id),
            done: `已删除管理员“${r.name}”`,
            failTitle: '无法删除该管理员',
          })
        }
      >
        删除
      </Button>
    </Space>
  );

  const columns: TableProps<AdminRow>['columns'] = desktop
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

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => openDialog(null)}>
            新增管理员
          </Button>
        }
      >
        单位管理员管理
      </PageTitle>
      <Alert
        type="info"
        showIcon
        className="ptce-section"
        title={INITIAL_PASSWORD_TIP}
        description="单位管理员不选择部门的，默认为单位总管理员；被分配到具体部门的管理员属于二级管理员，仅能管理、登记及审核该部门下的学员信息。建议单位保留一位总管理员，用于设置各二级管理员、分配部门、选择学员等。"
      />
      <Card className="ptce-section" styles={{ body: { padding: desktop ? 24 : 12 } }}>
        <ErrorAlert error={admins.error} title="管理员列表加载失败" />
        <Table<AdminRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={admins.data ?? []}
          loading={admins.isFetching}
          scroll={{ x: desktop ? 960 : 326 }}
          pagination={false}
          locale={{ emptyText: admins.isPending ? '正在加载…' : '暂无管理员，请点击“新增管理员”' }}
        />
      </Card>
      {dialog && (
        <AdminModal
          key={dialog.session}
          open={dialog.open}
          target={dialog.target}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
