import type { PersonHoursQuery, PersonYearRow, YearTotals } from '@ptce/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { personScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { decryptOrNull } from '../../db/pii';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import { personSearch } from '../org/index';
import { personYearHours } from '../plans/index';

const num = (v: unknown) => Number(v ?? 0);

/**
 * 培训总体查询: per year, public hours (credited automatically by the learning area into
 * public_credits), approved professional hours, and the total; newest year first.
 */
export async function yearTotals(db: Db, accountId: number): Promise<YearTotals[]> {
  const { rows } = await db.execute(
    sql`SELECT * FROM (${personYearHours({ accounts: [accountId] })}) h ORDER BY year DESC`,
  );
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
export async function personYearTotals(ctx: Caller, q: z.infer<typeof PersonHoursQuery>) {
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId) where.push(eq(accounts.departmentId, q.departmentId));
  const people = and(...where)!;
  const base = sql`
    WITH people AS (
      SELECT accounts.id, accounts.name, accounts.id_number_enc AS id_number, d.name AS dept
      FROM accounts LEFT JOIN departments d ON d.id = accounts.department_id
      WHERE ${people}),
    rows AS (${personYearHours({ accounts: sql`SELECT id FROM people`, year: q.year || undefined })})`;
  const [{ rows }, { rows: countRows }] = await Promise.all([
    ctx.db.execute(sql`${base}
      SELECT rows.*, people.name, people.id_number, people.dept FROM rows JOIN people ON people.id = rows.account_id
      ORDER BY rows.year DESC, people.name, rows.account_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute(sql`${base} SELECT count(*)::int AS n FROM rows`),
  ]);
  const items: PersonYearRow[] = (rows as Array<Record<string, unknown>>).map((r) => ({
    accountId: num(r.account_id),
    personName: String(r.name),
    idNumberMasked: maskIdNumber(decryptOrNull(r.id_number) ?? ''),
    departmentName: (r.dept as string | null) ?? null,
    year: num(r.year),
    professionalHours: num(r.professional),
    publicHours: num(r.public_hours),
    totalHours: num(r.professional) + num(r.public_hours),
    recordCount: num(r.records),
  }));
  return { items, total: num((countRows as Array<{ n: unknown }>)[0]?.n), page: q.page, pageSize: q.pageSize };
}
