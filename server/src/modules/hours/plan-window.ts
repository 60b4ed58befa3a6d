import { endOfShanghaiDay, now, shanghaiDate, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { closedReason, isOpen } from '@ptce/rules';
import { AppError } from '../../errors';
import {
  effectiveDeadline,
  effectiveDeadlineIn,
  notPublishedReason,
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
export async function yearClosedReason(db: Db, year: number, who: Concerned = {}): Promise<string | null> {
  const plan = await planFor(db, year);
  if (!plan) return closedReasonIn(await plansSnapshot(db), year, who);
  const deadline = await effectiveDeadline(db, plan, 'professional', who);
  return isOpen(now(), endOfShanghaiDay(deadline)) ? null : closedReason(year, deadline);
}

/** The same answer from a snapshot already read (many rows at once); `who.unitId` must be given for a unit's reopening to count. */
export function closedReasonIn(snap: PlansSnapshot, year: number, who: Concerned = {}): string | null {
  const plan = snap.plans.find((p) => p.year === year && p.status === 'published');
  if (!plan) {
    const draft = snap.plans.some((p) => p.year === year);
    return draft || year >= shanghaiYear() ? notPublishedReason(year) : `${year}年度没有年度计划`;
  }
  const deadline = effectiveDeadlineIn(snap, plan, 'professional', who);
  return isOpen(now(), endOfShanghaiDay(deadline)) ? null : closedReason(year, deadline);
}

/** The year's plan, if professional hours of that year may still be registered and reviewed for the person. */
export async function openPlan(db: Db, year: number, field = 'startDate', who: Concerned = {}): Promise<Plan> {
  const reason = await yearClosedReason(db, year, who);
  if (reason) {
    const message = reason.endsWith('年度计划') ? `${reason}，不能登记该年度学时` : reason;
    throw new AppError('YEAR_CLOSED', message, [{ field, reason }]);
  }
  return (await planFor(db, year))!;
}

export const today = () => shanghaiDate();
