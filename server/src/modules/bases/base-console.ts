import type { BaseConsole } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trainingBases } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { baseRow } from './base-directory';
import { filingRefusal } from './check-filing';

/** The base's console: its record, whether it may file today and why not, and its filings by state. */
export async function baseConsole(ctx: Caller): Promise<BaseConsole> {
  const baseId = ctx.actor.baseId;
  const [base] = baseId ? await ctx.db.select().from(trainingBases).where(eq(trainingBases.id, baseId)) : [];
  if (!base) throw notFound('继续教育基地');
  const refusal = filingRefusal(base);
  return {
    base: await baseRow(ctx.db, base.id),
    canFile: refusal === null,
    refusal,
    filings: await filingCounts(ctx.db, base.id),
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
