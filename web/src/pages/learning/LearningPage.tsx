import { Alert, Button, Card, Empty, List, Progress, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import type { CourseCard, LearningOverview } from '@ptce/contracts';
import { useLearningOverview, useLearningYears, useMaterials } from '../../api/learning';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { ExamList } from '../exams/ExamList';
import { formatDuration, formatHours, lastDayOf, percentOf } from './format';
import './learning.css';

const TABS = ['courses', 'materials', 'exams'] as const;
type Tab = (typeof TABS)[number];

function courseAction(c: CourseCard): { label: string; primary: boolean } {
  if (c.completed) return { label: '查看课程', primary: false };
  if (c.started) return { label: '继续学习', primary: true };
  return { label: '进入学习', primary: true };
}

function CourseTile({ year, course }: { year: number; course: CourseCard }) {
  const action = courseAction(course);
  const pct = percentOf(course.creditedSeconds, course.requiredSeconds);
  const id = `course-${course.id}-title`;
  return (
    <Card className="ptce-course-card" size="small" role="article" aria-labelledby={id}>
      <h3 id={id} className="ptce-course-title">
        {course.title}
      </h3>
      <div className="ptce-course-meta">
        {course.kind === 'compulsory' ? <Tag color="blue">必修课</Tag> : <Tag>{course.area ?? '选修课'}</Tag>}
        {course.chapterCount}章 · 共{formatDuration(course.requiredSeconds)}
        {course.lecturer && ` · ${course.lecturer}`}
      </div>
      <Progress
        percent={course.completed ? 100 : pct}
        size="small"
        status={course.completed ? 'success' : 'normal'}
        aria-label={`${course.title} 学习进度`}
      />
      <div className="ptce-course-meta">
        {course.completed
          ? '已完成学习'
          : `已完成 ${course.completedChapters}/${course.chapterCount} 章，已学 ${formatDuration(course.creditedSeconds)}`}
      </div>
      <div className="ptce-course-actions">
        {course.window.open || course.completed ? (
          <ButtonLink
            to={`/learning/${year}/courses/${course.id}`}
            type={action.primary ? 'primary' : 'default'}
            aria-describedby={id}
          >
            {action.label}
          </ButtonLink>
        ) : (
          <span className="ptce-course-meta">{course.window.reason}</span>
        )}
      </div>
    </Card>
  );
}

function HoursSummary({ o }: { o: LearningOverview }) {
  return (
    <Card size="small" className="ptce-section" title={`${o.year}年度公需科目学时`}>
      <div className="ptce-hours-summary">
        <div>
          必修课：<strong>{formatHours(o.hours.compulsory)}</strong>
          <span className="ptce-course-meta"> / {formatHours(o.plan.compulsoryHours)}（完成学习并通过考试）</span>
        </div>
        {o.electives.length > 0 && (
          <div>
            选修课：<strong>{formatHours(o.hours.elective)}</strong>
            <span className="ptce-course-meta"> / {formatHours(o.plan.electiveHours)}（完成全部选修课）</span>
          </div>
        )}
        <div className="ptce-course-meta">
          学习考试截止日期：
          {o.year === o.currentYear || !o.compulsory?.window.until
            ? o.publicDeadline
            : `${lastDayOf(o.compulsory.window.until)}（补学补考）`}
        </div>
      </div>
    </Card>
  );
}

function Courses({ o }: { o: LearningOverview }) {
  return (
    <>
      <h2 className="ptce-section-title">必修课</h2>
      {o.compulsory ? (
        <div className="ptce-course-grid ptce-section">
          <CourseTile year={o.year} course={o.compulsory} />
        </div>
      ) : (
        <Empty description="本年度未设置必修课" />
      )}
      {o.electives.length > 0 && (
        <>
          <h2 className="ptce-section-title">选修课</h2>
          <div className="ptce-course-grid">
            {o.electives.map((c) => (
              <CourseTile key={c.id} year={o.year} course={c} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

function Materials({ year }: { year: number }) {
  const list = useMaterials(year);
  if (list.isPending) return <PageSpinner />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <List
      bordered
      dataSource={list.data}
      locale={{ emptyText: '暂无资料' }}
      renderItem={(m) => (
        <List.Item
          actions={[
            <Button key="dl" href={m.url} download={m.fileName} aria-label={`下载 ${m.title}`}>
              下载
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={m.title}
            description={`${m.courseTitle} · ${m.fileName} · ${Math.max(1, Math.round(m.size / 1024))} KB`}
          />
        </List.Item>
      )}
    />
  );
}

/**
 * 前往学习 (notice 附件1 二(二)): 学习课程 — choose a course, 进入学习; 相关资料 — downloads;
 * 考试列表 — the exam once the course is complete. `?year=` shows a prior year (历年培训).
 */
export default function LearningPage() {
  const [params, setParams] = useSearchParams();
  const years = useLearningYears();
  const current = years.data?.find((y) => y.isCurrent)?.year;
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked > 2000 ? asked : current;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'courses';
  const overview = useLearningOverview(year);

  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    if (k === 'courses') next.delete('tab');
    else next.set('tab', k);
    setParams(next, { replace: true });
  };

  const history = (
    <ButtonLink to="/learning/history" aria-label="历年培训（补学补考）">
      历年培训
    </ButtonLink>
  );
  if (years.isError) return <ErrorAlert error={years.error} />;
  if (year === undefined || overview.isPending) return <PageSpinner />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  const prior = o.year < o.currentYear;

  return (
    <>
      <PageTitle extra={history}>{prior ? `${o.year}年度公需科目补学补考` : '前往学习'}</PageTitle>
      {prior && (
        <Alert
          type="info"
          showIcon
          className="ptce-section"
          title={`历年培训：完成${o.year}年度必修课学习并通过考试后，学时计入${o.year}年度。`}
          description={o.compulsory?.window.reason ?? undefined}
        />
      )}
      {o.roundKind === 'makeup' && !prior && (
        <Alert
          type="info"
          showIcon
          className="ptce-section"
          title="已为您开通补学补考：请重新完成必修课学习后参加考试。"
        />
      )}
      <HoursSummary o={o} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'courses', label: '学习课程', children: <Courses o={o} /> },
          { key: 'materials', label: '相关资料', children: <Materials year={o.year} /> },
          { key: 'exams', label: '考试列表', children: <ExamList year={o.year} /> },
        ]}
      />
    </>
  );
}
