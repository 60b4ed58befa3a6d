import type { ComplianceListQuery } from '@ptce/contracts';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { decodeCursor, encodeCursor, listTotal } from '../../db/paging';
import { accounts, units } from '../../db/schema/index';
import { readerOf, type Caller } from '../auth/index';
import { metSql, type Plan } from '../plans/index';
import { compliancePeople } from './people-filter';
import { KEPT_COUNT_COLUMNS, keptCountsOf, keptRefresh } from './kept-counts';
import { keptPersonYear } from './person-years';

/** Scopes whose 达标情况 spans many units: the operator's province, a city HR bureau's region, an authority's industry. */
export function isWideScope(actor: Actor): boolean {
  return actor.scope === 'province' || actor.scope === 'region' || actor.scope === 'industry';
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * 达标情况 over a whole province, region or industry (up to 2 M people). The unit list's way (every person's year,
 * counted and sorted) takes seconds at that size, so here:
 * - the page walks professionals in name order (accounts_professional_name_idx) and reads each one's year as it goes
 *   (keptPersonYear), stopping when the page is full; `cursor` continues after a page's last row (keyset);
 * - the total stops counting at TOTAL_CAP unless `exactTotal=true` (as the record lists do);
 * - the summary is the statistics' (stats_unit_year over the units in scope), with the time they were computed
 *   (`asOf`, shown as 数据时间); the province's also counts its professionals without a unit, as they are now (no
 *   unit's statistics hold them). A year the statistics have not computed yet answers null: the caller counts.
 * Rows carry the same columns as the unit list's query (id, name, hours, id_number, dept).
 */
export async function wideCompliance(ctx: Caller, q: z.infer<typeof ComplianceListQuery>, plan: Plan) {
  const wide = await wideQuery(ctx, q, plan);
  if (!wide) return null;
  const { from, summary, asOf } = wide;
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number'] as const) : null;
  const [{ rows, next }, counted] = await Promise.all([
    widePage(ctx.db, from, after, q.pageSize, after ? 0 : (q.page - 1) * q.pageSize),
    listTotal(ctx.db, q, sql`SELECT 1 ${from}`),
  ]);
  return { rows, ...counted, nextCursor: next && encodeCursor([...next]), summary: { ...summary, asOf } };
}

/**
 * What both the page and the export read: the statistics' summary of the scope and the list's FROM. Null for a year
 * the statistics have not computed. The kept 达标 flags pick the rare-filter candidates only when they were computed
 * under the plan's current version.
 */
async function wideQuery(ctx: Caller, q: z.infer<typeof ComplianceListQuery>, plan: Plan) {
  const kept = await keptRefresh(ctx.db, q.year);
  if (!kept) return null;
  const summary = await statsSummary(ctx.db, ctx.actor, q.year, plan);
  const from = wideFrom(ctx.actor, q, plan, kept.planVersion === plan.version ? summary : null);
  return { from, summary, asOf: kept.asOf };
}

/** A wide list's position: the (name, id) of the last row read. */
export type WideCursor = readonly [string, number];

/**
 * The whole filtered list, for 导出Excel, as a function reading `size` rows after a position (keyset: each call is
 * an index range, however far into the province). Null for a year the statistics have not computed.
 */
export async function wideComplianceReader(ctx: Caller, q: z.infer<typeof ComplianceListQuery>, plan: Plan) {
  const wide = await wideQuery(ctx, q, plan);
  if (!wide) return null;
  return (after: WideCursor | null, size: number) => widePage(readerOf(ctx), wide.from, after, size, 0);
}

/**
 * Below this share of the scope's people, a 达标 or 公需必修 filter is answered from the people who may match
 * (candidates) rather than by walking everyone in name order: when few match (已达标 early in the year), the walk
 * would read most of the province to fill a page.
 */
const RARE_SHARE = 0.2;

type Summary = Awaited<ReturnType<typeof statsSummary>>;

/**
 * The people in scope that pass the filter, each with the year's hours (v) and their total (t). With a rare filter
 * (by the statistics' counts) they are also limited to the candidates (rareFilterCandidates). `summary` is null when
 * the kept 达标 flags were computed under another version of the plan: then everyone is walked.
 */
function wideFrom(actor: Actor, q: z.infer<typeof ComplianceListQuery>, plan: Plan, summary: Summary | null): SQL {
  const where = compliancePeople(actor, q);
  if (q.met) where.push(sql`${metSql(plan, sql`t.total`, sql`v.professional`)} = ${q.met === 'true'}`);
  if (q.compulsoryDone) where.push(sql`(v.compulsory > 0) = ${q.compulsoryDone === 'true'}`);
  if (!summary) return wideSql(q, where);
  // The share of the scope that passes one filter: those counted with the flag, or the rest.
  const share = (wanted: 'true' | 'false' | undefined, counted: number) =>
    wanted === undefined ? 1 : (wanted === 'true' ? counted : summary.people - counted) / (summary.people || 1);
  if (Math.min(share(q.met, summary.met), share(q.compulsoryDone, summary.compulsoryDone)) < RARE_SHARE)
    where.push(sql`accounts.id IN (${rareFilterCandidates(q)})`);
  return wideSql(q, where);
}

