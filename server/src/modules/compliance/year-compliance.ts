import type { ComplianceStatus } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { computeCompliance, type PlanNumbers, type YearHours } from '../../domain/compliance';
import { publishedPlans, requirePlan, type Plan } from '../plans/index';

const num = (v: unknown) => Number(v ?? 0);

export function planNumbers(p: Plan): PlanNumbers {
  return {
    year: p.year, totalHours: p.totalHours, professionalRatioNum: p.professionalRatioNum, professionalRatioDen: p.professionalRatioDen,
    compulsoryHours: p.compulsoryHours, electiveHours: p.electiveHours, publicDeadline: p.publicDeadline, professionalDeadline: p.professionalDeadline,
  };
}

/** The hours that decide a person's year, read from the records themselves (computed on read). */
export async function yearHours(db: Db, accountId: number, year: number): Promise<YearHours> {
  const { rows } = await db.execute(sql`
    SELECT
      (SELECT coalesce(sum(hours), 0) FROM public_credits WHERE account_id = ${accountId} AND year = ${year} AND kind = 'compulsory') AS compulsory,
      (SELECT coalesce(sum(hours), 0) FROM public_credits WHERE account_id = ${accountId} AND year = ${year} AND kind = 'elective') AS elective,
      (SELECT coalesce(sum(hours), 0) FROM hour_records WHERE account_id = ${accountId} AND year = ${year} AND status = 'approved') AS professional,
      (SELECT count(*) FROM hour_records WHERE account_id = ${accountId} AND year = ${year} AND status = 'pending') AS pending,
      (SELECT count(*) FROM hour_records WHERE account_id = ${accountId} AND year = ${year} AND status = 'draft') AS drafts`);
  const r = (rows as Array<Record<string, unknown>>)[0]!;
  return { compulsory: num(r.compulsory), elective: num(r.elective), professional: num(r.professional), pending: num(r.pending), drafts: num(r.drafts) };
}

export async function complianceFor(db: Db, accountId: number, year: number): Promise<ComplianceStatus> {
  const plan = await requirePlan(db, year, 'year');
  return computeCompliance(planNumbers(plan), await yearHours(db, accountId, year));
}

/** Every planned year up to the current one, newest first. */
export async function complianceYears(db: Db, accountId: number): Promise<ComplianceStatus[]> {
  const plans = await publishedPlans(db, shanghaiYear());
  const out: ComplianceStatus[] = [];
  for (const p of plans.reverse()) out.push(computeCompliance(planNumbers(p), await yearHours(db, accountId, p.year)));
  return out;
}
