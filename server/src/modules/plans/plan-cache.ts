import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { annualPlans, planReopenings } from '../../db/schema/index';

export type PlanRow = typeof annualPlans.$inferSelect;
export type ReopeningRow = typeof planReopenings.$inferSelect;

/** Every plan (drafts too) and every reopening, as of one stamp of plans_state. */
export interface PlansSnapshot {
  stamp: string;
  plans: readonly PlanRow[];
  reopenings: readonly ReopeningRow[];
}

/**
 * Plans are read on almost every request and change a few times a year. A trigger gives plans_state
 * a new random stamp on every change of annual_plans, plan_courses or plan_reopenings (in any server
 * process, or by hand in SQL); a reader asks for the stamp (one primary-key row) and reloads only
 * when it is new. A stamp names one content, so the cache is shared by every database handle and
 * transaction of the process; a change inside an open transaction is seen by that transaction.
 */
const MAX_ENTRIES = 8;
const byStamp = new Map<string, PlansSnapshot>();

export async function plansSnapshot(db: Db): Promise<PlansSnapshot> {
  const { rows } = await db.execute(sql`SELECT stamp FROM plans_state WHERE id = 1`);
  const stamp = String((rows as Array<{ stamp: string }>)[0]?.stamp ?? '');
  const hit = stamp ? byStamp.get(stamp) : undefined;
  if (hit) return hit;
  const plans = await db.select().from(annualPlans).orderBy(asc(annualPlans.year));
  const reopenings = await db.select().from(planReopenings).orderBy(asc(planReopenings.id));
  const snap: PlansSnapshot = { stamp, plans: Object.freeze(plans), reopenings: Object.freeze(reopenings) };
  if (stamp) {
    byStamp.set(stamp, snap);
    while (byStamp.size > MAX_ENTRIES) byStamp.delete(byStamp.keys().next().value!);
  }
  return snap;
}

/** Drops every cached snapshot (tests; a stamp change already makes old entries unreachable). */
export function clearPlansCache(): void {
  byStamp.clear();
}
