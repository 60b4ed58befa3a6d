import type { BaseConsole, BaseConsoleQuery } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { trainingBases } from '../../db/schema/index';
import { notFound } from '../../errors';
import { readerOf, type Caller } from '../auth/index';
import { baseRow } from './base-directory';
import { filingRefusal } from './check-filing';

/**
 * The base's console: its record, whether it may file today and why not, its filings by state, and the
 * statistics of its classes of a year (the current one unless asked).
 */
export async function baseConsole(ctx: Caller, q: z.infer<typeof BaseConsoleQuery> = {}): Promise<BaseConsole> {
  const baseId = ctx.actor.baseId;
  const [base] = baseId ? await ctx.db.select().from(trainingBases).where(eq(trainingBases.id, baseId)) : [];
  if (!base) throw notFound('继续教育基地');
  const refusal = filingRefusal(base);
  return {
    base: await baseRow(ctx.db, base.id),
    canFile: refusal === null,
    refusal,
    filings: await filingCounts(ctx.db, base.id),
    stats: await classStats(readerOf(ctx), base.id, q.year ?? shanghaiYear()),
  };
}

/** 培训班数, 学员人次, 合格人数 and 认定学时合计 (the hours of the trainees who passed) of the base's classes of a year. */
async function classStats(db: Db, baseId: number, year: number): Promise<BaseConsole['stats']> {
  const r = await db.execute<{ classes: number; trainees: number; passed: number; creditedHours: string | null }>(sql`
    SELECT count(DISTINCT c.id)::int AS classes,
           count(t.id)::int AS trainees,
           count(t.id) FILTER (WHERE t.result = 'passed')::int AS passed,
           coalesce(sum(t.hours) FILTER (WHERE t.result = 'passed'), 0)::text AS "creditedHours"
      FROM training_classes c LEFT JOIN training_class_trainees t ON t.class_id = c.id
     WHERE c.base_id = ${baseId} AND c.year = ${year}`);
  const row = r.rows[0]!;
  return {
    year,
    classes: Number(row.classes),
    trainees: Number(row.trainees),
    passed: Number(row.passed),
    creditedHours: Number(row.creditedHours ?? 0),
  };
}

async function filingCounts(db: Db, baseId: number): Promise<BaseConsole['filings']> {
  const r = await db.execute<Record<keyof BaseConsole['filings'], number>>(sql`
    SELECT count(*) FILTER (WHERE status = 'draft')::int AS draft,
           count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'returned')::int AS returned,
           count(*) FILTER (WHERE status = 'filed')::int AS filed,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM training_filing_changes c WHERE c.filing_id = f.id AND c.status = 'pending'))::int AS "changePending"
      FROM training_filings f WHERE f.base_id = ${baseId}`);
  const row = r.rows[0]!;
  return {
    draft: Number(row.draft),
    pending: Number(row.pending),
    returned: Number(row.returned),
    filed: Number(row.filed),
    changePending: Number(row.changePending),
  };
}
