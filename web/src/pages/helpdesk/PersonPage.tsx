import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Empty, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import {
  CERTIFICATE_KIND_LABEL,
  PASSWORD_STATE_LABEL,
  ROUND_KIND_LABEL,
  type AuditEntry,
  type CertificateAdminRow,
  type ComplianceStatus,
  type HelpdeskPerson,
} from '@ptce/contracts';
import { useHelpdeskPerson } from '../../api/helpdesk';
import { useWechatConfig } from '../../api/wechat';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { WechatSimBadge } from '../../components/WechatSimBadge';
import { formatDateTime } from '../../lib/format';
import { MergeHistory } from './MergeHistory';
import { PersonActions } from './PersonActions';

const yes = (v: boolean, t: string, f: string) => (v ? <Tag color="success">{t}</Tag> : <Tag>{f}</Tag>);

const yearColumns: TableColumnsType<ComplianceStatus> = [
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '公需科目', dataIndex: 'publicHours', width: 90 },
  { title: '专业科目', dataIndex: 'professionalHours', width: 90 },
  { title: '审核中', dataIndex: 'pendingHours', width: 80 },
  { title: '总学时', dataIndex: 'totalHours', width: 80, render: (v: number, r) => `${v} / ${r.requiredTotal}` },
  { title: '公需必修', dataIndex: 'compulsoryDone', width: 90, render: (v: boolean) => yes(v, '已完成', '未完成') },
  { title: '达标情况', dataIndex: 'met', width: 90, render: (v: boolean) => yes(v, '达标', '未达标') },
];

const certColumns: TableColumnsType<CertificateAdminRow> = [
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '证书', dataIndex: 'kind', render: (k: CertificateAdminRow['kind']) => CERTIFICATE_KIND_LABEL[k] },
  { title: '编号', dataIndex: 'serial', width: 170 },
  { title: '生成时间', dataIndex: 'issuedAt', width: 160, render: (v: string) => formatDateTime(v) },
  {
    title: '状态',
    dataIndex: 'revokedAt',
    width: 90,
    render: (v: string | null) => (v ? <Tag color="error">已撤销</Tag> : <Tag color="success">有效</Tag>),
  },
];

const auditColumns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
  { title: '操作', dataIndex: 'actionLabel', width: 170 },
  { title: '操作人', dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '系统' },
  {
    title: '结果',
    dataIndex: 'result',
    width: 70,
    render: (v: AuditEntry['result']) =>
      v === 'ok' ? '成功' : v === 'failed' ? <Tag color="error">失败</Tag> : '拒绝',
  },
  { title: '地址', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '变更', dataIndex: 'change', render: (v: string[]) => v.join('；') || '—' },
];

/** One tab's table: all of the person's rows on one page. */
function TabTable<T extends object>(props: {
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  rows: T[];
  scrollX?: number;
  empty?: string;
}) {
  return (
    <Table<T>
      rowKey={props.rowKey}
      size="small"
      columns={props.columns}
      dataSource={props.rows}
      pagination={false}
      scroll={props.scrollX ? { x: props.scrollX } : undefined}
      locale={props.empty ? { emptyText: props.empty } : undefined}
    />
  );
}

function Account({ p }: { p: HelpdeskPerson }) {
  const a = p.account;
  const wechat = useWechatConfig(!!a.wechat);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'id', label: '身份证号码', children: p.idNumber },
        { key: 'phone', label: '手机号码', children: p.phone ?? '—' },
        { key: 'email', label: '电子邮箱', children: p.email ?? '—' },
        {
          key: 'unit',
          label: '所在单位',
          children: (
            <>
              {p.unit?.name ?? '（无单位）'} {p.newRegistration && <Tag color="orange">新注册</Tag>}
            </>
          ),
        },
        { key: 'dept', label: '所属部门', children: p.department?.name ?? '—' },
        {
          key: 'login',
          label: '允许登录系统',
          children: a.loginEnabled ? <Tag color="success">允许登录</Tag> : <Tag color="error">禁止登录</Tag>,
        },
        {
          key: 'captcha',
          label: '登录失败',
          children: (
            <>
              {a.failures}次{a.lastFailureAt ? `（最近 ${formatDateTime(a.lastFailureAt)}）` : ''}{' '}
              {a.captchaRequired ? (
                <Tag color="warning">
                  需要图形验证码{a.captchaReason === 'initial_password' ? '（初始或临时密码）' : ''}
                </Tag>
              ) : (
                <Tag color="success">无需图形验证码</Tag>
              )}
            </>
          ),
        },
        {
          key: 'password',
          label: '密码',
          children: `${PASSWORD_STATE_LABEL[a.passwordState]}${a.passwordExpiresAt ? `，有效期至 ${formatDateTime(a.passwordExpiresAt)}` : ''}`,
        },
        {
          key: 'last',
          label: '最近登录',
          children: a.lastLoginAt ? `${formatDateTime(a.lastLoginAt)}（${a.lastLoginIp ?? '地址未知'}）` : '从未登录',
        },
        {
          key: 'wechat',
          label: '微信绑定',
          children: a.wechat ? (
            <>
              已绑定{a.wechat.nickname ? `「${a.wechat.nickname}」` : ''}（{formatDateTime(a.wechat.boundAt)}）{' '}
              <WechatSimBadge shown={!!wechat.data?.simulated} />
            </>
          ) : (
            '未绑定'
          ),
        },
      ]}
    />
  );
}

