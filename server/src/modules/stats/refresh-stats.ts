import { sql } from 'drizzle-orm';
import { now, shanghaiDate, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { publishedPlans, type Plan } from '../plans/index';
import { deletePeople, insertPeople, ts } from './person-aggregates';
import { clearUnits, dropEmptyCells, rollUpUnitYears, shiftUnitDetail } from './unit-rollup';

/** Any number unique to this job: two processes never refresh at once (the second skips its turn). */
const REFRESH_LOCK = 7_320_031;
/**
 * A slice of the full refresh: consecutive units holding at most PEOPLE_PER_SLICE professionals (one unit larger
 * than that is a slice of its own) and at most UNITS_PER_SLICE units. Each statement of a slice then reads about
 * 10,000 people's records: a few seconds at province size on a cold cache, well within the app's query timeout,
 * where slices of 500 units (~50,000 people) took longer than 15 s.
 */
const PEOPLE_PER_SLICE = 10_000;
const UNITS_PER_SLICE = 500;

/** The last unit id of the slice that starts at unit `lo` (see PEOPLE_PER_SLICE); `last` when no one is left. */
export async function sliceEnd(db: Db, lo: number, last: number, perSlice: number): Promise<number> {
  const { rows } = await db.execute(sql`
    SELECT coalesce(max(unit_id) FILTER (WHERE upto <= ${perSlice}), min(unit_id)) AS hi
    FROM (
      SELECT unit_id, sum(n) OVER (ORDER BY unit_id) AS upto
      FROM (
        SELECT unit_id, count(*) AS n FROM accounts
        WHERE kind = 'professional' AND unit_id >= ${lo}
        GROUP BY unit_id ORDER BY unit_id LIMIT ${UNITS_PER_SLICE}) per_unit) running`);
  const hi = (rows[0] as { hi: number | string | null } | undefined)?.hi;
  return hi === null || hi === undefined ? last : Number(hi);
}

export interface RefreshOutcome {
  year: number;
  mode: 'full' | 'incremental' | 'unchanged';
  people: number;
  units: number;
  tookMs: number;
}

/**
 * Brings the 统计分析 aggregates up to date for every published year up to this one. A year is computed from
 * scratch when it never was, when `full` is asked, when the year's plan has a new version since, or once a Shanghai
 * day (the 30-day backlog moves with the date); otherwise only the people the triggers marked in stats_dirty are
 * recomputed: their units' source and month figures move by the difference (old person rows out, new ones in) and
 * their units' years are summed again.
 * Returns null when another process holds the refresh. `peoplePerSlice` makes the full refresh's slices smaller than
 * PEOPLE_PER_SLICE (tests).
 */
export async function refreshStats(
  db: Db,
  opts: { full?: boolean; year?: number; peoplePerSlice?: number } = {},
): Promise<RefreshOutcome[] | null> {
  const plans = (await publishedPlans(db, shanghaiYear() + 1)).filter(
    (p) => opts.year === undefined || p.year === opts.year,
  );
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS ok`);
    if (!(rows[0] as { ok: boolean }).ok) return null;
    const out: RefreshOutcome[] = [];
    const perSlice = opts.peoplePerSlice ?? PEOPLE_PER_SLICE;
    for (const plan of plans) out.push(await refreshYear(tx, plan, opts.full === true, perSlice));
    return out;
  });
}

async function refreshYear(db: Db, plan: Plan, forceFull: boolean, perSlice: number): Promise<RefreshOutcome> {
  const started = performance.now();
  const y = plan.year;
  const last = (await db.execute(sql`SELECT full_at, plan_version FROM stats_refresh WHERE year = ${y}`)).rows[0] as
    { full_at: Date | string; plan_version: number | null } | undefined;
  // 达标 depends on the plan: a new version of it (修改年度计划) is computed for everyone at once.
  const full =
    forceFull ||
    !last ||
    last.plan_version !== plan.version ||
    shanghaiDate(new Date(last.full_at)) !== shanghaiDate(now());
  let people: number;
  let units: number;
  if (full) {
    await db.execute(sql`DELETE FROM stats_dirty WHERE year = ${y}`);
    await deletePeople(db, y, null);
    await clearUnits(db, y, null);
    // In slices of units, so that no statement runs long at province size (the app's query timeout).
    const range = (await db.execute(sql`SELECT min(id) AS lo, max(id) AS hi FROM units`)).rows[0] as {
      lo: number | null;
      hi: number | null;
    };
    people = 0;
    units = 0;
    let lo = Number(range.lo ?? 0);
    while (range.hi !== null && lo <= Number(range.hi)) {
      const hi = await sliceEnd(db, lo, Number(range.hi), perSlice);
      const slice = sql`SELECT id FROM accounts WHERE kind = 'professional' AND unit_id BETWEEN ${lo} AND ${hi}`;
      people += await insertPeople(db, plan, slice);
      await shiftUnitDetail(db, y, slice, 1);
      units += await rollUpUnitYears(db, plan, sql`SELECT id FROM units WHERE id BETWEEN ${lo} AND ${hi}`);
      lo = hi + 1;
    }
  } else {
    await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS stats_batch (account_id integer PRIMARY KEY)`);
    await db.execute(sql`TRUNCATE stats_batch`);
    await db.execute(sql`
      WITH d AS (DELETE FROM stats_dirty WHERE year = ${y} RETURNING account_id)
      INSERT INTO stats_batch SELECT DISTINCT account_id FROM d`);
    people = Number(((await db.execute(sql`SELECT count(*) AS n FROM stats_batch`)).rows[0] as { n: unknown }).n);
    if (people === 0) {
      await db.execute(sql`UPDATE stats_refresh SET refreshed_at = ${ts(now())} WHERE year = ${y}`);
      return { year: y, mode: 'unchanged', people: 0, units: 0, tookMs: Math.round(performance.now() - started) };
    }
    // Temporary tables are never analysed on their own: without it the planner guesses their size.
    await db.execute(sql`ANALYZE stats_batch`);
    const batch = sql`SELECT account_id FROM stats_batch`;
    // The units these people counted in before (a transfer leaves one) and after.
    await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS stats_batch_units (unit_id integer PRIMARY KEY)`);
    await db.execute(sql`TRUNCATE stats_batch_units`);
    await db.execute(sql`
      INSERT INTO stats_batch_units
      SELECT unit_id FROM stats_person_year WHERE year = ${y} AND account_id IN (${batch})
      UNION SELECT unit_id FROM accounts WHERE id IN (${batch}) AND unit_id IS NOT NULL`);
    const changed = sql`SELECT unit_id FROM stats_batch_units`;
    await shiftUnitDetail(db, y, batch, -1);
    await deletePeople(db, y, batch);
    await insertPeople(db, plan, batch);
    await shiftUnitDetail(db, y, batch, 1);
    await dropEmptyCells(db, y, changed);
    units = await rollUpUnitYears(db, plan, changed);
  }
  const tookMs = Math.round(performance.now() - started);
  await db.execute(sql`
    INSERT INTO stats_refresh (year, refreshed_at, full_at, took_ms, plan_version)
    VALUES (${y}, ${ts(now())}, ${ts(now())}, ${tookMs}, ${plan.version})
    ON CONFLICT (year) DO UPDATE SET refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms,
      plan_version = excluded.plan_version,
      full_at = CASE WHEN ${full} THEN excluded.full_at ELSE stats_refresh.full_at END`);
  return { year: y, mode: full ? 'full' : 'incremental', people, units, tookMs };
}
