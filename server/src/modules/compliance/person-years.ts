import { sql, type SQL } from 'drizzle-orm';
import { personYearHours } from '../plans/index';

/**
 * Many people's hours in one year, for a list of a whole unit (达标情况): each person's year as modules/stats keeps
 * it (stats_person_year, refreshed every minute), except for the people marked as changed since (stats_dirty), the
 * people it holds no row for, and every person of a year it has not computed: their records and credits are
 * summed now (personYearHours). The answer equals personYearHours's at every moment: a mark is written by the same
 * statement that changes a record or a credit, and the refresh removes marks in the transaction that rewrites
 * those people's rows. No statement that changes hours writes anything more for it.
 *
 * `people` selects account ids. Columns: account_id, compulsory, elective, professional, pending, pending_hours,
 * drafts; a person with no hours at all may have no row.
 */
export function keptPersonYearHours(people: SQL, year: number): SQL {
  return sql`
    WITH kept AS MATERIALIZED (
      SELECT p.id, (s.account_id IS NULL OR d.account_id IS NOT NULL) AS live,
             s.compulsory, s.elective, s.professional, s.pending, s.pending_hours, s.drafts
      FROM (${people}) p(id)
      LEFT JOIN stats_person_year s ON s.account_id = p.id AND s.year = ${year}
        AND EXISTS (SELECT 1 FROM stats_refresh r WHERE r.year = ${year})
      LEFT JOIN stats_dirty d ON d.account_id = p.id AND d.year = ${year})
    SELECT id AS account_id, compulsory, elective, professional, pending, pending_hours, drafts
    FROM kept WHERE NOT live
    UNION ALL
    SELECT account_id, compulsory, elective, professional, pending, pending_hours, drafts
    FROM (${personYearHours({ accounts: sql`SELECT id FROM kept WHERE live`, year })}) h`;
}

/**
 * One person's year as keptPersonYearHours answers it, for a LATERAL join over a list walked in its own order (the
 * province-wide 达标情况 walks professionals by name and stops at the page): `id` is the outer query's account id.
 * The kept row is read by its key; only when it cannot be used are the person's records and credits summed, through
 * their (account_id, year) indexes. Columns: compulsory, elective, professional, pending, pending_hours, drafts
 * (zeros for a person with no hours); one row always.
 */
export function keptPersonYear(id: SQL, year: number): SQL {
  const columns = ['compulsory', 'elective', 'professional', 'pending', 'pending_hours', 'drafts'];
  const pick = sql.join(
    columns.map((c) => sql.raw(`coalesce(CASE WHEN k.live THEN h.${c} ELSE k.${c} END, 0) AS ${c}`)),
    sql`, `,
  );
  return sql`
    SELECT ${pick}
    FROM (
      SELECT s.compulsory, s.elective, s.professional, s.pending, s.pending_hours, s.drafts,
             (s.account_id IS NULL
              OR EXISTS (SELECT 1 FROM stats_dirty d WHERE d.account_id = ${id} AND d.year = ${year})) AS live
      FROM (SELECT 1) one
      LEFT JOIN stats_person_year s ON s.account_id = ${id} AND s.year = ${year}
        AND EXISTS (SELECT 1 FROM stats_refresh r WHERE r.year = ${year})) k
    LEFT JOIN LATERAL (
      SELECT * FROM (${personYearHours({ accounts: { one: id }, year })}) sums WHERE k.live) h ON true`;
}
