import { shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { ruleMessages } from '@ptce/rules';
import { AppError } from '../../errors';
import { plansSnapshot, type PlanRow } from './plan-cache';

export type Plan = PlanRow;

export const notPublishedReason = ruleMessages.PLAN_NOT_PUBLISHED;

/**
 * The plan of a year in force: published plans only. A draft is seen by the operator alone
 * (`{ drafts: true }`, used by 年度计划管理).
 */
export async function planFor(db: Db, year: number, opts: { drafts?: boolean } = {}): Promise<Plan | null> {
  const snap = await plansSnapshot(db);
  const p = snap.plans.find((x) => x.year === year);
  if (!p) return null;
  return p.status === 'published' || opts.drafts ? p : null;
}

/**
 * The year's published plan. A year that has begun (or is drafted) but has no published plan is
 * 422 YEAR_CLOSED "2027年度计划尚未发布" — not a 404; a past year that never had a plan is 404.
 */
export async function requirePlan(db: Db, year: number, field?: string): Promise<Plan> {
  const snap = await plansSnapshot(db);
  const p = snap.plans.find((x) => x.year === year);
  if (p?.status === 'published') return p;
  if (!p && year < shanghaiYear())
    throw new AppError(
      'NOT_FOUND',
      ruleMessages.NO_PLAN(year),
      field ? [{ field, reason: ruleMessages.NO_PLAN(year) }] : undefined,
    );
  const reason = notPublishedReason(year);
  throw new AppError('YEAR_CLOSED', reason, field ? [{ field, reason }] : undefined);
}

/** Published plans up to a year (inclusive), oldest first. */
export async function publishedPlans(db: Db, upTo?: number): Promise<Plan[]> {
  const snap = await plansSnapshot(db);
  return snap.plans.filter((p) => p.status === 'published' && (upTo === undefined || p.year <= upTo));
}
