import { useRef } from 'react';
import { Alert, Breadcrumb, Button, Card, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { CHAPTER_KIND_LABEL, COURSE_KIND_LABEL } from '@ptce/contracts';
import { useChapterPreview, useCoursePreview } from '../../api/course-admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { ChapterContent } from './ChapterContent';
import { formatDuration } from './format';
import { CourseMaterials } from './CourseMaterials';
import './learning.css';

/**
 * 预览 — the operator reads a course (a draft too) as the learner's 学习课程 page shows it: chapters with their
 * study time, each chapter's content, 相关资料. Read-only: no chapter is opened, no heartbeat sent, nothing recorded.
 */
export default function CoursePreviewPage() {
  const courseId = Number(useParams().courseId);
  const [params, setParams] = useSearchParams();
  const chapterId = Number(params.get('chapter')) || null;
  const course = useCoursePreview(courseId);
  const chapter = useChapterPreview(chapterId);
  const videoRef = useRef<HTMLVideoElement>(null);
  if (course.isPending) return <PageSpinner />;
  if (course.isError) return <ErrorAlert error={course.error} />;
  const c = course.data;
  const open = (id: number) =>
    setParams((p) => {
      p.set('chapter', String(id));
      return p;
    });
  return (
    <>
      <Breadcrumb
        className="ptce-section"
        items={[{ title: <Link to={`/learning/admin?course=${c.id}`}>课程管理</Link> }, { title: '预览' }]}
      />
      <PageTitle>{c.title}</PageTitle>
      <Alert type="info" showIcon className="ptce-section" title={c.window.reason} />
      <Card size="small" className="ptce-section">
        <p>
          <Tag color={c.kind === 'compulsory' ? 'red' : 'blue'}>{COURSE_KIND_LABEL[c.kind]}</Tag>
          {c.year}年度 · {c.code}
        </p>
        {c.summary && <p>{c.summary}</p>}
        <p className="ptce-course-meta">
          {c.lecturer && `主讲：${c.lecturer} · `}共{c.chapterCount}章，需学习{formatDuration(c.requiredSeconds)}
        </p>
      </Card>
      <Card title="章节" size="small" className="ptce-section">
        {c.chapters.length === 0 && <p className="ptce-muted">尚无章节</p>}
        <ol className="ptce-chapter-list">
          {c.chapters.map((ch) => (
            <li key={ch.id}>
              <span className="ptce-chapter-name">
                {ch.title} <Tag>{CHAPTER_KIND_LABEL[ch.kind]}</Tag>
              </span>
              <span className="ptce-chapter-progress ptce-course-meta">{formatDuration(ch.requiredSeconds)}</span>
              <Button
                size="small"
                type={ch.id === chapterId ? 'primary' : 'default'}
                aria-label={`预览章节：${ch.title}`}
                onClick={() => open(ch.id)}
              >
                预览
              </Button>
            </li>
          ))}
        </ol>
      </Card>
      {chapterId !== null && (
        <Card title={chapter.data?.title ?? '章节内容'} size="small" className="ptce-section">
          {chapter.isPending ? (
            <PageSpinner />
          ) : chapter.isError ? (
            <ErrorAlert error={chapter.error} />
          ) : (
            <ChapterContent view={chapter.data} watched={chapter.data.requiredSeconds} videoRef={videoRef} />
          )}
        </Card>
      )}
      <CourseMaterials materials={c.materials} />
    </>
  );
}
