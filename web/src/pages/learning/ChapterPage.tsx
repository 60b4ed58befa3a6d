import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Alert, Breadcrumb, Button, Progress } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ChapterView, HeartbeatResponse } from '@ptce/contracts';
import { isApiError, errorMessage } from '../../api/client';
import { learningKeys, openChapter, sendHeartbeat, useChapter } from '../../api/learning';
import { examKeys } from '../../api/exams';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { ChapterText } from './ChapterText';
import { formatDuration, percentOf } from './format';
import './learning.css';

type Status = 'opening' | 'active' | 'other_page' | 'closed' | 'offline';

interface Session {
  status: Status;
  creditedSeconds: number;
  requiredSeconds: number;
  completed: boolean;
  courseCompleted: boolean;
  message: string | null;
}

function newTabId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The page's study session: it opens the chapter (this page becomes the one that counts), then
 * sends a heartbeat every 30 s — only while the page is visible. When the page is hidden it sends
 * one last beat; when it is shown again it says it resumes, so the hidden time is not counted.
 * The server decides what counts; this only reports.
 */
function useStudySession(view: ChapterView, position: () => number | undefined): Session & { takeOver: () => void } {
  const tabId = useMemo(newTabId, [view.id]);
  const qc = useQueryClient();
  const [s, setS] = useState<Session>({
    status: 'opening',
    creditedSeconds: view.creditedSeconds,
    requiredSeconds: view.requiredSeconds,
    completed: view.completed,
    courseCompleted: false,
    message: null,
  });
  const active = useRef(false);
  const lastReopen = useRef(0);
  const done = useRef(view.completed);

  const refreshLists = useCallback(() => {
    void qc.invalidateQueries({ queryKey: learningKeys.all });
    void qc.invalidateQueries({ queryKey: examKeys.overview(view.year) });
  }, [qc, view.year]);

  const fail = useCallback((e: unknown) => {
    if (isApiError(e) && e.code === 'YEAR_CLOSED') {
      active.current = false;
      setS((x) => ({ ...x, status: 'closed', message: e.message }));
    } else if (isApiError(e) && e.status >= 400 && e.status < 500) {
      active.current = false;
      setS((x) => ({ ...x, status: 'closed', message: errorMessage(e) }));
    } else {
      // network blip: keep the session, the next beat tries again
      setS((x) => ({ ...x, status: 'offline', message: '网络连接中断，恢复后将继续计时' }));
    }
  }, []);

  const open = useCallback(async () => {
    try {
      const r = await openChapter(view.year, view.id, tabId);
      active.current = true;
      apply(r);
    } catch (e) {
      fail(e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.year, view.id, tabId]);

  const apply = (r: HeartbeatResponse) => {
    if (!r.active) {
      if (r.reason === 'not_open' && Date.now() - lastReopen.current > 60_000) {
        lastReopen.current = Date.now();
        void open();
        return;
      }
      active.current = false;
      setS((x) => ({ ...x, status: 'other_page', message: null }));
      return;
    }
    const justDone = r.completed && !done.current;
    done.current = r.completed;
    setS({
      status: 'active',
      creditedSeconds: r.creditedSeconds,
      requiredSeconds: r.requiredSeconds,
      completed: r.completed,
      courseCompleted: r.courseCompleted,
      message: null,
    });
    if (justDone) refreshLists();
  };

  const beat = useCallback(
    async (resume: boolean) => {
      if (!active.current || done.current) return;
      try {
        apply(await sendHeartbeat({ tabId, chapterId: view.id, position: position(), resume: resume || undefined }));
      } catch (e) {
        fail(e);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tabId, view.id],
  );

  useEffect(() => {
    void open();
  }, [open]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void beat(false);
    }, view.heartbeatSeconds * 1000);
    const onVisibility = () => void beat(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [beat, view.heartbeatSeconds]);

  // Leaving the page: the lists show the progress made here.
  useEffect(() => () => refreshLists(), [refreshLists]);

  return { ...s, takeOver: () => void open() };
}

/** A video that cannot be moved past the furthest point watched (the server keeps the same limit). */
function VideoPlayer({
  view,
  watched,
  videoRef,
}: {
  view: ChapterView;
  watched: number;
  videoRef: RefObject<HTMLVideoElement | null>;
}) {
  const max = useRef(watched);
  const last = useRef(0);
  useEffect(() => {
    max.current = Math.max(max.current, watched);
  }, [watched]);
  return (
    <video
      ref={videoRef}
      className="ptce-media"
      controls
      controlsList="nodownload noplaybackrate"
      disablePictureInPicture
      preload="metadata"
      aria-label={view.title}
      onLoadedMetadata={(e) => {
        // 继续学习: start where the credited viewing ended
        if (max.current > 1 && max.current < e.currentTarget.duration - 1) e.currentTarget.currentTime = max.current;
      }}
      onTimeUpdate={(e) => {
        const t = e.currentTarget.currentTime;
        if (t > max.current && t - last.current < 2) max.current = t; // normal playback, not a jump
        last.current = t;
      }}
      onSeeking={(e) => {
        if (e.currentTarget.currentTime > max.current + 1) e.currentTarget.currentTime = max.current;
      }}
      onRateChange={(e) => {
        if (e.currentTarget.playbackRate !== 1) e.currentTarget.playbackRate = 1;
      }}
    >
      <source src={view.fileUrl ?? undefined} type={view.mimeType ?? undefined} />
      您的浏览器不支持视频播放，请使用谷歌、火狐或Edge浏览器。
    </video>
  );
}

function Study({ view }: { view: ChapterView }) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const s = useStudySession(view, () => (view.kind === 'video' ? videoRef.current?.currentTime : undefined));
  const pct = percentOf(s.creditedSeconds, s.requiredSeconds);
  const [announce, setAnnounce] = useState('');
  const announced = useRef(view.completed);
  useEffect(() => {
    // One polite announcement when the chapter completes — not a running commentary.
    if (s.completed && !announced.current) {
      announced.current = true;
      setAnnounce(s.courseCompleted ? '本章学习已完成，课程全部章节已学完。' : '本章学习已完成。');
    }
  }, [s.completed, s.courseCompleted]);

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
          title={s.courseCompleted ? '本章学习已完成，课程全部章节已学完。' : '本章学习已完成。'}
          action={
            s.courseCompleted && !view.nextId ? (
              <ButtonLink to={`/learning?year=${view.year}&tab=exams`} type="primary">
                考试列表
              </ButtonLink>
            ) : undefined
          }
        />
      )}

      {view.kind === 'text' && view.body && <ChapterText body={view.body} />}
      {view.kind === 'video' &&
        (view.fileUrl ? (
          <VideoPlayer view={view} watched={s.creditedSeconds} videoRef={videoRef} />
        ) : (
          <Alert type="info" title="视频尚未上传" />
        ))}
      {view.kind === 'pdf' &&
        (view.fileUrl ? (
          <>
            <iframe className="ptce-pdf" src={view.fileUrl} title={view.title} />
            <p>
              <a href={view.fileUrl} target="_blank" rel="noreferrer">
                在新窗口中打开PDF
              </a>
              （请保持本页打开以计时）
            </p>
          </>
        ) : (
          <Alert type="info" title="讲义尚未上传" />
        ))}
    </>
  );
}

/** 进入学习 — one chapter: its content and the progress the server credits while the page is open and visible. */
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
        <Study key={v.id} view={v} />
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
