import { hoursBandLimits, metCondition, REVIEW_BACKLOG_DAYS } from '@ptce/rules';
import { sql, type SQL } from 'drizzle-orm';
import { now, shanghaiDate, shanghaiYear, TIME_ZONE } from '../../clock';
import type { Db } from '../../db/client';
import { personYearHours, publishedPlans, type Plan } from '../plans/index';

/** Any number unique to this job: two processes never refresh at once (the second skips its turn). */
const REFRESH_LOCK = 7_320_031;
const UNITS_PER_SLICE = 500;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export interface RefreshOutcome {
  year: number;
  mode: 'full' | 'incremental' | 'unchanged';
  people: number;
  units: number;
  tookMs: number;
}

/**
 * Brings the 统计分析 aggregates up to date for every published year up to this one. A year is computed from
 * scratch when it never was, when `full` is asked, or once a Shanghai day (the 30-day backlog moves with the
 * date); otherwise only the people the triggers marked in stats_dirty, and their units, are recomputed.
 * Returns null when another process holds the refresh.
 */
export async function refreshStats(
  db: Db,
  opts: { full?: boolean; year?: number } = {},
): Promise<RefreshOutcome[] | null> {
  const plans = (await publishedPlans(db, shanghaiYear() + 1)).filter(
    (p) => opts.year === undefined || p.year === opts.year,
  );
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS ok`);
    if (!(rows[0] as { ok: boolean }).ok) return null;
    const out: RefreshOutcome[] = [];
    for (const plan of plans) out.push(await refreshYear(tx, plan, opts.full === true));
    return out;
  });
}

async function refreshYear(db: Db, plan: Plan, forceFull: boolean): Promise<RefreshOutcome> {
  const started = performance.now();
  const y = plan.year;
  const last = (await db.execute(sql`SELECT full_at FROM stats_refresh WHERE year = ${y}`)).rows[0] as
    { full_at: Date | string } | undefined;
  const full = forceFull || !last || shanghaiDate(new Date(last.full_at)) !== shanghaiDate(now());
  let people: number;
  let units: number;
  if (full) {
    await db.execute(sql`DELETE FROM stats_dirty WHERE year = ${y}`);
    await db.execute(sql`DELETE FROM stats_person_year WHERE year = ${y}`);
    await rollUpUnits(db, plan, null, true);
    // In slices of units, so that no statement runs long at province size (the app's query timeout).
    const range = (await db.execute(sql`SELECT min(id) AS lo, max(id) AS hi FROM units`)).rows[0] as {
      lo: number | null;
      hi: number | null;
    };
    people = 0;
    units = 0;
    for (let lo = Number(range.lo ?? 0); range.hi !== null && lo <= Number(range.hi); lo += UNITS_PER_SLICE) {
      const hi = lo + UNITS_PER_SLICE - 1;
      people += await insertPeople(
        db,
        plan,
        sql`SELECT id FROM accounts WHERE kind = 'professional' AND unit_id BETWEEN ${lo} AND ${hi}`,
      );
      units += await rollUpUnits(db, plan, sql`SELECT id FROM units WHERE id BETWEEN ${lo} AND ${hi}`);
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
    // The units these people counted in before (a transfer leaves one) and after.
    await db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS stats_batch_units (unit_id integer PRIMARY KEY)`);
    await db.execute(sql`TRUNCATE stats_batch_units`);
    await db.execute(sql`
      INSERT INTO stats_batch_units
      SELECT unit_id FROM stats_person_year WHERE year = ${y} AND account_id IN (SELECT account_id FROM stats_batch)
      UNION SELECT unit_id FROM accounts WHERE id IN (SELECT account_id FROM stats_batch) AND unit_id IS NOT NULL`);
    await db.execute(
      sql`DELETE FROM stats_person_year WHERE year = ${y} AND account_id IN (SELECT account_id FROM stats_batch)`,
    );
    await insertPeople(db, plan, sql`SELECT account_id FROM stats_batch`);
    units = await rollUpUnits(db, plan, sql`SELECT unit_id FROM stats_batch_units`);
  }
  const tookMs = Math.round(performance.now() - started);
  await db.execute(sql`
    INSERT INTO stats_refresh (year, refreshed_at, full_at, took_ms) VALUES (${y}, ${ts(now())}, ${ts(now())}, ${tookMs})
    ON CONFLICT (year) DO UPDATE SET refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms,
      full_at = CASE WHEN ${full} THEN excluded.full_at ELSE stats_refresh.full_at END`);
  return { year: y, mode: full ? 'full' : 'incremental', people, units, tookMs };
}

