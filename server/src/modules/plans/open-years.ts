import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiDate, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { plansSnapshot, type PlansSnapshot, type ReopeningRow } from './plan-cache';
import { type Plan } from './plan-for';

export type DeadlineKind = 'professional' | 'public';

/** Whose deadline: a person (and the unit they belong to). Without one, only province-wide reopenings count. */
export interface Concerned {
  personId?: number | null;
  unitId?: number | null;
}

const applies = (r: ReopeningRow, who: Concerned) =>
  r.scope === 'province' ||
  (r.scope === 'unit' && who.unitId != null && r.unitId === who.unitId) ||
  (r.scope === 'person' && who.personId != null && r.personId === who.personId);

/** The reopenings of a year's deadline that concern someone. */
export function reopeningsFor(
  snap: PlansSnapshot,
  year: number,
  kind: DeadlineKind,
  who: Concerned = {},
): ReopeningRow[] {
  return snap.reopenings.filter((r) => r.year === year && r.deadline === kind && applies(r, who));
}

/** The plan's deadline of that kind, moved later by any reopening that concerns the person. */
export function effectiveDeadlineIn(snap: PlansSnapshot, plan: Plan, kind: DeadlineKind, who: Concerned = {}): string {
  let d = kind === 'professional' ? plan.professionalDeadline : plan.publicDeadline;
  for (const r of reopeningsFor(snap, plan.year, kind, who)) if (r.until > d) d = r.until;
  return d;
}

/** A person's deadline of a plan; their unit is looked up when a unit's reopening might concern them. */
export async function effectiveDeadline(db: Db, plan: Plan, kind: DeadlineKind, who: Concerned = {}): Promise<string> {
  const snap = await plansSnapshot(db);
  let w = who;
  if (
    w.personId != null &&
    w.unitId === undefined &&
    snap.reopenings.some((r) => r.year === plan.year && r.scope === 'unit')
  ) {
    const [a] = await db.select({ unitId: accounts.unitId }).from(accounts).where(eq(accounts.id, w.personId));
    w = { ...w, unitId: a?.unitId ?? null };
  }
  return effectiveDeadlineIn(snap, plan, kind, w);
}

/**
 * Plan years whose professional hours may still be registered, submitted and reviewed at `at`:
 * published, begun (year ≤ the current Shanghai year) and before the end of their professional
 * deadline (Mar 31 of the next year by default), or of a reopening that concerns the person.
 * On Jan 1 of a year without a published plan only last year remains open, until its deadline.
 */
export async function openYears(db: Db, at: Date, who: Concerned = {}): Promise<number[]> {
  const snap = await plansSnapshot(db);
  const current = shanghaiYear(at);
  return snap.plans
    .filter(
      (p) =>
        p.status === 'published' &&
        p.year <= current &&
        at < endOfShanghaiDay(effectiveDeadlineIn(snap, p, 'professional', who)),
    )
    .map((p) => p.year);
}

/**
 * SQL condition "a reopening of this record's year concerns its owner and has not ended", for
 * statements that decide many people's records at once (review). `year`, `personId`, `unitId` are
 * the columns of the statement.
 */
export function reopenedForSql(
  year: AnyColumn | SQL,
  personId: AnyColumn | SQL,
  unitId: AnyColumn | SQL,
  at: Date,
): SQL {
  return sql`EXISTS (SELECT 1 FROM plan_reopenings r WHERE r.year = ${year} AND r.deadline = 'professional' AND r.until >= ${shanghaiDate(at)}::date
    AND (r.scope = 'province' OR (r.scope = 'unit' AND r.unit_id = ${unitId}) OR (r.scope = 'person' AND r.person_id = ${personId})))`;
}
