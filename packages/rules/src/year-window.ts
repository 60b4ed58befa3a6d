/**
 * When a plan year is open. Professional hours of year Y are registered and reviewed until the end
 * of the plan's professional deadline (Mar 31 of Y+1 by default, Asia/Shanghai); public subjects
 * until the public deadline (Dec 31 of Y by default). Dates are Shanghai calendar days.
 */
import type { PlanRules } from './plan';
import { lastDayOfYear } from './plan';

export function isOpen(now: Date, deadlineEnd: Date): boolean {
  return now.getTime() < deadlineEnd.getTime();
}

/** The day is on or before the deadline day (both Shanghai dates, YYYY-MM-DD). */
export function onOrBefore(today: string, deadline: string): boolean {
  return today <= deadline;
}

export function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function closedReason(year: number, deadline: string): string {
  return `${year}年度专业科目学时登记和审核已于${dateText(deadline)}截止`;
}

export function publicClosedReason(year: number, deadline: string): string {
  return `${year}年度公需科目补学补考已于${deadline}截止`;
}

/** The last day of the year before `year` — the instant a new calendar year starts is the end of this day. */
export function lastDayOfPreviousYear(year: number): string {
  return lastDayOfYear(year - 1);
}

export type RegistrationWindow = { open: true } | { open: false; reason: string };

/**
 * Whether a person may still register (and a unit review) professional hours of the plan's year
 * today: from Jan 1 of the year until the professional deadline (Mar 31 of the next year).
 */
export function registrationWindow(
  plan: Pick<PlanRules, 'year' | 'professionalDeadline'> | undefined,
  year: number,
  today: string,
): RegistrationWindow {
  if (!plan) return { open: false, reason: `${year}年度没有年度计划，不能登记该年度学时` };
  if (!onOrBefore(today, plan.professionalDeadline))
    return { open: false, reason: closedReason(year, plan.professionalDeadline) };
  return { open: true };
}

/** The years whose professional hours may be registered today, newest first. */
export function registrableYears(
  plans: ReadonlyArray<Pick<PlanRules, 'year' | 'professionalDeadline'>>,
  today: string,
): number[] {
  const thisYear = Number(today.slice(0, 4));
  return plans
    .filter((p) => p.year <= thisYear && onOrBefore(today, p.professionalDeadline))
    .map((p) => p.year)
    .sort((a, b) => b - a);
}
