import { useEffect, useMemo, useState } from 'react';
import type { ExamAttemptView } from '@ptce/contracts';

/** mm:ss of what is left, never negative. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds left by the server's clock (the device's clock may be wrong), ticking every second. */
export function useRemaining(a: ExamAttemptView, fetchedAt: number): number {
  const skew = useMemo(() => Date.parse(a.serverNow) - fetchedAt, [a.serverNow, fetchedAt]);
  const deadline = Date.parse(a.deadlineAt);
  const [left, setLeft] = useState(() => deadline - (Date.now() + skew));
  useEffect(() => {
    const timer = window.setInterval(() => setLeft(deadline - (Date.now() + skew)), 1000);
    return () => window.clearInterval(timer);
  }, [deadline, skew]);
  return left;
}

/** Remaining-time announcements for screen readers, in minutes — not every second. */
const ANNOUNCE_AT = [30, 15, 10, 5, 1];

/**
 * What the screen reader hears about the time: the start, then each threshold crossed while the
 * paper is open (thresholds already behind us when the page opened are not announced late), then
 * the deadline.
 */
export function useTimeAnnouncement(a: ExamAttemptView, left: number): string {
  const [openedAtMinutes] = useState(() => Math.ceil(left / 60000));
  if (left <= 0) return '考试时间到，正在自动交卷。';
  const minutes = Math.ceil(left / 60000);
  const crossed = ANNOUNCE_AT.filter((m) => m < openedAtMinutes && minutes <= m);
  if (crossed.length) return `考试剩余时间${Math.min(...crossed)}分钟。`;
  const limit = Math.round((Date.parse(a.deadlineAt) - Date.parse(a.startedAt)) / 60000);
  return `考试开始，共${a.questions.length}题，限时${limit}分钟。`;
}
