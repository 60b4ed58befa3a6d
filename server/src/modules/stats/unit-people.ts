import type { StatsPeopleQuery, StatsPersonRow } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { decryptOrNull } from '../../db/pii';
import { maskIdNumber } from '../../domain/id-number';
import { readerOf, type Caller } from '../auth/index';
import { personSearch } from '../org/index';
import { statsAsOf } from './stats-scope';
import { unitInScope, unitTotals } from './unit-league';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/** A unit's people and their year, those not 达标 first (fewest hours first). */
export async function unitPeople(ctx: Caller, unitId: number, q: z.infer<typeof StatsPeopleQuery>, all = false) {
  const unit = await unitInScope(ctx, unitId);
  const dataAsOf = await statsAsOf(readerOf(ctx), q.year);
  const met = q.met ? sql`AND p.met = ${q.met === 'true'}` : sql``;
  const search = q.q ? sql`AND ${personSearch(q.q)}` : sql``;
  const page = all ? sql`` : sql`LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  const { rows } = await readerOf(ctx).execute(sql`
    SELECT p.*, accounts.name, accounts.id_number_enc, d.name AS dept, count(*) OVER () AS total_rows
    FROM stats_person_year p JOIN accounts ON accounts.id = p.account_id
    LEFT JOIN departments d ON d.id = accounts.department_id
    WHERE p.year = ${q.year} AND p.unit_id = ${unit.id} ${met} ${search}
    ORDER BY p.met, p.total, accounts.name, p.account_id
    ${page}`);
  const items: Array<StatsPersonRow & { idNumber: string }> = (rows as Row[]).map((r) => {
    const idNumber = decryptOrNull(r.id_number_enc as string | null) ?? '';
    return {
      accountId: num(r.account_id),
      personName: String(r.name),
      idNumber,
      idNumberMasked: maskIdNumber(idNumber),
      departmentName: (r.dept as string | null) ?? null,
      compulsoryHours: num(r.compulsory),
      electiveHours: num(r.elective),
      professionalHours: num(r.professional),
      totalHours: num(r.total),
      met: Boolean(r.met),
      compulsoryDone: Boolean(r.compulsory_done),
      pending: num(r.pending),
    };
  });
  return {
    unit,
    totals: await unitTotals(ctx, unit.id, q.year),
    items,
    total: rows.length ? num((rows[0] as Row).total_rows) : 0,
    page: q.page,
    pageSize: q.pageSize,
    dataAsOf,
  };
}
