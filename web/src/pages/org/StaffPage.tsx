import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  type RefSelectProps,
  type TableProps,
} from 'antd';
import { useSearchParams } from 'react-router';
import {
  Email,
  MobilePhone,
  ReasonBody,
  type DepartmentRow,
  type IssuedPassword,
  type Me,
  type StaffRow,
} from '@ptce/contracts';
import { useMe } from '../../api/auth';
import {
  departmentOptions,
  useConfirmStaff,
  useDepartments,
  useRemoveStaff,
  useResetStaffPassword,
  useStaff,
  useUpdateStaff,
  type StaffListParams,
} from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { formatDateTime, genderLabel, hasAnyRole } from '../../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import { useConfirmAction } from './useConfirmAction';
import { ExportButton } from '../../components/list';

// 专业技术人员管理 — notice, attachment 2 §二(四)3: the total admin picks each person's department
// (修改); a 二级管理员 sees and acts only on the staff of their own department. People who registered
// themselves into the unit (or moved themselves here) are marked 新注册 until the unit confirms them
// (确认) or removes them (移出本单位).

const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
/** The filter value for people without a department (the server's departmentId=0). */
const NO_DEPARTMENT = 0;
/** Secondary text inside a cell. */
const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12 } as const;

function positiveInt(s: string | null, fallback: number, max: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The list's state lives in the URL: Back returns to the same page of results. */
function paramsToQuery(p: URLSearchParams): StaffListParams {
  const q: StaffListParams = {
    page: positiveInt(p.get('page'), 1, 100000),
    pageSize: positiveInt(p.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  const text = p.get('q')?.trim();
  if (text) q.q = text.slice(0, 30);
  const dept = p.get('departmentId');
  if (dept !== null && /^\d+$/.test(dept)) q.departmentId = Number(dept);
  const fresh = p.get('newRegistration');
  if (fresh === 'true' || fresh === 'false') q.newRegistration = fresh === 'true';
  return q;
}

function queryToParams(q: StaffListParams): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.departmentId !== undefined) p.set('departmentId', String(q.departmentId));
  if (q.newRegistration !== undefined) p.set('newRegistration', String(q.newRegistration));
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
  return p;
}

/** A 二级管理员's own department and its sub-departments; null for the whole unit. */
function departmentScope(me: Me, departments: readonly DepartmentRow[]): Set<number> | null {
  if (!hasAnyRole(me, ['dept_admin']) || hasAnyRole(me, ['unit_admin', 'unit_account'])) return null;
  const own = me.department?.id;
  if (own === undefined) return new Set();
  return new Set([own, ...departments.filter((d) => d.parentId === own).map((d) => d.id)]);
}

interface FilterValues {
  q?: string;
  departmentId?: number;
  /** Select values are strings: 'true' = 新注册, 'false' = 已确认. */
  newRegistration?: 'true' | 'false';
}

interface StaffValues {
  departmentId?: number | null;
  phone: string;
  email: string;
}

const EDIT_FIELDS = ['departmentId', 'phone', 'email'] as const;

function StaffEditModal({
  open,
  person,
  options,
  wholeUnit,
  onClose,
  afterClose,
}: {
  open: boolean;
  person: StaffRow;
  options: { value: number; label: string }[];
  wholeUnit: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<StaffValues>();
  const first = useRef<RefSelectProps>(null);
  const update = useUpdateStaff();
  const { message } = App.useApp();

  const submit = (v: StaffValues) => {
    // Only what changed is sent; an empty phone or e-mail the person never gave stays empty.
    const phone = v.phone?.trim() ?? '';
    const email = v.email?.trim() ?? '';
    const departmentId = v.departmentId ?? null;
    return update.mutate(
      {
        id: person.id,
        ...(departmentId !== person.departmentId ? { departmentId } : {}),
        ...(phone && phone !== person.phone ? { phone } : {}),
        ...(email && email !== person.email ? { email } : {}),
      },
      {
        onSuccess: () => {
          message.success(`已保存“${person.name}”的信息`);
          onClose();
        },
        onError: (e) => {
          if (applyFieldErrors(form, e, EDIT_FIELDS))
            form.focusField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`修改：${person.name}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && first.current?.focus()}
      okButtonProps={{ htmlType: 'submit', loading: update.isPending }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<StaffValues>
          form={form}
          name="staff"
          layout="vertical"
          scrollToFirstError={{ focus: true }}
          initialValues={{ departmentId: person.departmentId, phone: person.phone ?? '', email: person.email ?? '' }}
          onFinish={submit}
          onValuesChange={() => update.isError && update.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'name', label: '姓名', children: person.name },
          { key: 'id', label: '身份证号码', children: person.idNumberMasked },
        ]}
      />
      <Form.Item
        label="所属部门"
        name="departmentId"
        rules={wholeUnit ? [] : [{ required: true, message: '请选择所属部门' }]}
        extra={wholeUnit ? '不选择部门的，由单位总管理员负责管理。' : undefined}
      >
        <Select<number>
          ref={first}
          allowClear={wholeUnit}
          placeholder={wholeUnit ? '不选择部门' : '请选择所属部门'}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent="本单位暂未设置部门"
        />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[
          { required: person.phone != null, message: '请输入手机号码' },
          zodRule(MobilePhone, { skipEmpty: true }),
        ]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="电子邮箱"
        name="email"
        validateFirst
        rules={[{ required: person.email != null, message: '请输入电子邮箱' }, zodRule(Email, { skipEmpty: true })]}
      >
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <ErrorAlert error={update.error} title="保存失败" fields={EDIT_FIELDS} />
    </Modal>
  );
}

interface RemoveValues {
  reason?: string;
}

/** 移出本单位 — a confirmation dialog with an optional reason, kept in the audit log. */
function RemoveModal({
  open,
  person,
  onClose,
  afterClose,
}: {
  open: boolean;
  person: StaffRow;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<RemoveValues>();
  const remove = useRemoveStaff();
  const { message } = App.useApp();
  const reasonRef = useRef<HTMLTextAreaElement | null>(null);

  const submit = (v: RemoveValues) =>
    remove.mutate(
      { id: person.id, reason: v.reason?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(`已将“${person.name}”移出本单位`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={`将“${person.name}”移出本单位？`}
      okText="移出本单位"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', danger: true, loading: remove.isPending }}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && reasonRef.current?.focus()}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<RemoveValues>
          form={form}
          name="remove-staff"
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => remove.isError && remove.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <p>
        仅在该人员已离开本单位时使用。移出后，其不再出现在本单位名单中，已有的学时记录保留；本人可在【我的信息】中重新选择所在单位。
      </p>
      <Form.Item
        label="移出原因（选填）"
        name="reason"
        rules={[zodRule(ReasonBody.shape.reason.unwrap(), { skipEmpty: true })]}
      >
        <Input.TextArea
          ref={(el) => {
            reasonRef.current = el?.resizableTextArea?.textArea ?? null;
          }}
          rows={3}
          maxLength={200}
          showCount
          placeholder="如：调离、退休"
        />
      </Form.Item>
      <ErrorAlert error={remove.error} title="移出失败" />
    </Modal>
  );
}

type Dialog = { kind: 'edit' | 'remove'; person: StaffRow; open: boolean; session: number };

/** 专业技术人员管理 */
export default function StaffPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const query = paramsToQuery(params);
  const staff = useStaff(query);
  const departments = useDepartments();
  const reset = useResetStaffPassword();
  const confirmStaff = useConfirmStaff();
  const [form] = Form.useForm<FilterValues>();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const confirm = useConfirmAction();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const openDialog = (kind: Dialog['kind'], person: StaffRow) =>
    setDialog((d) => ({ kind, person, open: true, session: (d?.session ?? 0) + 1 }));
  const closeDialog = () => setDialog((d) => d && { ...d, open: false });

  const allDepartments = useMemo(() => departments.data ?? [], [departments.data]);
  const scope = useMemo(() => (me ? departmentScope(me, allDepartments) : null), [me, allDepartments]);
  const wholeUnit = scope === null;
  const options = useMemo(
    () => departmentOptions(allDepartments).filter((o) => scope === null || scope.has(o.value)),
    [allDepartments, scope],
  );
  const paths = useMemo(
    () => new Map(departmentOptions(allDepartments).map((o) => [o.value, o.label])),
    [allDepartments],
  );
  const filterOptions = useMemo(
    () => (wholeUnit ? [{ value: NO_DEPARTMENT, label: '无部门' }, ...options] : options),
    [wholeUnit, options],
  );

  // Keep the filter form in step with the URL (Back/Forward, shared links).
  const paramsKey = params.toString();
  useEffect(() => {
    const q = paramsToQuery(new URLSearchParams(paramsKey));
    form.setFieldsValue({
      q: q.q,
      departmentId: q.departmentId,
      newRegistration: q.newRegistration === undefined ? undefined : q.newRegistration ? 'true' : 'false',
    });
  }, [paramsKey, form]);

  // After 移出本单位 or a department change empties the last page, show the page before it.
  const total = staff.data?.total;
  useEffect(() => {
    if (total === undefined || staff.isPlaceholderData) return;
    const last = Math.max(1, Math.ceil(total / query.pageSize));
    if (query.page > last) setParams(queryToParams({ ...query, page: last }), { replace: true });
  }, [total, staff.isPlaceholderData, query, setParams]);

  const search = (v: FilterValues) =>
    setParams(
      queryToParams({
        page: 1,
        pageSize: query.pageSize,
        q: v.q?.trim() || undefined,
        departmentId: v.departmentId,
        newRegistration: v.newRegistration === undefined ? undefined : v.newRegistration === 'true',
      }),
    );

  const departmentCell = (r: StaffRow) =>
    r.departmentId === null ? <Tag>无部门</Tag> : (paths.get(r.departmentId) ?? r.departmentName ?? '—');

  const newTag = (r: StaffRow) =>
    r.newRegistration && (
      <Tag color="orange" className="ptce-new-registration">
        新注册
      </Tag>
    );

  const actions = (r: StaffRow) => (
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      {r.newRegistration && (
        <Button
          type="link"
          size="small"
          aria-label={`确认 ${r.name}`}
          onClick={() =>
            confirm({
              title: `确认“${r.name}”为本单位人员？`,
              content:
                '该人员自行注册（或自行更改单位）到本单位。确认后取消“新注册”标记；如不是本单位人员，请选择“移出本单位”。',
              okText: '确认',
              run: () => confirmStaff.mutateAsync(r.id),
              done: `已确认“${r.name}”为本单位人员`,
              failTitle: '确认失败',
            })
          }
        >
          确认
        </Button>
      )}
      <Button type="link" size="small" onClick={() => openDialog('edit', r)} aria-label={`修改 ${r.name}`}>
        修改
      </Button>
      <Button
        type="link"
        size="small"
        aria-label={`重置密码 ${r.name}`}
        onClick={() =>
          confirm({
            title: `重置“${r.name}”的密码？`,
            content: '将生成一个随机临时密码（72小时内有效），原密码立即失效；该人员登录后须修改密码。',
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
        onClick={() => openDialog('remove', r)}
        aria-label={`移出本单位 ${r.name}`}
      >
        移出本单位
      </Button>
    </Space>
  );

  // Desktop: every field fits the content width at 1280 px. Phones: name (with the ID number under
  // it), department and the actions; the rest is one tap away in 修改.
  const columns: TableProps<StaffRow>['columns'] = desktop
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

  return (
    <>
      <PageTitle
        extra={
          <ExportButton
            kind="staff"
            query={{ q: query.q, departmentId: query.departmentId, newRegistration: query.newRegistration }}
          >
            导出Excel
          </ExportButton>
        }
      >
        专业技术人员管理
      </PageTitle>
      <Card className="ptce-section">
        <Form<FilterValues> form={form} name="staff-filter" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="姓名或身份证号码" name="q">
                <Input allowClear maxLength={30} placeholder="输入姓名或身份证号码" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="部门" name="departmentId">
                <Select<number>
                  allowClear
                  placeholder={wholeUnit ? '全部部门' : '本部门全部'}
                  options={filterOptions}
                  loading={departments.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="人员状态" name="newRegistration">
                <Select<'true' | 'false'>
                  allowClear
                  placeholder="全部"
                  options={[
                    { value: 'true', label: '新注册（待确认）' },
                    { value: 'false', label: '已确认' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6} className="ptce-filter-actions">
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={staff.isFetching}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setParams(queryToParams({ page: 1, pageSize: query.pageSize }));
                  }}
                >
                  重置
                </Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card className="ptce-section" styles={{ body: { padding: desktop ? 24 : 12 } }}>
        <ErrorAlert error={staff.error} title="人员列表加载失败" />
        {!!staff.data?.newRegistrationCount && query.newRegistration !== true && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${staff.data.newRegistrationCount} 名新注册人员待确认：请核实其是否为本单位人员，确认或移出本单位。`}
            action={
              <Button
                size="small"
                onClick={() => setParams(queryToParams({ page: 1, pageSize: query.pageSize, newRegistration: true }))}
              >
                只看新注册
              </Button>
            }
          />
        )}
        <Table<StaffRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={staff.data?.items ?? []}
          loading={staff.isFetching}
          scroll={{ x: desktop ? 990 : 326 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: staff.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            simple: !desktop,
            showTotal: (t) => `共 ${t} 人`,
            onChange: (page, pageSize) =>
              setParams(queryToParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
          }}
          locale={{ emptyText: staff.isPending ? '正在加载…' : '没有符合条件的人员' }}
        />
      </Card>
      {dialog?.kind === 'edit' && (
        <StaffEditModal
          key={dialog.session}
          open={dialog.open}
          person={dialog.person}
          options={options}
          wholeUnit={wholeUnit}
          onClose={closeDialog}
          afterClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveModal
          key={dialog.session}
          open={dialog.open}
          person={dialog.person}
          onClose={closeDialog}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
