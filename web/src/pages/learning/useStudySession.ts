import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChapterView, HeartbeatResponse } from '@ptce/contracts';
import { isApiError, errorMessage } from '../../api/client';
import { learningKeys, openChapter, sendHeartbeat } from '../../api/learning';
import { examKeys } from '../../api/exams';

type Status = 'opening' | 'active' | 'other_page' | 'closed' | 'offline';

export interface StudySession {
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
 * The server decides what counts; this only reports. Mount it once per chapter (key the caller by
 * the chapter's id): the tab id and the starting point are those of the first render.
 */
export function useStudySession(
  view: ChapterView,
  videoRef: RefObject<HTMLVideoElement | null>,
): StudySession & { takeOver: () => void } {
  const [tabId] = useState(newTabId);
  const qc = useQueryClient();
  const [s, setS] = useState<StudySession>({
    status: 'opening',
    creditedSeconds: view.creditedSeconds,
    requiredSeconds: view.requiredSeconds,
    completed: view.completed,
    courseCompleted: false,
    message: null,
  });
  const completedAtOpen = useRef(view.completed);
  // 在本页继续学习 reopens the session the effect below runs.
  const reopen = useRef<() => void>(() => undefined);
  const { id: chapterId, year, kind, heartbeatSeconds } = view;

  const refreshLists = useCallback(() => {
    void qc.invalidateQueries({ queryKey: learningKeys.all });
    void qc.invalidateQueries({ queryKey: examKeys.overview(year) });
  }, [qc, year]);

  useEffect(() => {
    let active = false;
    let lastReopen = 0;
    let done = completedAtOpen.current;

    const fail = (e: unknown) => {
      if (isApiError(e) && e.code === 'YEAR_CLOSED') {
        active = false;
        setS((x) => ({ ...x, status: 'closed', message: e.message }));
      } else if (isApiError(e) && e.status >= 400 && e.status < 500) {
        active = false;
        setS((x) => ({ ...x, status: 'closed', message: errorMessage(e) }));
      } else {
        // network blip: keep the session, the next beat tries again
        setS((x) => ({ ...x, status: 'offline', message: '网络连接中断，恢复后将继续计时' }));
      }
    };

    const apply = (r: HeartbeatResponse) => {
      if (!r.active) {
        if (r.reason === 'not_open' && Date.now() - lastReopen > 60_000) {
          lastReopen = Date.now();
          void open();
          return;
        }
        active = false;
        setS((x) => ({ ...x, status: 'other_page', message: null }));
        return;
      }
      const justDone = r.completed && !done;
      done = r.completed;
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

    async function open() {
      try {
        const r = await openChapter(year, chapterId, tabId);
        active = true;
        apply(r);
      } catch (e) {
        fail(e);
      }
    }

    const beat = async (resume: boolean) => {
      if (!active || done) return;
      const position = kind === 'video' ? videoRef.current?.currentTime : undefined;
      try {
        apply(await sendHeartbeat({ tabId, chapterId, position, resume: resume || undefined }));
      } catch (e) {
        fail(e);
      }
    };

    reopen.current = () => void open();
    void open();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void beat(false);
    }, heartbeatSeconds * 1000);
    const onVisibility = () => void beat(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [tabId, chapterId, year, kind, heartbeatSeconds, videoRef, refreshLists]);

  // Leaving the page: the lists show the progress made here.
  useEffect(() => () => refreshLists(), [refreshLists]);

  return { ...s, takeOver: () => reopen.current() };
}
