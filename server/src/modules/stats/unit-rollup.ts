import { hoursBandLimits } from '@ptce/rules';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Plan } from '../plans/index';

/** Removes the unit tables' rows of the year for the given units (null: every unit). */
export async function clearUnits(db: Db, year: number, units: SQL | null): Promise<void> {
  const only = units ? sql`AND unit_id IN (${units})` : sql``;
  for (const table of ['stats_unit_year', 'stats_unit_source', 'stats_unit_month'])
    await db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE year = ${year} ${only}`);
}

/** A unit's year (people, 达标, backlog, the distribution of hours) from its people's rows in stats_person_year. */
export async function rollUpUnitYears(db: Db, plan: Plan, units: SQL): Promise<number> {
  const y = plan.year;
  const b = hoursBandLimits(plan);
  await db.execute(sql`DELETE FROM stats_unit_year WHERE year = ${y} AND unit_id IN (${units})`);
  const res = await db.execute(sql`
    INSERT INTO stats_unit_year (year, unit_id, people, met, compulsory_done, professional, total, pending, pending_old,
                                 band_none, band_low, band_mid, band_short, band_full)
    SELECT ${y}, unit_id, count(*), count(*) FILTER (WHERE met), count(*) FILTER (WHERE compulsory_done),
           sum(professional), sum(total), sum(pending), sum(pending_old),
           count(*) FILTER (WHERE total <= 0),
           count(*) FILTER (WHERE total > 0 AND total < ${b.low}),
           count(*) FILTER (WHERE total >= ${b.low} AND total < ${b.mid}),
           count(*) FILTER (WHERE total >= ${b.mid} AND total < ${b.full}),
           count(*) FILTER (WHERE total >= ${b.full})
    FROM stats_person_year WHERE year = ${y} AND unit_id IN (${units})
    GROUP BY unit_id`);
  return res.rowCount ?? 0;
}

/**
 * Adds the given people's rows of stats_person_source and stats_person_month to their units' figures (sign 1), or
 * takes them away (sign -1; dropEmptyCells then removes what fell to nothing). `people` selects the account ids.
 */
export async function shiftUnitDetail(db: Db, year: number, people: SQL, sign: 1 | -1): Promise<void> {
  const k = sql.raw(String(sign));
  await db.execute(sql`
    INSERT INTO stats_unit_source AS u (year, unit_id, source, hours, records)
    SELECT ${year}, unit_id, source, ${k} * sum(hours), ${k} * sum(records)
    FROM stats_person_source WHERE year = ${year} AND account_id IN (${people})
    GROUP BY unit_id, source
    ON CONFLICT (year, unit_id, source) DO UPDATE
      SET hours = u.hours + excluded.hours, records = u.records + excluded.records`);
  await db.execute(sql`
    INSERT INTO stats_unit_month AS u (year, unit_id, month, approvals, approved_hours, completions)
    SELECT ${year}, unit_id, month, ${k} * sum(approvals), ${k} * sum(approved_hours), ${k} * sum(completions)
    FROM stats_person_month WHERE year = ${year} AND account_id IN (${people})
    GROUP BY unit_id, month
    ON CONFLICT (year, unit_id, month) DO UPDATE
      SET approvals = u.approvals + excluded.approvals, approved_hours = u.approved_hours + excluded.approved_hours,
          completions = u.completions + excluded.completions`);
}

/** Removes the given units' source and month cells that count nothing (left by a shiftUnitDetail of sign -1). */
export async function dropEmptyCells(db: Db, year: number, units: SQL): Promise<void> {
  await db.execute(sql`DELETE FROM stats_unit_source WHERE year = ${year} AND unit_id IN (${units}) AND records = 0`);
  await db.execute(sql`
    DELETE FROM stats_unit_month
    WHERE year = ${year} AND unit_id IN (${units}) AND approvals = 0 AND completions = 0`);
}
