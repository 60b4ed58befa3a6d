/**
 * Professional-hours arithmetic (专业科目学时). Pure: no I/O, no clock — callers pass "today".
 */
import type { ActivityType, PlanRules } from './plan';
import { violation, type RuleViolation } from './violations';

export type Half = 'am' | 'pm';

export interface Span {
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
}

const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD; RangeError for anything else (02-30, 2024-13-01, 2024-1-1). */
function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`invalid date ${date}`);
  const y = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  const d = new Date(0);
  const t = d.setUTCFullYear(y, month, day);
  // A day or month out of range rolls over (02-30 becomes 03-01): a date that does not come back is invalid.
  if (d.getUTCFullYear() !== y || d.getUTCMonth() !== month || d.getUTCDate() !== day)
    throw new RangeError(`invalid date ${date}`);
  return t / DAY_MS;
}

export function isCalendarDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/**
 * Half days from start to end inclusive: 05-06 上午 → 05-07 下午 = 4; same day 上午→上午 = 1,
 * 上午→下午 = 2. Zero or less means the end is before the start.
 */
export function halfDays(s: Span): number {
  const days = dayNumber(s.endDate) - dayNumber(s.startDate);
  return days * 2 + (s.endHalf === 'pm' ? 2 : 1) - (s.startHalf === 'pm' ? 1 : 0);
}

/** 申请学时 default: the plan's hours (4) per half day — notice, attachment 2 §一(一). */
export function defaultHours(s: Span, hoursPerHalfDay: number): number {
  return halfDays(s) * hoursPerHalfDay;
}

/** Training classes (培训班/研修班/进修班) always take the half-day number; other activities may be typed by hand. */
export function mayTypeHours(type: ActivityType): boolean {
  return type !== 'training';
}

/**
 * The cap of 申请学时 on one record of an activity type: none for a training class (a 12-day class
 * is 96 hours); for a type typed by hand the plan's cap of that type, else the plan's max record hours.
 */
export function hoursCapOf(
  plan: Pick<PlanRules, 'maxRecordHours' | 'activityCaps'>,
  type: ActivityType,
): number | null {
  if (!mayTypeHours(type)) return null;
  return plan.activityCaps?.[type] ?? plan.maxRecordHours;
}

/**
 * The span alone: valid dates, 不能跨年登记 (notice §二(二)), end not before start. The web's
 * 申请学时 preview says this at once; the server checks it again on save.
 */
export function checkSpan(s: Span): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (!isCalendarDate(s.startDate)) v.push(violation('startDate', 'INVALID_START_DATE'));
  if (!isCalendarDate(s.endDate)) v.push(violation('endDate', 'INVALID_END_DATE'));
  if (v.length) return v;
  if (s.startDate.slice(0, 4) !== s.endDate.slice(0, 4)) {
    return [violation('endDate', 'CROSS_YEAR', s.startDate.slice(0, 4), s.endDate.slice(0, 4))];
  }
  if (halfDays(s) <= 0) return [violation('endDate', 'END_BEFORE_START')];
  return [];
}

export interface RecordRuleInput extends Span {
  activityType: ActivityType;
  hours?: number;
}

export interface RecordRules {
  today: string; // Shanghai date
  hoursPerHalfDay: number;
  maxRecordHours: number;
  activityCaps?: Partial<Record<ActivityType, number>>;
}

/** The rules of a record of the plan's year, today. */
export function recordRulesOf(
  plan: Pick<PlanRules, 'hoursPerHalfDay' | 'maxRecordHours' | 'activityCaps'>,
  today: string,
): RecordRules {
  return {
    today,
    hoursPerHalfDay: plan.hoursPerHalfDay,
    maxRecordHours: plan.maxRecordHours,
    activityCaps: plan.activityCaps,
  };
}

/** Checks a record's dates and hours; returns the year and hours to store, or every violation. */
export function checkRecord(
  input: RecordRuleInput,
  rules: RecordRules,
): { ok: true; year: number; hours: number } | { ok: false; violations: RuleViolation[] } {
  const spanViolations = checkSpan(input);
  if (spanViolations.length) return { ok: false, violations: spanViolations };
  const v: RuleViolation[] = [];
  if (input.endDate > rules.today) v.push(violation('endDate', 'END_AFTER_TODAY'));
  const computed = halfDays(input) * rules.hoursPerHalfDay;
  const cap = hoursCapOf(
    { maxRecordHours: rules.maxRecordHours, activityCaps: rules.activityCaps ?? {} },
    input.activityType,
  );
  let hours = computed;
  if (input.hours !== undefined) {
    if (!(input.hours > 0)) v.push(violation('hours', 'HOURS_NOT_POSITIVE'));
    else if (Math.round(input.hours * 10) !== input.hours * 10) v.push(violation('hours', 'HOURS_TOO_PRECISE'));
    else if (cap === null && input.hours !== computed)
      v.push(violation('hours', 'TRAINING_HOURS_FIXED', rules.hoursPerHalfDay, computed));
    else if (cap !== null && input.hours > cap) v.push(violation('hours', 'HOURS_OVER_CAP', cap));
    else hours = input.hours;
  } else if (cap !== null && computed > cap) {
    v.push(violation('hours', 'COMPUTED_HOURS_OVER_CAP', cap));
  }
  if (v.length) return { ok: false, violations: v };
  return { ok: true, year: Number(input.startDate.slice(0, 4)), hours };
}

/**
 * The same training registered twice: one person, the same title, start and end (date and half day),
 * a record not 不予认定. Refused by 新登记培训 and 修改, naming the record already there; the Excel
 * import refuses any second record of a person with the same start and end, with the same message
 * (ruleMessages.DUPLICATE_RECORD).
 */
export function sameTraining(a: Span & { title: string }, b: Span & { title: string }): boolean {
  return (
    a.title.trim() === b.title.trim() &&
    a.startDate === b.startDate &&
    a.startHalf === b.startHalf &&
    a.endDate === b.endDate &&
    a.endHalf === b.endHalf
  );
}
