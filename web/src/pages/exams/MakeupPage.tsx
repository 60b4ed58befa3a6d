import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Table, Tag, type TableProps } from 'antd';
import {
  GrantMakeupRequest,
  PersonLookupQuery,
  ROUND_KIND_LABEL,
  type ExamAttemptSummary,
  type PersonExamStatus,
} from '@ptce/contracts';
import { defaultPlan, examRuleText, HELP_DESK, makeupHint } from '@ptce/rules';
import { useGrantMakeup, usePersonExamStatus, usePersonLookup } from '../../api/exams';
import { useAnnualPlans } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { zodRule } from '../../lib/form';
import { lastDayOf } from '../learning/format';

const attemptColumns: TableProps<ExamAttemptSummary>['columns'] = [
  { title: '次数', dataIndex: 'attemptNo', width: 70, render: (n: number) => `第${n}次` },
  { title: '开始时间', dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
  {
    title: '交卷时间',
    dataIndex: 'submittedAt',
    render: (v: string | null, a) => (v ? `${formatDateTime(v)}${a.autoSubmitted ? '（自动）' : ''}` : '考试中'),
  },
  { title: '成绩', dataIndex: 'score', width: 80, render: (v: number | null) => (v === null ? '—' : `${v}分`) },
  {
    title: '结果',
    dataIndex: 'passed',
    width: 90,
    render: (v: boolean | null) =>
      v === null ? '—' : v ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>,
  },
];

function currentShanghaiYear(): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

function Status({ s }: { s: PersonExamStatus }) {
  const grant = useGrantMakeup();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();

  const onGrant = ({ reason }: { reason: string }) =>
    modal.confirm({
      title: `确定为${s.person.name}开通${s.year}年度补学补考吗？`,
      content: '开通后，本人须重新完成必修课学习，并获得新的考试机会。此操作将记入审计日志。',
      okText: '开通',
      cancelText: '取消',
      onOk: () =>
        grant.mutateAsync({ accountId: s.person.accountId, year: s.year, reason }).then(() => {
          form.resetFields();
          void message.success('已开通补学补考');
        }),
    });

  return (
    <>
      <Card size="small" className="ptce-section" title={`${s.person.name}（${s.person.idNumberMasked}）`}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'unit', label: '所在单位', children: s.person.unitName ?? '—' },
            {
              key: 'course',
              label: `${s.year}年度必修课`,
              children: s.courseTitle ? `《${s.courseTitle}》` : '未设置',
            },
            {
              key: 'passed',
              label: '考试结果',
              children: s.passed ? <Tag color="success">已通过</Tag> : <Tag>未通过</Tag>,
            },
            {
              key: 'window',
              label: '培训期',
              children: s.window.open
                ? `截至 ${lastDayOf(s.window.until!)}${s.window.kind === 'prior' ? '（历年补学补考）' : ''}`
                : s.window.reason,
            },
          ]}
        />
      </Card>
      {s.rounds.length === 0 && <Empty className="ptce-section" description="该年度尚无学习和考试记录" />}
      {s.rounds.map((r) => (
        <Card
          key={r.roundNo}
          size="small"
          className="ptce-section"
          title={`第${r.roundNo}轮 · ${ROUND_KIND_LABEL[r.kind]}`}
          extra={<span className="ptce-course-meta">课程学习{r.courseCompleted ? '已完成' : '未完成'}</span>}
        >
          {r.reason && (
            <p className="ptce-course-meta">
              {formatDateTime(r.openedAt)} 由{r.grantedByName ?? '—'}开通，原因：{r.reason}
            </p>
          )}
          <Table<ExamAttemptSummary>
            rowKey="id"
            size="small"
            columns={attemptColumns}
            dataSource={r.attempts}
            pagination={false}
            locale={{ emptyText: '尚未参加考试' }}
            scroll={{ x: 560 }}
          />
        </Card>
      ))}
      <Card size="small" title="开通补学补考" className="ptce-section">
        {s.canGrant ? (
          <Form form={form} layout="vertical" name="grant-makeup" onFinish={onGrant} className="ptce-narrow-form">
            <Form.Item name="reason" label="开通原因" rules={[zodRule(GrantMakeupRequest.shape.reason)]} required>
              <Input.TextArea
                rows={3}
                maxLength={500}
                showCount
                placeholder={`例如：本人致电${HELP_DESK.phone}申请补学补考，已核实考试机会均已用完且不合格`}
              />
            </Form.Item>
            <ErrorAlert error={grant.error} />
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              开通补学补考
            </Button>
          </Form>
        ) : (
          <Alert type="info" showIcon title={s.refusal ?? '不能开通'} />
        )}
      </Card>
    </>
  );
}

/**
 * 补学补考 (by phone to the help desk): find the caller by ID number, see their attempts for a
 * year, and — after the plan's failed attempts, during the training period — grant a makeup with a reason.
 */
export default function MakeupPage() {
  const plans = useAnnualPlans();
  const thisYear = currentShanghaiYear();
  const [query, setQuery] = useState<{ idNumber: string; year: number } | null>(null);
  const people = usePersonLookup(query?.idNumber ?? null);
  const person = people.data?.[0];
  const status = usePersonExamStatus(person?.accountId, query?.year ?? thisYear);
  const years = (plans.data ?? [])
    .map((p) => p.year)
    .filter((y) => y <= thisYear)
    .sort((a, b) => b - a);
  const plan = plans.data?.find((p) => p.year === (query?.year ?? thisYear));

  return (
    <>
      <PageTitle>补学补考</PageTitle>
      <p className="ptce-hint">
        {examRuleText(plan ?? defaultPlan(thisYear))}，{makeupHint((plan ?? defaultPlan(thisYear)).maxAttempts)}
        。按身份证号查询后，核实情况并填写开通原因。
      </p>
      <Card size="small" className="ptce-section">
        <Form
          layout="inline"
          name="makeup-search"
          initialValues={{ year: thisYear }}
          onFinish={(v: { idNumber: string; year: number }) =>
            setQuery({ idNumber: v.idNumber.trim().toUpperCase(), year: v.year })
          }
        >
          <Form.Item name="idNumber" label="身份证号" rules={[zodRule(PersonLookupQuery.shape.idNumber)]}>
            <Input allowClear maxLength={18} autoComplete="off" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <Select
              style={{ width: 110 }}
              options={(years.length ? years : [thisYear]).map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={people.isFetching || status.isFetching}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={people.error ?? status.error} />
      {query && people.data && people.data.length === 0 && <Empty description="未找到该身份证号的专业技术人员" />}
      {status.data && <Status s={status.data} />}
    </>
  );
}
