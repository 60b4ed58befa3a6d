/**
 * 培训备案: the 项目学时 of a filed class comes from its schedule (课程安排), never typed — each half day of
 * the schedule is worth the plan's hours per half day (4, attachment 2 §一(一)), as for a record of a
 * training class. Pure: no I/O.
 */
import { checkSpan, halfDays, type Half, type Span } from './hours';
import { violation, type RuleViolation } from './violations';

export interface ScheduleSlot {
  date: string;
  half: Half;
}

const HALF_TEXT: Record<Half, string> = { am: '上午', pm: '下午' };

/** 项目学时: the schedule's half days × the plan's hours per half day. */
export function scheduleHours(slots: readonly ScheduleSlot[], hoursPerHalfDay: number): number {
  return new Set(slots.map((s) => `${s.date}/${s.half}`)).size * hoursPerHalfDay;
}

/** Where a half day falls on the class's span: 0 = the start half day. */
function slotIndex(span: Span, slot: ScheduleSlot): number {
  return halfDays({ startDate: span.startDate, startHalf: span.startHalf, endDate: slot.date, endHalf: slot.half }) - 1;
}

/**
 * The span (valid dates, one year, end not before start) and its schedule: every session lies within the
 * span, and no half day is scheduled twice. Fields name the session (`sessions.3.date`).
 */
export function checkSchedule(span: Span, slots: readonly ScheduleSlot[]): RuleViolation[] {
  const spanViolations = checkSpan(span);
  if (spanViolations.length) return spanViolations;
  const last = halfDays(span) - 1;
  const seen = new Set<string>();
  const v: RuleViolation[] = [];
  slots.forEach((s, i) => {
    const key = `${s.date}/${s.half}`;
    const at = checkSpan({ startDate: s.date, startHalf: s.half, endDate: s.date, endHalf: s.half }).length
      ? -1
      : slotIndex(span, s);
    if (at < 0 || at > last) v.push(violation(`sessions.${i}.date`, 'SESSION_OUTSIDE_SPAN', s.date, HALF_TEXT[s.half]));
    else if (seen.has(key)) v.push(violation(`sessions.${i}.date`, 'SESSION_DUPLICATE', s.date, HALF_TEXT[s.half]));
    seen.add(key);
  });
  return v;
}

/**
 * Every half day of a span, in order: the schedule a form starts from (one session per half day). Empty when
 * the span is not valid (bad dates, end before start) or longer than `max` half days.
 */
export function spanSlots(span: Span, max = 400): ScheduleSlot[] {
  if (checkSpan(span).length) return [];
  const n = halfDays(span);
  if (n > max) return [];
  const start = Date.parse(`${span.startDate}T00:00:00Z`);
  const first = span.startHalf === 'pm' ? 1 : 0;
  return Array.from({ length: n }, (_, i) => {
    const k = first + i;
    const date = new Date(start + Math.floor(k / 2) * 86_400_000).toISOString().slice(0, 10);
    return { date, half: k % 2 === 0 ? ('am' as const) : ('pm' as const) };
  });
}
