/**
 * When a plan year is open. Professional hours of year Y are registered and reviewed until the end
 * of the plan's professional deadline (Mar 31 of Y+1 by default, Asia/Shanghai); public subjects
 * until the public deadline (Dec 31 of Y by default). Dates are Shanghai calendar days.
 */
import type { PlanRules } from './plan';
import { lastDayOfYear } from './plan';
import { refusal, type RuleRefusal } from './violations';

export function isOpen(now: Date, deadlineEnd: Date): boolean {
  return now.getTime() < deadlineEnd.getTime();
}

/** The day is on or before the deadline day (both Shanghai dates, YYYY-MM-DD). */
export function onOrBefore(today: string, deadline: string): boolean {
  return today <= deadline;
}

/** The last day of the year before `year` — the instant a new calendar year starts is the end of this day. */
export function lastDayOfPreviousYear(year: number): string {
  return lastDayOfYear(year - 1);
}

/** Why professional hours of a year may not be registered or reviewed: no plan, a draft plan, or past the deadline. */
export type YearClosed = RuleRefusal<'NO_PLAN' | 'PLAN_NOT_PUBLISHED' | 'YEAR_CLOSED'>;

/** What 登记 says of a closed year: a year without a plan adds that its hours cannot be registered. */
export function registrationRefusal(closed: YearClosed): string {
  return closed.code === 'NO_PLAN' ? `${closed.reason}，不能登记该年度学时` : closed.reason;
}

export type RegistrationWindow = { open: true } | ({ open: false } & YearClosed);

/**
 * Whether a person may still register (and a unit review) professional hours of the plan's year
 * today: from Jan 1 of the year until the professional deadline (Mar 31 of the next year).
 */
export function registrationWindow(
  plan: Pick<PlanRules, 'year' | 'professionalDeadline'> | undefined,
  year: number,
  today: string,
): RegistrationWindow {
  if (!plan) {
    const closed = refusal('NO_PLAN', year);
    return { open: false, code: closed.code, reason: registrationRefusal(closed) };
  }
  if (!onOrBefore(today, plan.professionalDeadline))
    return { open: false, ...refusal('YEAR_CLOSED', year, plan.professionalDeadline) };
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
