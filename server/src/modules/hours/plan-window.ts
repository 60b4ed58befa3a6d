import { eq } from 'drizzle-orm';
import { endOfShanghaiDay, now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { annualPlans } from '../../db/schema/index';
import { closedReason, isOpen } from '../../domain/year-window';
import { AppError } from '../../errors';

export type Plan = typeof annualPlans.$inferSelect;

export async function planOf(db: Db, year: number): Promise<Plan | null> {
  const [p] = await db.select().from(annualPlans).where(eq(annualPlans.year, year));
  return p ?? null;
}

/** The year's plan, if professional hours of that year may still be registered and reviewed. */
export async function openPlan(db: Db, year: number, field = 'startDate'): Promise<Plan> {
  const plan = await planOf(db, year);
  if (!plan) throw new AppError('YEAR_CLOSED', `${year}年度没有年度计划，不能登记该年度学时`, [{ field, reason: `${year}年度没有年度计划` }]);
  if (!isOpen(now(), endOfShanghaiDay(plan.professionalDeadline))) {
    const reason = closedReason(year, plan.professionalDeadline);
    throw new AppError('YEAR_CLOSED', reason, [{ field, reason }]);
  }
  return plan;
}

export function yearClosedReason(plan: Plan | null, year: number): string | null {
  if (!plan) return `${year}年度没有年度计划`;
  return isOpen(now(), endOfShanghaiDay(plan.professionalDeadline)) ? null : closedReason(year, plan.professionalDeadline);
}

export const today = () => shanghaiDate();
