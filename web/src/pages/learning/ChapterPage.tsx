import { Alert, Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router';
import { useChapter } from '../../api/learning';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { ChapterText } from './ChapterText';
import { StudyPanel } from './StudyPanel';
import './learning.css';

/**
 * 进入学习 — one chapter: its content and the progress the server credits while the page is open
 * and visible.
 */
export default function ChapterPage() {
  const params = useParams();
  const year = Number(params.year);
  const chapterId = Number(params.chapterId);
  const chapter = useChapter(year, chapterId);
  if (chapter.isPending) return <PageSpinner />;
  if (chapter.isError) return <ErrorAlert error={chapter.error} />;
  const v = chapter.data;
  return (
    <>
      <Breadcrumb
        className="ptce-section"
        items={[
          { title: <Link to={`/learning?year=${year}`}>前往学习</Link> },
          { title: <Link to={`/learning/${year}/courses/${v.courseId}`}>{v.courseTitle}</Link> },
        ]}
      />
      <div className="ptce-page-head">
        <h1 className="ptce-page-title">{v.title}</h1>
      </div>
      {v.window.open ? (
        <StudyPanel key={v.id} view={v} />
      ) : (
        <Alert type="warning" showIcon className="ptce-section" title={v.window.reason} />
      )}
      {!v.window.open && v.body && <ChapterText body={v.body} />}
      <nav className="ptce-chapter-nav" aria-label="章节导航">
        {v.prevId ? <ButtonLink to={`/learning/${year}/chapters/${v.prevId}`}>上一章</ButtonLink> : <span />}
        <ButtonLink to={`/learning/${year}/courses/${v.courseId}`}>返回课程</ButtonLink>
        {v.nextId ? (
          <ButtonLink to={`/learning/${year}/chapters/${v.nextId}`} type="primary">
            下一章
          </ButtonLink>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
