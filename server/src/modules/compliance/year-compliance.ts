import type { ComplianceStatus } from '@ptce/contracts';
import { shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { computeCompliance, type PlanNumbers, type YearHours } from '@ptce/rules';
import { personYearHours, personYearHoursRow, publishedPlans, requirePlan, type Plan } from '../plans/index';

const num = (v: unknown) => Number(v ?? 0);

export function planNumbers(p: Plan): PlanNumbers {
  return {
    year: p.year,
    totalHours: p.totalHours,
    professionalRatioNum: p.professionalRatioNum,
    professionalRatioDen: p.professionalRatioDen,
    compulsoryHours: p.compulsoryHours,
    electiveHours: p.electiveHours,
    publicDeadline: p.publicDeadline,
    professionalDeadline: p.professionalDeadline,
  };
}

/** The hours that decide a person's year, read from the records themselves (computed on read). */
export async function yearHours(db: Db, accountId: number, year: number): Promise<YearHours> {
  const { rows } = await db.execute(personYearHours({ accounts: [accountId], year }));
  return personYearHoursRow((rows as Array<Record<string, unknown>>)[0], accountId, year);
}

export async function complianceFor(db: Db, accountId: number, year: number): Promise<ComplianceStatus> {
  const plan = await requirePlan(db, year, 'year');
  return computeCompliance(planNumbers(plan), await yearHours(db, accountId, year));
}

/** Every planned year up to the current one, newest first. */
export async function complianceYears(db: Db, accountId: number): Promise<ComplianceStatus[]> {
  const plans = await publishedPlans(db, shanghaiYear());
  const { rows } = await db.execute(personYearHours({ accounts: [accountId] }));
  const byYear = new Map((rows as Array<Record<string, unknown>>).map((r) => [num(r.year), r]));
  return plans
    .reverse()
    .map((p) => computeCompliance(planNumbers(p), personYearHoursRow(byYear.get(p.year), accountId, p.year)));
}
