/**
 * Professional-hours arithmetic (专业科目学时). Pure: no I/O, no clock — callers pass "today".
 */
export type Half = 'am' | 'pm';

export interface Span {
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`invalid date ${date}`);
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

/** 申请学时 default: 4 hours (the plan's number) per half day — notice, attachment 2 §一(一). */
export function defaultHours(s: Span, hoursPerHalfDay: number): number {
  return halfDays(s) * hoursPerHalfDay;
}

export interface RecordRuleInput extends Span {
  activityType: 'training' | 'practice' | 'distance' | 'academic' | 'other';
  hours?: number;
}

export interface RecordRules {
  today: string; // Shanghai date
  hoursPerHalfDay: number;
  maxRecordHours: number;
}

export type RuleViolation = { field: string; reason: string };

/** Checks a record's dates and hours; returns the year and hours to store, or every violation. */
export function checkRecord(input: RecordRuleInput, rules: RecordRules): { ok: true; year: number; hours: number } | { ok: false; violations: RuleViolation[] } {
  const v: RuleViolation[] = [];
  if (!isCalendarDate(input.startDate)) v.push({ field: 'startDate', reason: '开始日期无效' });
  if (!isCalendarDate(input.endDate)) v.push({ field: 'endDate', reason: '结束日期无效' });
  if (v.length) return { ok: false, violations: v };
  // 不能跨年登记 — notice §二(二)
  if (input.startDate.slice(0, 4) !== input.endDate.slice(0, 4)) {
    return { ok: false, violations: [{ field: 'endDate', reason: `不能跨年登记：开始和结束须在同一年度（${input.startDate.slice(0, 4)}年与${input.endDate.slice(0, 4)}年）` }] };
  }
  const n = halfDays(input);
  if (n <= 0) return { ok: false, violations: [{ field: 'endDate', reason: '结束时间不能早于开始时间' }] };
  if (input.endDate > rules.today) v.push({ field: 'endDate', reason: '结束日期不能晚于今天：请在培训结束后登记' });
  const computed = n * rules.hoursPerHalfDay;
  let hours = computed;
  if (input.hours !== undefined) {
    if (!(input.hours > 0)) v.push({ field: 'hours', reason: '申请学时必须大于0' });
    else if (Math.round(input.hours * 10) !== input.hours * 10) v.push({ field: 'hours', reason: '申请学时最多保留一位小数' });
    else if (input.activityType === 'training' && input.hours !== computed) {
      v.push({ field: 'hours', reason: `培训班/研修班/进修班按每半天${rules.hoursPerHalfDay}学时计算，应为${computed}学时` });
    } else if (input.hours > rules.maxRecordHours) v.push({ field: 'hours', reason: `单条记录申请学时不能超过${rules.maxRecordHours}学时` });
    else hours = input.hours;
  } else if (computed > rules.maxRecordHours) {
    v.push({ field: 'hours', reason: `单条记录申请学时不能超过${rules.maxRecordHours}学时，请核对起止时间或手动填写` });
  }
  if (v.length) return { ok: false, violations: v };
  return { ok: true, year: Number(input.startDate.slice(0, 4)), hours };
}
