import { Alert, Breadcrumb, Card, Progress, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { CHAPTER_KIND_LABEL, type ChapterSummary } from '@ptce/contracts';
import { useCourse } from '../../api/learning';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { formatDuration, percentOf } from './format';
import { CourseMaterials } from './CourseMaterials';
import './learning.css';

function chapterAction(ch: ChapterSummary): string {
  if (ch.completed) return '复习';
  return ch.started ? '继续学习' : '进入学习';
}

/** 学习课程 → one course: its chapters with progress, 进入学习 / 继续学习, and its 相关资料. */
export default function CoursePage() {
  const params = useParams();
  const year = Number(params.year);
  const courseId = Number(params.courseId);
  const course = useCourse(year, courseId);
  if (course.isPending) return <PageSpinner />;
  if (course.isError) return <ErrorAlert error={course.error} />;
  const c = course.data;
  const next = c.chapters.find((ch) => !ch.completed);

  return (
    <>
      <Breadcrumb
        className="ptce-section"
        items={[
          { title: <Link to={`/learning?year=${year}`}>前往学习</Link> },
          { title: c.kind === 'compulsory' ? '必修课' : '选修课' },
        ]}
      />
      <PageTitle
        extra={
          c.completed && c.kind === 'compulsory' ? (
            <ButtonLink to={`/learning?year=${year}&tab=exams`} type="primary">
              考试列表
            </ButtonLink>
          ) : next && c.window.open ? (
            <ButtonLink to={`/learning/${year}/chapters/${next.id}`} type="primary">
              {c.started ? '继续学习' : '进入学习'}
            </ButtonLink>
          ) : undefined
        }
      >
        {c.title}
      </PageTitle>
      {!c.window.open && c.window.reason && (
        <Alert type="warning" showIcon className="ptce-section" title={c.window.reason} />
      )}
      {c.completed && (
        <Alert
          type="success"
          showIcon
          className="ptce-section"
          title={c.kind === 'compulsory' ? '课程学习已完成，可以参加考试。' : '本课程学习已完成。'}
        />
      )}
      <Card size="small" className="ptce-section">
        {c.summary && <p>{c.summary}</p>}
        <p className="ptce-course-meta">
          {c.lecturer && `主讲：${c.lecturer} · `}共{c.chapterCount}章，需学习{formatDuration(c.requiredSeconds)}
          {c.roundNo > 1 && ` · 第${c.roundNo}轮学习`}
        </p>
        <Progress
          percent={c.completed ? 100 : percentOf(c.creditedSeconds, c.requiredSeconds)}
          aria-label="课程学习进度"
        />
      </Card>

      <Card title="章节" size="small" className="ptce-section">
        <ol className="ptce-chapter-list">
          {c.chapters.map((ch) => (
            <li key={ch.id}>
              <span className="ptce-chapter-name">
                {ch.title} <Tag>{CHAPTER_KIND_LABEL[ch.kind]}</Tag>
                {ch.completed && <Tag color="success">已完成</Tag>}
              </span>
              <span className="ptce-chapter-progress ptce-course-meta">
                {formatDuration(ch.creditedSeconds)} / {formatDuration(ch.requiredSeconds)}
              </span>
              {c.window.open ? (
                <ButtonLink
                  to={`/learning/${year}/chapters/${ch.id}`}
                  size="small"
                  type={ch.completed ? 'default' : 'primary'}
                  aria-label={`${chapterAction(ch)}：${ch.title}`}
                >
                  {chapterAction(ch)}
                </ButtonLink>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>

      <CourseMaterials materials={c.materials} />
    </>
  );
}
