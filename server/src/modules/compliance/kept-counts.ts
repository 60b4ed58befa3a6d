import { percent } from '@ptce/rules';
import type { StatsCounts } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The 达标 figures the statistics keep per unit and year (stats_unit_year, brought up to date by the stats module's
 * refresh), as both the statistics pages and the wide 达标情况 lists read them.
 */

/** The sums every table shows, over stats_unit_year aliased s. */
export const KEPT_COUNT_COLUMNS = sql`coalesce(sum(s.people), 0) AS people, coalesce(sum(s.met), 0) AS met,
  coalesce(sum(s.compulsory_done), 0) AS compulsory_done, coalesce(sum(s.professional), 0) AS professional,
  coalesce(sum(s.pending), 0) AS pending, coalesce(sum(s.pending_old), 0) AS pending_old`;

const num = (v: unknown) => Number(v ?? 0);

/** A row of KEPT_COUNT_COLUMNS as the API's counts. */
export function keptCountsOf(r: Record<string, unknown>): StatsCounts {
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

/** When the statistics last computed a year's kept rows, and under which version of its plan; null: never. */
export async function keptRefresh(db: Db, year: number): Promise<{ asOf: string; planVersion: number | null } | null> {
  const { rows } = await db.execute(sql`SELECT refreshed_at, plan_version FROM stats_refresh WHERE year = ${year}`);
  const r = rows[0] as { refreshed_at: Date | string; plan_version: number | null } | undefined;
  return r ? { asOf: new Date(r.refreshed_at).toISOString(), planVersion: r.plan_version } : null;
}
