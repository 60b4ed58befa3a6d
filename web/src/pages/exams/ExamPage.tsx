import { Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router';
import { useAttempt } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { ExamResult } from './ExamResult';
import { Paper } from './Paper';
import '../learning/learning.css';

/**
 * The exam: the paper while open (time-limited, saved as answered); after it, the score, which
 * answers were wrong, and the key once passed.
 */
export default function ExamPage() {
  const id = Number(useParams().attemptId);
  const attempt = useAttempt(id);
  if (attempt.isPending) return <PageSpinner />;
  if (attempt.isError) return <ErrorAlert error={attempt.error} />;
  const a = attempt.data;
  return (
    <>
      <Breadcrumb
        className="ptce-section"
        items={[
          { title: <Link to={`/learning?year=${a.year}`}>前往学习</Link> },
          { title: <Link to={`/learning?year=${a.year}&tab=exams`}>考试列表</Link> },
        ]}
      />
      <div className="ptce-page-head">
        <h1 className="ptce-page-title">
          {a.year}年度公需科目考试：《{a.courseTitle}》
        </h1>
        <span className="ptce-course-meta">
          第{a.attemptNo}次考试（共{a.maxAttempts}次）{a.roundNo > 1 && `· 第${a.roundNo}轮`}
        </span>
      </div>
      {a.status === 'open' ? <Paper key={a.id} a={a} fetchedAt={attempt.dataUpdatedAt} /> : <ExamResult a={a} />}
    </>
  );
}
