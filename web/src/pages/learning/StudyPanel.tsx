import { useRef, useState } from 'react';
import { Alert, Button, Progress } from 'antd';
import type { ChapterView } from '@ptce/contracts';
import { ButtonLink } from '../../components/ButtonLink';
import { ChapterContent } from './ChapterContent';
import { formatDuration, percentOf } from './format';
import { useStudySession } from './useStudySession';

/** The open chapter: the credited time, what pauses it, and the content. Key it by the chapter's id. */
export function StudyPanel({ view }: { view: ChapterView }) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const s = useStudySession(view, videoRef);
  const pct = percentOf(s.creditedSeconds, s.requiredSeconds);
  const [completedAtOpen] = useState(view.completed);
  const doneText = s.courseCompleted ? '本章学习已完成，课程全部章节已学完。' : '本章学习已完成。';
  // One polite announcement when the chapter completes here — not a running commentary.
  const announce = s.completed && !completedAtOpen ? doneText : '';

  return (
    <>
      <div className="ptce-study-bar">
        <div className="ptce-study-bar-row">
          <span>
            已学 {formatDuration(s.creditedSeconds)} / 需学 {formatDuration(s.requiredSeconds)}
          </span>
          <span className="ptce-course-meta">
            {s.completed
              ? '本章已完成'
              : s.status === 'active'
                ? '计时中（页面可见时计时）'
                : s.status === 'opening'
                  ? '正在开始计时…'
                  : '已暂停计时'}
          </span>
        </div>
        <Progress
          percent={s.completed ? 100 : pct}
          size="small"
          status={s.completed ? 'success' : 'active'}
          aria-label="本章学习进度"
        />
      </div>
      <div aria-live="polite" className="ptce-sr-only">
        {announce}
      </div>
      {s.status === 'other_page' && (
        <Alert
          type="warning"
          showIcon
          className="ptce-section"
          title="您已在其他页面或设备上打开学习内容，本页已暂停计时。"
          description="同一时间只计算一个页面的学习时间。"
          action={<Button onClick={s.takeOver}>在本页继续学习</Button>}
        />
      )}
      {(s.status === 'closed' || s.status === 'offline') && s.message && (
        <Alert type={s.status === 'closed' ? 'error' : 'warning'} showIcon className="ptce-section" title={s.message} />
      )}
      {s.completed && (
        <Alert
          type="success"
          showIcon
          className="ptce-section"
          title={doneText}
          action={
            s.courseCompleted && !view.nextId ? (
              <ButtonLink to={`/learning?year=${view.year}&tab=exams`} type="primary">
                考试列表
              </ButtonLink>
            ) : undefined
          }
        />
      )}

      <ChapterContent view={view} watched={s.creditedSeconds} videoRef={videoRef} />
    </>
  );
}
