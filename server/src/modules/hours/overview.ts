import type { PersonYearRow, YearTotals } from '@ptce/contracts';
import { PersonHoursQuery } from '@ptce/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { personScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import type { Ctx } from '../../http/context';
import { personSearch } from '../org/staff';

const num = (v: unknown) => Number(v ?? 0);

/**
 * 培训总体查询: per year, public hours (credited automatically by the learning area into
 * public_credits), approved professional hours, and the total; newest year first.
 */
export async function yearTotals(db: Db, accountId: number): Promise<YearTotals[]> {
  const { rows } = await db.execute(sql`
    WITH prof AS (
      SELECT year, sum(hours) FILTER (WHERE status = 'approved') AS professional,
             count(*) FILTER (WHERE status = 'pending') AS pending
      FROM hour_records WHERE account_id = ${accountId} GROUP BY year),
    pub AS (
      SELECT year, sum(hours) FILTER (WHERE kind = 'compulsory') AS compulsory,
             sum(hours) FILTER (WHERE kind = 'elective') AS elective
      FROM public_credits WHERE account_id = ${accountId} GROUP BY year)
    SELECT coalesce(prof.year, pub.year) AS year, prof.professional, prof.pending, pub.compulsory, pub.elective
    FROM prof FULL JOIN pub ON pub.year = prof.year
    ORDER BY 1 DESC`);
  return (rows as Array<Record<string, unknown>>).map((r) => {
    const compulsory = num(r.compulsory);
    const elective = num(r.elective);
    const professional = num(r.professional);
    return {
      year: num(r.year),
      compulsoryHours: compulsory,
      electiveHours: elective,
      publicHours: compulsory + elective,
      professionalHours: professional,
      totalHours: compulsory + elective + professional,
      pendingCount: num(r.pending),
    };
  });
}

/** 专业科目学时查询 (unit side): per person and year within the caller's scope. */
export async function personYearTotals(ctx: Ctx, q: z.infer<typeof PersonHoursQuery>) {
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId) where.push(eq(accounts.departmentId, q.departmentId));
  const yearFilter = q.year ? sql`AND year = ${q.year}` : sql``;
  const people = and(...where)!;
  const base = sql`
    WITH people AS (
      SELECT accounts.id, accounts.name, accounts.id_number, d.name AS dept
      FROM accounts LEFT JOIN departments d ON d.id = accounts.department_id
      WHERE ${people}),
    prof AS (
      SELECT account_id, year, sum(hours) FILTER (WHERE status = 'approved') AS professional, count(*) AS records
      FROM hour_records WHERE account_id IN (SELECT id FROM people) ${yearFilter} GROUP BY account_id, year),
    pub AS (
      SELECT account_id, year, sum(hours) AS public_hours
      FROM public_credits WHERE account_id IN (SELECT id FROM people) ${yearFilter} GROUP BY account_id, year),
    rows AS (
      SELECT coalesce(prof.account_id, pub.account_id) AS account_id, coalesce(prof.year, pub.year) AS year,
             coalesce(prof.professional, 0) AS professional, coalesce(pub.public_hours, 0) AS public_hours, coalesce(prof.records, 0) AS records
      FROM prof FULL JOIN pub ON pub.account_id = prof.account_id AND pub.year = prof.year)`;
  const [{ rows }, { rows: countRows }] = await Promise.all([
    ctx.db.execute(sql`${base}
      SELECT rows.*, people.name, people.id_number, people.dept FROM rows JOIN people ON people.id = rows.account_id
      ORDER BY rows.year DESC, people.name, rows.account_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute(sql`${base} SELECT count(*)::int AS n FROM rows`),
  ]);
  const items: PersonYearRow[] = (rows as Array<Record<string, unknown>>).map((r) => ({
    accountId: num(r.account_id),
    personName: String(r.name),
    idNumberMasked: maskIdNumber(String(r.id_number ?? '')),
    departmentName: (r.dept as string | null) ?? null,
    year: num(r.year),
    professionalHours: num(r.professional),
    publicHours: num(r.public_hours),
    totalHours: num(r.professional) + num(r.public_hours),
    recordCount: num(r.records),
  }));
  return { items, total: num((countRows as Array<{ n: unknown }>)[0]?.n), page: q.page, pageSize: q.pageSize };
}
