import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  type TableProps,
} from 'antd';
import {
  ACTIVITY_TYPE_LABEL,
  DEADLINE_KIND_LABEL,
  PLAN_FIELD_LABEL,
  PLAN_STATUS_LABEL,
  REOPEN_SCOPE_LABEL,
  ReopeningInput,
  type ActivityType,
  type PlanDetail,
  type PlanFields,
  type PlanSummary,
  type PlanVersion,
  type Reopening,
} from '@ptce/contracts';
import { useAdminCourses } from '../../api/learning';
import {
  useCreatePlan,
  usePlan,
  usePlans,
  usePlanVersions,
  usePublishPlan,
  useReopen,
  useReopenings,
  useSetPlanCourses,
  useUpdatePlan,
} from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { formatDateTime } from '../../lib/format';

const ACTIVITY_TYPES = Object.keys(ACTIVITY_TYPE_LABEL) as ActivityType[];
const PLAN_FIELDS = Object.keys(PLAN_FIELD_LABEL);

const planColumns = (onOpen: (year: number) => void): TableProps<PlanSummary>['columns'] => [
  { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
  {
    title: '状态',
    dataIndex: 'status',
    width: 130,
    render: (s: PlanSummary['status']) => (
      <Tag color={s === 'published' ? 'success' : 'warning'}>{PLAN_STATUS_LABEL[s]}</Tag>
    ),
  },
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
  { title: '年度总学时', dataIndex: 'totalHours', width: 100 },
  {
    title: '专业科目占比',
    key: 'ratio',
    width: 110,
    render: (_: unknown, p) => `${p.professionalRatioNum}/${p.professionalRatioDen}`,
  },
  { title: '公需科目截止', dataIndex: 'publicDeadline', width: 120 },
  { title: '专业科目截止', dataIndex: 'professionalDeadline', width: 120 },
  {
    title: '操作',
    key: 'op',
    width: 90,
    render: (_: unknown, p) => (
      <Button type="link" size="small" onClick={() => onOpen(p.year)} aria-label={`查看和修改${p.year}年度计划`}>
        查看修改
      </Button>
    ),
  },
];

type FormValues = PlanFields & { reason?: string };

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join('、') || '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('minutes' in o) {
      const part = (k: string, l: string) => {
        const x = o[k] as { count: number; points: number };
        return `${l}${x.count}题×${x.points}分`;
      };
      return `${String(o.minutes)}分钟，${part('single', '单选')}，${part('multiple', '多选')}，${part('judge', '判断')}`;
    }
    const entries = Object.entries(o);
    return entries.length
      ? entries.map(([k, x]) => `${ACTIVITY_TYPE_LABEL[k as ActivityType] ?? k}${String(x)}学时`).join('；')
      : '（无）';
  }
  return String(v);
}