function wideSql(q: Pick<z.infer<typeof ComplianceListQuery>, 'year'>, where: SQL[]): SQL {
  return sql`FROM accounts
    CROSS JOIN LATERAL (${keptPersonYear(sql`accounts.id`, q.year)}) v
    CROSS JOIN LATERAL (SELECT v.compulsory + v.elective + v.professional AS total) t
    WHERE ${and(...where)}`;
}

/**
 * Everyone who can pass the list's 达标 and 公需必修 filter: the people whose kept year passes it, and those whose kept
 * year cannot be used (keptPersonYear): marked as changed since the refresh, or without a row because they have no
 * unit (a professional who joins or changes unit is marked). Whoever else has a kept row, has it as their year.
 */
function rareFilterCandidates(q: z.infer<typeof ComplianceListQuery>): SQL {
  const kept = [sql`s.year = ${q.year}`];
  if (q.met) kept.push(sql`s.met = ${q.met === 'true'}`);
  if (q.compulsoryDone) kept.push(sql`s.compulsory_done = ${q.compulsoryDone === 'true'}`);
  return sql`
    SELECT s.account_id FROM stats_person_year s WHERE ${and(...kept)}
    UNION ALL SELECT d.account_id FROM stats_dirty d WHERE d.year = ${q.year}
    UNION ALL SELECT a.id FROM accounts a WHERE a.kind = 'professional' AND a.unit_id IS NULL`;
}

/**
 * `limit` rows of the list in name order, after a position or an offset; only they are joined to ID and department.
 * `next` is the position after the last row, null when the list ended on this page.
 */
async function widePage(
  db: Db,
  from: SQL,
  after: WideCursor | null,
  limit: number,
  offset: number,
): Promise<{ rows: Array<Record<string, unknown>>; next: WideCursor | null }> {
  const keyset = after ? sql`AND (accounts.name, accounts.id) > (${after[0]}, ${after[1]})` : sql``;
  const { rows } = await db.execute(sql`
    WITH p AS MATERIALIZED (
      SELECT accounts.id, accounts.name, v.* ${from} ${keyset}
      ORDER BY accounts.name, accounts.id LIMIT ${limit} OFFSET ${offset})
    SELECT p.*, a.id_number_enc AS id_number, d.name AS dept
    FROM p JOIN accounts a ON a.id = p.id LEFT JOIN departments d ON d.id = a.department_id
    ORDER BY p.name, p.id`);
  const found = rows as Array<Record<string, unknown>>;
  const last = found[found.length - 1];
  return { rows: found, next: found.length === limit && last ? [String(last.name), num(last.id)] : null };
}

/**
 * 人数, 已达标, 公需必修已完成 of the units in the caller's scope, as the statistics counted them. The province's list also
 * has the professionals without a unit (registered without one, or removed from theirs), whom no unit's statistics
 * hold: they are few, and counted as they are now.
 */
async function statsSummary(db: Db, actor: Actor, year: number, plan: Plan) {
  const { rows } = await db.execute(sql`
    SELECT ${KEPT_COUNT_COLUMNS} FROM stats_unit_year s JOIN units ON units.id = s.unit_id
    WHERE s.year = ${year} AND ${unitScope(actor, units.id)}`);
  const kept = keptCountsOf((rows[0] ?? {}) as Record<string, unknown>);
  const unitless = actor.scope === 'province' ? await unitlessSummary(db, year, plan) : {};
  return {
    people: kept.people + num(unitless.people),
    met: kept.met + num(unitless.met),
    compulsoryDone: kept.compulsoryDone + num(unitless.done),
  };
}

/** The same counts over the professionals without a unit, each one's year read as the list reads it. */
async function unitlessSummary(db: Db, year: number, plan: Plan): Promise<Record<string, unknown>> {
  const { rows } = await db.execute(sql`
    SELECT count(*) AS people, count(*) FILTER (WHERE ${metSql(plan, sql`t.total`, sql`v.professional`)}) AS met,
           count(*) FILTER (WHERE v.compulsory > 0) AS done
    ${wideSql({ year }, [eq(accounts.kind, 'professional'), isNull(accounts.unitId)])}`);
  return (rows[0] ?? {}) as Record<string, unknown>;
}
