import { endOfShanghaiDay, now, shanghaiDate, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { isOpen, refusal, registrationRefusal, type YearClosed } from '@ptce/rules';
import { AppError, ERROR_OF_RULE } from '../../errors';
import {
  effectiveDeadline,
  effectiveDeadlineIn,
  planFor,
  plansSnapshot,
  type Concerned,
  type Plan,
  type PlansSnapshot,
} from '../plans/index';

export type { Plan };

/** The year's plan in force (published), read through the plans area. */
export async function planOf(db: Db, year: number): Promise<Plan | null> {
  return planFor(db, year);
}

/** Why professional hours of a year may not be registered, submitted or reviewed for a person now (null: open). */
export async function yearClosed(db: Db, year: number, who: Concerned = {}): Promise<YearClosed | null> {
  const plan = await planFor(db, year);
  if (!plan) return yearClosedIn(await plansSnapshot(db), year, who);
  const deadline = await effectiveDeadline(db, plan, 'professional', who);
  return isOpen(now(), endOfShanghaiDay(deadline)) ? null : refusal('YEAR_CLOSED', year, deadline);
}

/**
 * The same answer from a snapshot already read (many rows at once); `who.unitId` must be given for a
 * unit's reopening to count.
 */
export function yearClosedIn(snap: PlansSnapshot, year: number, who: Concerned = {}): YearClosed | null {
  const plan = snap.plans.find((p) => p.year === year && p.status === 'published');
  if (!plan) {
    const draft = snap.plans.some((p) => p.year === year);
    return draft || year >= shanghaiYear() ? refusal('PLAN_NOT_PUBLISHED', year) : refusal('NO_PLAN', year);
  }
  const deadline = effectiveDeadlineIn(snap, plan, 'professional', who);
  return isOpen(now(), endOfShanghaiDay(deadline)) ? null : refusal('YEAR_CLOSED', year, deadline);
}

/** The year's plan, if professional hours of that year may still be registered and reviewed for the person. */
export async function openPlan(db: Db, year: number, field = 'startDate', who: Concerned = {}): Promise<Plan> {
  const closed = await yearClosed(db, year, who);
  if (closed)
    throw new AppError(ERROR_OF_RULE[closed.code], registrationRefusal(closed), [{ field, reason: closed.reason }]);
  return (await planFor(db, year))!;
}

export const today = () => shanghaiDate();
