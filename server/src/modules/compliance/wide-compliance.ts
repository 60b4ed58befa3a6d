import type { ComplianceListQuery } from '@ptce/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { personScope, unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { decodeCursor, encodeCursor, listTotal } from '../../db/paging';
import { accounts, units } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { personSearch } from '../org/index';
import { metSql, type Plan } from '../plans/index';
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
 *   (`asOf`, shown as 统计截至). A year the statistics have not computed yet answers null: the caller counts.
 * Rows carry the same columns as the unit list's query (id, name, hours, id_number, dept).
 */
export async function wideCompliance(ctx: Caller, q: z.infer<typeof ComplianceListQuery>, plan: Plan) {
  const asOf = await statsAsOf(ctx.db, q.year);
  if (!asOf) return null;
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  const chosen: SQL[] = [];
  if (q.met) chosen.push(sql`${metSql(plan, sql`t.total`, sql`v.professional`)} = ${q.met === 'true'}`);
  if (q.compulsoryDone) chosen.push(sql`(v.compulsory > 0) = ${q.compulsoryDone === 'true'}`);
  const from = sql`FROM accounts
    CROSS JOIN LATERAL (${keptPersonYear(sql`accounts.id`, q.year)}) v
    CROSS JOIN LATERAL (SELECT v.compulsory + v.elective + v.professional AS total) t
    WHERE ${and(...where, ...chosen)}`;
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number'] as const) : null;
  const keyset = after ? sql`AND (accounts.name, accounts.id) > (${after[0]}, ${after[1]})` : sql``;
  const offset = after ? sql`` : sql`OFFSET ${(q.page - 1) * q.pageSize}`;
  const [{ rows }, counted, summary] = await Promise.all([
    ctx.db.execute(sql`
      WITH p AS MATERIALIZED (
        SELECT accounts.id, accounts.name, v.* ${from} ${keyset}
        ORDER BY accounts.name, accounts.id LIMIT ${q.pageSize} ${offset})
      SELECT p.*, a.id_number_enc AS id_number, d.name AS dept
      FROM p JOIN accounts a ON a.id = p.id LEFT JOIN departments d ON d.id = a.department_id
      ORDER BY p.name, p.id`),
    listTotal(ctx.db, q, sql`SELECT 1 ${from}`),
    statsSummary(ctx.db, ctx.actor, q.year),
  ]);
  const found = rows as Array<Record<string, unknown>>;
  const last = found[found.length - 1];
  const nextCursor = found.length === q.pageSize && last ? encodeCursor([String(last.name), num(last.id)]) : null;
  return { rows: found, ...counted, nextCursor, summary: { ...summary, asOf } };
}

/** When the statistics last computed the year; null when they never have. */
async function statsAsOf(db: Db, year: number): Promise<string | null> {
  const { rows } = await db.execute(sql`SELECT refreshed_at FROM stats_refresh WHERE year = ${year}`);
  const at = (rows[0] as { refreshed_at: Date | string } | undefined)?.refreshed_at;
  return at ? new Date(at).toISOString() : null;
}

/** 人数, 已达标, 公需必修已完成 of the units in the caller's scope, as the statistics counted them. */
async function statsSummary(db: Db, actor: Actor, year: number) {
  const { rows } = await db.execute(sql`
    SELECT coalesce(sum(s.people), 0) AS people, coalesce(sum(s.met), 0) AS met,
           coalesce(sum(s.compulsory_done), 0) AS done
    FROM stats_unit_year s JOIN units ON units.id = s.unit_id
    WHERE s.year = ${year} AND ${unitScope(actor, units.id)}`);
  const r = (rows[0] ?? {}) as Record<string, unknown>;
  return { people: num(r.people), met: num(r.met), compulsoryDone: num(r.done) };
}