const versionColumns: TableProps<PlanVersion>['columns'] = [
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
  { title: '修改时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
  { title: '修改人', dataIndex: 'actorName', width: 100 },
  { title: '原因', dataIndex: 'reason' },
  {
    title: '修改内容',
    dataIndex: 'diff',
    render: (d: PlanVersion['diff']) => (
      <ul className="ptce-plan-list">
        {Object.entries(d).map(([k, c]) => (
          <li key={k}>
            {PLAN_FIELD_LABEL[k as keyof typeof PLAN_FIELD_LABEL] ?? k}：{show(c.from)} → {show(c.to)}
          </li>
        ))}
      </ul>
    ),
  },
];

const reopeningColumns: TableProps<Reopening>['columns'] = [
  {
    title: '范围',
    dataIndex: 'scope',
    width: 160,
    render: (s: Reopening['scope'], r) =>
      `${REOPEN_SCOPE_LABEL[s]}${r.unitName ? `：${r.unitName}` : ''}${r.personName ? `：${r.personName}` : ''}`,
  },
  { title: '截止事项', dataIndex: 'deadline', render: (d: Reopening['deadline']) => DEADLINE_KIND_LABEL[d] },
  { title: '开放至', dataIndex: 'until', width: 110 },
  { title: '原因', dataIndex: 'reason' },
  { title: '操作人', dataIndex: 'actorName', width: 90 },
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
];

function PlanForm({ plan }: { plan: PlanDetail }) {
  const [form] = Form.useForm<FormValues>();
  const update = useUpdatePlan(plan.year);
  const { message } = App.useApp();
  useEffect(() => {
    form.resetFields();
  }, [plan, form]);
  const published = plan.status === 'published';
  const onFinish = (v: FormValues) => {
    const caps = Object.fromEntries(
      Object.entries(v.activityCaps ?? {}).filter(([, x]) => x !== null && x !== undefined),
    );
    update.mutate(
      { ...v, activityCaps: caps, reason: v.reason?.trim() || undefined },
      {
        onSuccess: () => void message.success(published ? '已保存，修改已记入历史版本' : '已保存'),
        onError: (e) => applyFieldErrors(form, e, [...PLAN_FIELDS, 'reason']),
      },
    );
  };
  const num = (name: keyof PlanFields, step = 1, extra?: { min?: number }) => (
    <Col xs={24} sm={12} md={8}>
      <Form.Item
        name={name}
        label={PLAN_FIELD_LABEL[name]}
        rules={[{ required: true, message: `请填写${PLAN_FIELD_LABEL[name]}` }]}
      >
        <InputNumber step={step} min={extra?.min ?? 0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const part = (k: 'single' | 'multiple' | 'judge', label: string) => (
    <Col xs={24} sm={12} md={8}>
      <Space.Compact>
        <Form.Item
          name={['examConfig', k, 'count']}
          label={`${label}题数`}
          rules={[{ required: true, message: '请填写题数' }]}
        >
          <InputNumber min={0} max={200} />
        </Form.Item>
        <Form.Item
          name={['examConfig', k, 'points']}
          label="每题分值"
          rules={[{ required: true, message: '请填写分值' }]}
        >
          <InputNumber min={1} max={50} />
        </Form.Item>
      </Space.Compact>
    </Col>
  );
  return (
    <Form<FormValues> form={form} layout="vertical" name={`plan-${plan.year}`} initialValues={plan} onFinish={onFinish}>
      <Row gutter={16}>
        {num('totalHours', 1, { min: 1 })}
        {num('professionalRatioNum')}
        {num('professionalRatioDen')}
        {num('compulsoryHours')}
        {num('electiveHours')}
        {num('hoursPerHalfDay', 0.5)}
        {num('maxRecordHours', 1, { min: 1 })}
        {num('passScore')}
        {num('maxAttempts', 1, { min: 1 })}
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name={['examConfig', 'minutes']}
            label="考试时长（分钟）"
            rules={[{ required: true, message: '请填写考试时长' }]}
          >
            <InputNumber min={5} max={600} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {part('single', '单选题')}
        {part('multiple', '多选题')}
        {part('judge', '判断题')}
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name="publicDeadline"
            label={PLAN_FIELD_LABEL.publicDeadline}
            rules={[zodRule(ReopeningInput.shape.until)]}
          >
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name="professionalDeadline"
            label={PLAN_FIELD_LABEL.professionalDeadline}
            rules={[zodRule(ReopeningInput.shape.until)]}
          >
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="revealKeyAfterPass" label={PLAN_FIELD_LABEL.revealKeyAfterPass} valuePropName="checked">
            <Switch checkedChildren="显示" unCheckedChildren="不显示" />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="ptce-fieldset">
        <legend>{PLAN_FIELD_LABEL.activityCaps}（可手工填写申请学时的活动类型；不填为不限）</legend>
        <Row gutter={16}>
          {ACTIVITY_TYPES.filter((a) => a !== 'training').map((a) => (
            <Col xs={24} sm={12} md={6} key={a}>
              <Form.Item name={['activityCaps', a]} label={ACTIVITY_TYPE_LABEL[a]}>
                <InputNumber min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </fieldset>
      {published && (
        <Form.Item
          name="reason"
          label="修改原因"
          extra={
            plan.hasRecords
              ? '该年度已有学时或考试记录，修改须填写原因，并记入修改历史'
              : '已发布计划的修改记入修改历史'
          }
          rules={plan.hasRecords ? [{ required: true, whitespace: true, message: '请填写修改原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      )}
      <ErrorAlert error={update.error} fields={[...PLAN_FIELDS, 'reason']} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        保存
      </Button>
    </Form>
  );
}

function CoursesForm({ plan }: { plan: PlanDetail }) {
  const courses = useAdminCourses();
  const set = useSetPlanCourses(plan.year);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ compulsoryCourseId: number | null; electiveCourseIds: number[]; reason?: string }>();
  const initial = useMemo(
    () => ({
      compulsoryCourseId: plan.courses.find((c) => c.kind === 'compulsory')?.id ?? null,
      electiveCourseIds: plan.courses.filter((c) => c.kind === 'elective').map((c) => c.id),
    }),
    [plan],
  );
  useEffect(() => form.resetFields(), [initial, form]);
  const options = (kind: 'compulsory' | 'elective') =>
    (courses.data ?? []).filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: c.title }));
  return (
    <Form
      form={form}
      layout="vertical"
      name={`plan-courses-${plan.year}`}
      initialValues={initial}
      onFinish={(v) =>
        set.mutate(
          {
            compulsoryCourseId: v.compulsoryCourseId ?? null,
            electiveCourseIds: v.electiveCourseIds ?? [],
            reason: v.reason?.trim() || undefined,
          },
          {
            onSuccess: () => void message.success('已保存本年度课程'),
            onError: (e) => applyFieldErrors(form, e, ['compulsoryCourseId', 'electiveCourseIds', 'reason']),
          },
        )
      }
    >
      <Form.Item name="compulsoryCourseId" label="公需科目必修课">
        <Select allowClear loading={courses.isPending} options={options('compulsory')} placeholder="请选择必修课" />
      </Form.Item>
      <Form.Item name="electiveCourseIds" label="公需科目选修课">
        <Select
          mode="multiple"
          allowClear
          loading={courses.isPending}
          options={options('elective')}
          placeholder="请选择选修课"
        />
      </Form.Item>
      {plan.status === 'published' && (
        <Form.Item
          name="reason"
          label="修改原因"
          rules={plan.hasRecords ? [{ required: true, whitespace: true, message: '请填写修改原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      <ErrorAlert error={set.error ?? courses.error} fields={['compulsoryCourseId', 'electiveCourseIds', 'reason']} />
      <Button htmlType="submit" loading={set.isPending}>
        保存课程
      </Button>
    </Form>
  );
}

function ReopenForm({ plan }: { plan: PlanDetail }) {
  const reopen = useReopen(plan.year);
  const list = useReopenings(plan.year);
  const { message } = App.useApp();
  const [form] = Form.useForm<ReopeningInput>();
  const scope = Form.useWatch('scope', form);
  const fields = ['scope', 'unitCreditCode', 'personIdNumber', 'deadline', 'until', 'reason'];
  return (
    <>
      {plan.status !== 'published' ? (
        <Alert type="info" showIcon title="计划发布后，可为全区、单位或个人重新开放已过的截止日期。" />
      ) : (
        <Form<ReopeningInput>
          form={form}
          layout="vertical"
          name={`reopen-${plan.year}`}
          initialValues={{ scope: 'province', deadline: 'professional' }}
          className="ptce-narrow-form"
          onFinish={(v) =>
            reopen.mutate(v, {
              onSuccess: () => {
                form.resetFields();
                void message.success('已重新开放');
              },
              onError: (e) => applyFieldErrors(form, e, fields),
            })
          }
        >
          <Form.Item name="scope" label="范围">
            <Select options={Object.entries(REOPEN_SCOPE_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {scope === 'unit' && (
            <Form.Item
              name="unitCreditCode"
              label="单位统一社会信用代码"
              rules={[{ required: true, message: '请填写统一社会信用代码' }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          )}
          {scope === 'person' && (
            <Form.Item name="personIdNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="deadline" label="截止事项">
            <Select options={Object.entries(DEADLINE_KIND_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="until" label="开放至" rules={[zodRule(ReopeningInput.shape.until)]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[zodRule(ReopeningInput.shape.reason)]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <ErrorAlert error={reopen.error} fields={fields} />
          <Button htmlType="submit" loading={reopen.isPending}>
            重新开放
          </Button>
        </Form>
      )}
      <ErrorAlert error={list.error} />
      <Table<Reopening>
        className="ptce-section"
        rowKey="id"
        size="small"
        columns={reopeningColumns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: '没有重新开放的截止日期' }}
      />
    </>
  );
}

function PlanEditor({ year }: { year: number }) {
  const plan = usePlan(year);
  const versions = usePlanVersions(year);
  const publish = usePublishPlan(year);
  const { modal, message } = App.useApp();
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Card loading className="ptce-section" />;
  const p = plan.data;
  const onPublish = () =>
    modal.confirm({
      title: `确定发布${year}年度计划吗？`,
      content: '发布后计划即对全区生效（到该年度即开始执行）；之后的修改将记入修改历史。',
      okText: '发布',
      cancelText: '取消',
      onOk: () => publish.mutateAsync().then(() => void message.success(`${year}年度计划已发布`)),
    });
  return (
    <>
      <Card
        className="ptce-section"
        title={
          <>
            <span>{year}年度计划</span>{' '}
            <Tag color={p.status === 'published' ? 'success' : 'warning'}>{PLAN_STATUS_LABEL[p.status]}</Tag>
          </>
        }
        extra={
          p.status === 'draft' && (
            <Button type="primary" onClick={onPublish} loading={publish.isPending}>
              发布
            </Button>
          )
        }
      >
        {p.status === 'draft' && (
          <Alert
            className="ptce-section"
            type="warning"
            showIcon
            title="草稿只有运营管理员可见，发布后才对专业技术人员和单位生效。"
          />
        )}
        <ErrorAlert error={publish.error} />
        <PlanForm plan={p} />
      </Card>
      <Card className="ptce-section" title="本年度课程">
        <CoursesForm plan={p} />
      </Card>
      <Card className="ptce-section" title="修改历史">
        <ErrorAlert error={versions.error} />
        <Table<PlanVersion>
          rowKey="version"
          size="small"
          columns={versionColumns}
          dataSource={versions.data ?? []}
          loading={versions.isPending}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: '没有修改记录' }}
        />
      </Card>
      <Card className="ptce-section" title="重新开放截止日期">
        <ReopenForm plan={p} />
      </Card>
    </>
  );
}

/**
 * 年度计划管理 (人社厅 / 培训中心): each year's plan — copy the last one into a new year as a draft,
 * edit every number, link the courses, publish; versions of a published plan; reopened deadlines.
 */
export default function PlansPage() {
  const plans = usePlans();
  const create = useCreatePlan();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const next = plans.data?.length ? Math.max(...plans.data.map((p) => p.year)) + 1 : null;
  return (
    <>
      <PageTitle>年度计划管理</PageTitle>
      <p className="ptce-hint">
        年度计划规定各年度的学时要求、考试规则和截止日期。新年度计划由上一年度复制生成草稿，修改后发布即生效。
      </p>
      <Card size="small" className="ptce-section">
        <Space wrap>
          <label htmlFor="plan-new-year">新建年度</label>
          <InputNumber
            id="plan-new-year"
            min={2000}
            max={2100}
            value={newYear ?? next}
            onChange={(v) => setNewYear(v)}
          />
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => {
              const y = newYear ?? next;
              if (y)
                create.mutate(y, {
                  onSuccess: (p) => {
                    setYear(p.year);
                    void message.success(`已复制生成${p.year}年度计划草稿`);
                  },
                });
            }}
          >
            复制上一年度计划
          </Button>
        </Space>
        <ErrorAlert error={create.error} />
      </Card>
      <ErrorAlert error={plans.error} />
      <Table<PlanSummary>
        className="ptce-section"
        rowKey="year"
        size="small"
        columns={planColumns(setYear)}
        dataSource={plans.data ?? []}
        loading={plans.isPending}
        pagination={false}
        scroll={{ x: 800 }}
      />
      {year !== null && <PlanEditor key={year} year={year} />}
    </>
  );
}
