import { hourSourceLabel, type StatsPersonYear } from '@ptce/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { personScope } from '../../auth/scope';
import { accounts } from '../../db/schema/index';
import { decryptOrNull } from '../../db/pii';
import { maskIdNumber } from '../../domain/id-number';
import { notFound } from '../../errors';
import { readerOf, type Caller } from '../auth/index';
import { complianceFor } from '../compliance/index';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/** The last step of the drill-down: a person's year read live (达标 by compliance/, the year's records). */
export async function personYear(ctx: Caller, accountId: number, year: number): Promise<StatsPersonYear> {
  const who = (
    await readerOf(ctx).execute(sql`
      SELECT accounts.id, accounts.name, accounts.id_number_enc, accounts.unit_id, units.name AS unit_name
      FROM accounts LEFT JOIN units ON units.id = accounts.unit_id
      WHERE ${and(eq(accounts.id, accountId), eq(accounts.kind, 'professional'), personScope(ctx.actor))}`)
  ).rows[0] as Row | undefined;
  if (!who) throw notFound('人员');
  const c = await complianceFor(readerOf(ctx), accountId, year);
  const { rows } = await readerOf(ctx).execute(sql`
    SELECT id, title, start_date::text AS start_date, end_date::text AS end_date, hours, status, source, decided_at
    FROM hour_records WHERE account_id = ${accountId} AND year = ${year} AND status <> 'draft'
    ORDER BY start_date, id`);
  return {
    accountId,
    personName: String(who.name),
    idNumberMasked: maskIdNumber(decryptOrNull(who.id_number_enc as string | null) ?? ''),
    unitId: who.unit_id === null ? null : num(who.unit_id),
    unitName: (who.unit_name as string | null) ?? null,
    year,
    compulsoryHours: c.compulsoryHours,
    electiveHours: c.electiveHours,
    professionalHours: c.professionalHours,
    totalHours: c.totalHours,
    pendingHours: c.pendingHours,
    met: c.met,
    compulsoryDone: c.compulsoryDone,
    missing: c.missing,
    records: (rows as Row[]).map((r) => ({
      id: num(r.id),
      title: String(r.title),
      startDate: String(r.start_date),
      endDate: String(r.end_date),
      hours: num(r.hours),
      status: String(r.status),
      source: String(r.source),
      sourceLabel: hourSourceLabel(String(r.source)),
      decidedAt: r.decided_at ? new Date(r.decided_at as string).toISOString() : null,
    })),
  };
}
