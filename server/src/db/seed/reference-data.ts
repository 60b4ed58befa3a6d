import { now, shanghaiYear } from '../../clock';
import type { Db } from '../client';
import { annualPlans, industries, regions, trainingBases } from '../schema/index';
import { defaultPlan } from '@ptce/rules';
import { plannedYears } from './plans';
import { INDUSTRIES } from './reference/industries';
import { GUANGXI_REGIONS } from './reference/regions';
import { TRAINING_BASES } from './reference/training-bases';

/**
 * Reference data every installation has: regions, industries, the notice's training bases and the
 * annual plans. Idempotent: rows that exist are kept. Plans are created only on an empty table: after
 * that the operator creates and publishes each year's plan (年度计划管理), and a restart adds none.
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Parents first: the province, then cities, then counties.
    const ordered = [...GUANGXI_REGIONS].sort(
      (a, b) => ['province', 'city', 'county'].indexOf(a.level) - ['province', 'city', 'county'].indexOf(b.level),
    );
    await tx
      .insert(regions)
      .values(ordered.map((r) => ({ ...r })))
      .onConflictDoNothing();
    await tx
      .insert(industries)
      .values(INDUSTRIES.map((i) => ({ ...i })))
      .onConflictDoNothing();
    await tx
      .insert(trainingBases)
      .values(TRAINING_BASES.map((b) => ({ ...b })))
      .onConflictDoNothing({ target: trainingBases.name });
    const [anyPlan] = await tx.select({ year: annualPlans.year }).from(annualPlans).limit(1);
    if (anyPlan) return;
    const at = now();
    await tx
      .insert(annualPlans)
      .values(
        plannedYears(shanghaiYear()).map((y) => ({
          ...defaultPlan(y),
          status: 'published' as const,
          publishedAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflictDoNothing();
  });
}
