import type { StatsUnitRow, StatsUnitsQuery } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { unitScope } from '../../auth/scope';
import { units } from '../../db/schema/index';
import { readerOf, type Caller } from '../auth/index';
import { notFound } from '../../errors';
import { KEPT_COUNT_COLUMNS, keptCountsOf } from '../compliance/index';
import { statsAsOf, statsUnits } from './stats-scope';

type Row = Record<string, unknown>;

/**
 * The unit league table, worst first: lowest 达标率, then the longest review backlog, then the most people.
 * `limit` null returns every unit in scope (the export).
 */
export async function unitLeague(ctx: Caller, q: z.infer<typeof StatsUnitsQuery>, all = false) {
  const dataAsOf = await statsAsOf(readerOf(ctx), q.year);
  const name = q.q ? sql`AND units.name LIKE ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``;
  const page = all ? sql`` : sql`LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  const { rows } = await readerOf(ctx).execute(sql`
    SELECT units.id AS unit_id, units.name AS unit_name, coalesce(g.name, units.region_code) AS region_name,
           i.name AS industry_name, s.people, s.met, s.compulsory_done, s.professional, s.pending, s.pending_old,
           count(*) OVER () AS total_rows
    FROM stats_unit_year s JOIN units ON units.id = s.unit_id
    LEFT JOIN regions g ON g.code = units.region_code LEFT JOIN industries i ON i.code = units.industry_code
    WHERE s.year = ${q.year} AND s.people > 0 AND ${statsUnits(ctx.actor, q)} ${name}
    ORDER BY s.met::numeric / s.people, s.pending_old DESC, s.people DESC, units.id
    ${page}`);
  const items: StatsUnitRow[] = (rows as Row[]).map((r) => ({
    unitId: Number(r.unit_id),
    unitName: String(r.unit_name),
    regionName: String(r.region_name),
    industryName: (r.industry_name as string | null) ?? null,
    ...keptCountsOf(r),
  }));
  const total = rows.length ? Number((rows[0] as Row).total_rows) : 0;
  return { items, total, page: q.page, pageSize: q.pageSize, dataAsOf };
}

/** A unit the caller may look into (404 otherwise, like every out-of-scope target). */
export async function unitInScope(ctx: Caller, unitId: number) {
  const r = (
    await readerOf(ctx).execute(sql`
      SELECT units.id, units.name, coalesce(g.name, units.region_code) AS region_name
      FROM units LEFT JOIN regions g ON g.code = units.region_code
      WHERE units.id = ${unitId} AND ${unitScope(ctx.actor, units.id)}`)
  ).rows[0] as { id: number; name: string; region_name: string } | undefined;
  if (!r) throw notFound('单位');
  return { id: Number(r.id), name: r.name, regionName: r.region_name };
}

/** One unit's counts for the year (the people page's header). */
export async function unitTotals(ctx: Caller, unitId: number, year: number) {
  const r = (
    await readerOf(ctx).execute(
      sql`SELECT ${KEPT_COUNT_COLUMNS} FROM stats_unit_year s WHERE s.year = ${year} AND s.unit_id = ${unitId}`,
    )
  ).rows[0] as Row;
  return keptCountsOf(r);
}
