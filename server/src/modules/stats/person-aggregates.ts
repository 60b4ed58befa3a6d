import { REVIEW_BACKLOG_DAYS } from '@ptce/rules';
import { sql, type SQL } from 'drizzle-orm';
import { now, TIME_ZONE } from '../../clock';
import type { Db } from '../../db/client';
import { metSql, personYearHours, type Plan } from '../plans/index';

export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Month 1–12 of the plan's year, 13–24 of the next (approvals go on until the professional deadline). */
const month = (at: SQL, year: number) =>
  sql`((extract(year FROM ${at} AT TIME ZONE ${TIME_ZONE}) - ${year}) * 12 + extract(month FROM ${at} AT TIME ZONE ${TIME_ZONE}))::int`;

/**
 * Computes the year of the given people (a query of account ids) into stats_person_year, and their approved hours
 * by source and by month into stats_person_source and stats_person_month. Only professionals with a unit count.
 * Returns how many people were written.
 */
export async function insertPeople(db: Db, plan: Plan, who: SQL): Promise<number> {
  const y = plan.year;
  const cutoff = new Date(now().getTime() - REVIEW_BACKLOG_DAYS * 86_400_000);
  const res = await db.execute(sql`
    WITH h AS (${personYearHours({ accounts: who, year: y })}),
    old AS (
      SELECT account_id, count(*) AS n FROM hour_records
      WHERE status = 'pending' AND year = ${y} AND submitted_at < ${ts(cutoff)} AND account_id IN (${who})
      GROUP BY account_id)
    INSERT INTO stats_person_year
      (account_id, year, unit_id, compulsory, elective, professional, total, met, compulsory_done, pending, pending_old,
       pending_hours, drafts)
    SELECT a.id, ${y}, a.unit_id, coalesce(h.compulsory, 0), coalesce(h.elective, 0),
           coalesce(h.professional, 0), t.total,
           ${metSql(plan, sql`t.total`, sql`coalesce(h.professional, 0)`)},
           coalesce(h.compulsory, 0) > 0, coalesce(h.pending, 0), coalesce(old.n, 0),
           coalesce(h.pending_hours, 0), coalesce(h.drafts, 0)
    FROM accounts a
    LEFT JOIN h ON h.account_id = a.id
    LEFT JOIN old ON old.account_id = a.id
    CROSS JOIN LATERAL (SELECT coalesce(h.compulsory, 0) + coalesce(h.elective, 0) + coalesce(h.professional, 0) AS total) t
    WHERE a.kind = 'professional' AND a.unit_id IS NOT NULL AND a.id IN (${who})`);
  const people = sql`SELECT id, unit_id FROM accounts
    WHERE kind = 'professional' AND unit_id IS NOT NULL AND id IN (${who})`;
  await db.execute(sql`
    WITH p AS (${people})
    INSERT INTO stats_person_source (account_id, year, unit_id, source, hours, records)
    SELECT p.id, ${y}, p.unit_id, r.source, sum(r.hours), count(*)
    FROM p JOIN hour_records r ON r.account_id = p.id AND r.year = ${y} AND r.status = 'approved'
    GROUP BY p.id, p.unit_id, r.source`);
  await db.execute(sql`
    WITH p AS (${people})
    INSERT INTO stats_person_month (account_id, year, unit_id, month, approvals, approved_hours, completions)
    SELECT id, ${y}, unit_id, m, sum(approvals), sum(approved_hours), sum(completions) FROM (
      SELECT p.id, p.unit_id, ${month(sql`r.decided_at`, y)} AS m, count(*) AS approvals, sum(r.hours) AS approved_hours,
             0 AS completions
      FROM p JOIN hour_records r ON r.account_id = p.id AND r.year = ${y} AND r.status = 'approved'
      WHERE r.decided_at IS NOT NULL
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT p.id, p.unit_id, ${month(sql`c.credited_at`, y)}, 0, 0, count(*)
      FROM p JOIN public_credits c ON c.account_id = p.id AND c.year = ${y} AND c.kind = 'compulsory'
      GROUP BY 1, 2, 3) x
    WHERE m BETWEEN 1 AND 24
    GROUP BY id, unit_id, m`);
  return res.rowCount ?? 0;
}

/** Removes the given people's rows of the year (null: everyone's). */
export async function deletePeople(db: Db, year: number, who: SQL | null): Promise<void> {
  const only = who ? sql`AND account_id IN (${who})` : sql``;
  for (const table of ['stats_person_year', 'stats_person_source', 'stats_person_month'])
    await db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE year = ${year} ${only}`);
}
