import { Alert, Button, Card, Descriptions, Tag, type TableProps } from 'antd';
import { useNavigate } from 'react-router';
import type { ExamAttemptSummary } from '@ptce/contracts';
import { HELP_DESK } from '@ptce/rules';
import { useExamOverview, useStartExam } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/ButtonLink';
import { ListTable, rowsResult } from '../../components/list';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDateTime } from '../../lib/format';
import { entryByKey, isReady } from '../../menu';
import { formatHours } from '../learning/format';
import { MakeupRequestPanel } from './MakeupRequestPanel';

const columns: NonNullable<TableProps<ExamAttemptSummary>['columns']> = [
  {
    title: '考试',
    key: 'n',
    render: (_: unknown, a) => (a.roundNo > 1 ? `第${a.roundNo}轮 第${a.attemptNo}次` : `第${a.attemptNo}次`),
  },
  { title: '开始时间', dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
  {
    title: '交卷时间',
    dataIndex: 'submittedAt',
    render: (v: string | null, a) =>
      v ? `${formatDateTime(v)}${a.autoSubmitted ? '（到时自动交卷）' : ''}` : '考试中',
  },
  { title: '成绩', dataIndex: 'score', render: (v: number | null) => (v === null ? '—' : `${v}分`) },
  {
    title: '结果',
    dataIndex: 'passed',
    key: 'status',
    render: (v: boolean | null) =>
      v === null ? '—' : v ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>,
  },
  {
    title: '操作',
    key: 'actions',
    render: (_: unknown, a) => (
      <ButtonLink to={`/exams/attempts/${a.id}`} size="small">
        {a.submittedAt ? '查看' : '继续考试'}
      </ButtonLink>
    ),
  },
];

/** 考试列表 — the year's compulsory exam: chances left, start / continue, past attempts, 打印证书. */
export function ExamList({ year }: { year: number }) {
  const overview = useExamOverview(year);
  const start = useStartExam();
  const navigate = useNavigate();
  if (overview.isPending) return <PageSpinner />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  const certificates = entryByKey('certificates');

  const begin = () =>
    start.mutate(year, {
      onSuccess: (a) => navigate(`/exams/attempts/${a.id}`),
    });

  return (
    <Card title={`${o.year}年度必修课考试`} className="ptce-section">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'subject',
            label: '考试科目',
            children: o.course ? `《${o.course.title}》` : '—',
            span: { xs: 1, sm: 2, lg: 3 },
          },
          { key: 'minutes', label: '考试时长', children: `${o.minutes}分钟` },
          { key: 'count', label: '题量', children: `${o.questionCount}题，满分100分` },
          { key: 'pass', label: '合格分数', children: `${o.passScore}分（含）以上` },
          {
            key: 'left',
            label: '剩余考试机会',
            children: `${o.attemptsLeft} / ${o.maxAttempts} 次${o.roundNo > 1 ? `（第${o.roundNo}轮）` : ''}`,
          },
          { key: 'course', label: '课程学习', children: o.courseCompleted ? '已完成' : '未完成' },
          {
            key: 'hours',
            label: '学时',
            children:
              o.hoursCredited !== null
                ? `已获得${formatHours(o.hoursCredited)}`
                : `通过后获得${formatHours(o.compulsoryHours)}`,
          },
        ]}
      />
      {o.passed && (
        <Alert
          type="success"
          showIcon
          className="ptce-section"
          title={`${o.year}年度公需科目必修课考试已通过，已获得${formatHours(o.hoursCredited ?? o.compulsoryHours)}`}
          action={
            certificates && isReady(certificates) ? (
              <ButtonLink to={certificates.path} type="primary">
                打印证书
              </ButtonLink>
            ) : (
              <Button disabled title="证书功能即将开放">
                打印证书
              </Button>
            )
          }
        />
      )}
      {!o.passed && o.refusal && (
        <Alert
          type={o.attemptsLeft === 0 ? 'warning' : 'info'}
          showIcon
          className="ptce-section"
          title={o.refusal}
          description={o.attemptsLeft === 0 ? `咨询电话：${HELP_DESK.phone}（${HELP_DESK.hours}）` : undefined}
        />
      )}
      {!o.passed && <MakeupRequestPanel year={o.year} />}
      <ErrorAlert error={start.error} />
      {(o.canStart || o.openAttemptId !== null) && (
        <div className="ptce-section">
          {o.openAttemptId !== null ? (
            <ButtonLink to={`/exams/attempts/${o.openAttemptId}`} type="primary">
              继续考试
            </ButtonLink>
          ) : (
            <Button type="primary" onClick={begin} loading={start.isPending}>
              开始考试
            </Button>
          )}
        </div>
      )}
      {o.attempts.length > 0 && (
        <>
          <h3 className="ptce-section-title">考试记录</h3>
          <ListTable<ExamAttemptSummary>
            rowKey="id"
            size="small"
            columns={columns}
            result={rowsResult(o.attempts)}
            empty="还没有考试记录"
          />
        </>
      )}
    </Card>
  );
}