/** A person's year: the hours of plans/personYearHours, 达标 by @ptce/rules' condition, the review backlog. */
async function insertPeople(db: Db, plan: Plan, who: SQL): Promise<number> {
  const m = metCondition(plan);
  const cutoff = new Date(now().getTime() - REVIEW_BACKLOG_DAYS * 86_400_000);
  const res = await db.execute(sql`
    WITH h AS (${personYearHours({ accounts: who, year: plan.year })}),
    old AS (
      SELECT account_id, count(*) AS n FROM hour_records
      WHERE status = 'pending' AND year = ${plan.year} AND submitted_at < ${ts(cutoff)} AND account_id IN (${who})
      GROUP BY account_id)
    INSERT INTO stats_person_year
      (account_id, year, unit_id, compulsory, elective, professional, total, met, compulsory_done, pending, pending_old)
    SELECT a.id, ${plan.year}, a.unit_id, coalesce(h.compulsory, 0), coalesce(h.elective, 0),
           coalesce(h.professional, 0), t.total,
           round(t.total * 10) >= ${m.minTotalTenths}
             AND round(coalesce(h.professional, 0) * 10) * ${m.ratioDen} >= round(t.total * 10) * ${m.ratioNum},
           coalesce(h.compulsory, 0) > 0, coalesce(h.pending, 0), coalesce(old.n, 0)
    FROM accounts a
    LEFT JOIN h ON h.account_id = a.id
    LEFT JOIN old ON old.account_id = a.id
    CROSS JOIN LATERAL (SELECT coalesce(h.compulsory, 0) + coalesce(h.elective, 0) + coalesce(h.professional, 0) AS total) t
    WHERE a.kind = 'professional' AND a.unit_id IS NOT NULL AND a.id IN (${who})`);
  return res.rowCount ?? 0;
}

/** Recomputes the unit tables for the given units (null: every unit) from stats_person_year and the records. */
async function rollUpUnits(db: Db, plan: Plan, units: SQL | null, clearOnly = false): Promise<number> {
  const y = plan.year;
  const only = (col: SQL) => (units ? sql`AND ${col} IN (${units})` : sql``);
  const b = hoursBandLimits(plan);
  await db.execute(sql`DELETE FROM stats_unit_year WHERE year = ${y} ${only(sql`unit_id`)}`);
  await db.execute(sql`DELETE FROM stats_unit_source WHERE year = ${y} ${only(sql`unit_id`)}`);
  await db.execute(sql`DELETE FROM stats_unit_month WHERE year = ${y} ${only(sql`unit_id`)}`);
  if (clearOnly) return 0;
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
    FROM stats_person_year WHERE year = ${y} ${only(sql`unit_id`)}
    GROUP BY unit_id`);
  await db.execute(sql`
    INSERT INTO stats_unit_source (year, unit_id, source, hours, records)
    SELECT ${y}, p.unit_id, r.source, sum(r.hours), count(*)
    FROM hour_records r JOIN stats_person_year p ON p.account_id = r.account_id AND p.year = ${y}
    WHERE r.year = ${y} AND r.status = 'approved' ${only(sql`p.unit_id`)}
    GROUP BY p.unit_id, r.source`);
  // Month 1–12 of the year, 13–24 of the next (approvals until the professional deadline).
  const month = (at: SQL) =>
    sql`((extract(year FROM ${at} AT TIME ZONE ${TIME_ZONE}) - ${y}) * 12 + extract(month FROM ${at} AT TIME ZONE ${TIME_ZONE}))::int`;
  await db.execute(sql`
    INSERT INTO stats_unit_month (year, unit_id, month, approvals, approved_hours, completions)
    SELECT ${y}, unit_id, m, sum(approvals), sum(approved_hours), sum(completions) FROM (
      SELECT p.unit_id, ${month(sql`r.decided_at`)} AS m, count(*) AS approvals, sum(r.hours) AS approved_hours, 0 AS completions
      FROM hour_records r JOIN stats_person_year p ON p.account_id = r.account_id AND p.year = ${y}
      WHERE r.year = ${y} AND r.status = 'approved' AND r.decided_at IS NOT NULL ${only(sql`p.unit_id`)}
      GROUP BY 1, 2
      UNION ALL
      SELECT p.unit_id, ${month(sql`c.credited_at`)}, 0, 0, count(*)
      FROM public_credits c JOIN stats_person_year p ON p.account_id = c.account_id AND p.year = ${y}
      WHERE c.year = ${y} AND c.kind = 'compulsory' ${only(sql`p.unit_id`)}
      GROUP BY 1, 2) x
    WHERE m BETWEEN 1 AND 24
    GROUP BY unit_id, m`);
  return res.rowCount ?? 0;
}
