import { percent, regionPrefix } from '@ptce/rules';
import type { StatsCounts, StatsQuery } from '@ptce/contracts';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { units } from '../../db/schema/index';
import { refreshStats } from './refresh-stats';

/**
 * The units a dashboard counts: the caller's scope (auth/scope) narrowed by the page's region and industry.
 * Every statistics query joins `units` (unaliased) to its aggregate and filters with this.
 */
export function statsUnits(actor: Actor, q: Pick<StatsQuery, 'region' | 'industry'>): SQL {
  const where: SQL[] = [unitScope(actor, units.id)];
  if (q.region) where.push(sql`units.region_code LIKE ${regionPrefix(q.region) + '%'}`);
  if (q.industry) where.push(sql`units.industry_code = ${q.industry}`);
  return and(...where)!;
}

/** The sums every table shows, over stats_unit_year aliased s. */
export const COUNT_COLUMNS = sql`coalesce(sum(s.people), 0) AS people, coalesce(sum(s.met), 0) AS met,
  coalesce(sum(s.compulsory_done), 0) AS compulsory_done, coalesce(sum(s.professional), 0) AS professional,
  coalesce(sum(s.pending), 0) AS pending, coalesce(sum(s.pending_old), 0) AS pending_old`;

const num = (v: unknown) => Number(v ?? 0);

export function countsOf(r: Record<string, unknown>): StatsCounts {
  const people = num(r.people);
  return {
    people,
    met: num(r.met),
    metRate: percent(num(r.met), people),
    compulsoryDone: num(r.compulsory_done),
    compulsoryRate: percent(num(r.compulsory_done), people),
    avgProfessional: people > 0 ? Math.round((num(r.professional) * 10) / people) / 10 : 0,
    pending: num(r.pending),
    pendingOld: num(r.pending_old),
  };
}

/**
 * When the year's aggregates were last brought up to date. A year never computed is computed now (the first
 * look at a new year, or a fresh database), so a dashboard never shows an empty year that has data.
 */
export async function statsAsOf(db: Db, year: number): Promise<string | null> {
  const read = async () =>
    (await db.execute(sql`SELECT refreshed_at FROM stats_refresh WHERE year = ${year}`)).rows[0] as
      { refreshed_at: Date | string } | undefined;
  let row = await read();
  if (!row) {
    await refreshStats(db, { year });
    row = await read();
  }
  return row ? new Date(row.refreshed_at).toISOString() : null;
}