function Exams({ p }: { p: HelpdeskPerson }) {
  if (p.exams.length === 0) return <Empty description="尚无公需科目考试记录" />;
  return (
    <>
      {p.exams.map((s) => (
        <Card
          key={s.year}
          size="small"
          className="ptce-section"
          title={`${s.year}年度${s.courseTitle ? `《${s.courseTitle}》` : ''}`}
          extra={s.passed ? <Tag color="success">考试已通过</Tag> : <Tag>未通过</Tag>}
        >
          {s.rounds.length === 0 && <p className="ptce-hint">该年度尚未开始学习</p>}
          {s.rounds.map((r) => (
            <p key={r.roundNo}>
              第{r.roundNo}轮（{ROUND_KIND_LABEL[r.kind]}）：课程{r.courseCompleted ? '已学完' : '未学完'}；考试
              {r.attempts.length}/{s.maxAttempts}次
              {r.attempts.map((t) => ` · 第${t.attemptNo}次 ${t.score === null ? '考试中' : `${t.score}分`}`).join('')}
              {r.reason ? `；${r.grantedByName ?? ''}开通，原因：${r.reason}` : ''}
            </p>
          ))}
          <p className="ptce-hint">{s.canGrant ? '可以开通补学补考' : (s.refusal ?? '')}</p>
        </Card>
      ))}
    </>
  );
}

/** 人员查询 → one person: account, unit, hours and 达标 per year, exams, certificates, recent operations; and the actions. */
export default function PersonPage() {
  const id = Number(useParams().id);
  const person = useHelpdeskPerson(id);
  const p = person.data;
  return (
    <>
      <PageTitle extra={<Link to="/helpdesk/people">返回人员查询</Link>}>
        {p ? `${p.name}（${p.idNumber}）` : '人员查询'}
      </PageTitle>
      <ErrorAlert error={person.error} />
      {person.isPending && !person.error && <PageSpinner />}
      {p && (
        <>
          {p.mergedInto ? (
            <Alert
              type="warning"
              showIcon
              className="ptce-section"
              title={
                <>
                  该账号已合并至 <Link to={`/helpdesk/people/${p.mergedInto.id}`}>{p.mergedInto.name}</Link>{' '}
                  的账号，已停用
                </>
              }
            />
          ) : (
            !p.account.loginEnabled && (
              <Alert type="warning" showIcon className="ptce-section" title="该账号已被禁止登录" />
            )
          )}
          <Card size="small" className="ptce-section" title="账号与单位">
            <Account p={p} />
            <PersonActions person={p} />
          </Card>
          <MergeHistory person={p} />
          <Tabs
            items={[
              {
                key: 'years',
                label: '历年学时与达标',
                children: <TabTable rowKey="year" columns={yearColumns} rows={p.years} scrollX={600} />,
              },
              { key: 'exams', label: '考试与补考', children: <Exams p={p} /> },
              {
                key: 'certs',
                label: `证书（${p.certificates.length}）`,
                children: <TabTable rowKey="id" columns={certColumns} rows={p.certificates} empty="尚未生成证书" />,
              },
              {
                key: 'audit',
                label: '最近操作记录',
                children: <TabTable rowKey="id" columns={auditColumns} rows={p.audit} scrollX={900} />,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
