import type { ExportPersonYearsQuery } from '@ptce/contracts';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { shanghaiDate } from '../../clock';
import { personScope } from '../../auth/scope';
import { accounts, departments } from '../../db/schema/index';
import { readerOf, type Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { personSearch } from '../org/index';
import { personYearHours } from '../plans/index';
import { idNumberFormatter } from './id-visibility';
import { preparePagedExport } from './paged-export';
import type { XlsxColumn } from './xlsx-writer';

// Ordered by name like the list (accounts_professional_name_idx serves that order; within a unit the planner may
// still sort the unit's people, top-N): fewer, larger pages. Their rows are small.
const PAGE = 2000;
const num = (v: unknown) => Number(v ?? 0);

interface PersonYear {
  name: string;
  idNumber: string | null;
  dept: string | null;
  year: number;
  publicHours: number;
  professionalHours: number;
  records: number;
}

export const personYearsExportName = () => `专业科目学时查询_${shanghaiDate().replace(/-/g, '')}.xlsx`;

/**
 * 专业科目学时查询 → Excel: per person and year, the same figures and filter as the list
 * (hours/overview.ts personYearTotals: approved professional hours, public hours, their total, the
 * number of records). People are paged by (name, id) — keyset, so each page is an index range, not an
 * OFFSET over everything — and each page's years are aggregated for just those people. Rows are grouped
 * by person (newest year first); the auto-filter sorts them any other way.
 */
export async function exportPersonYears(ctx: Caller, q: ExportPersonYearsQuery) {
  const idText = idNumberFormatter(ctx.actor);
  const columns: XlsxColumn<PersonYear>[] = [
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '身份证号码', width: 22, text: true, value: (r) => idText(r.idNumber) },
    { header: '所属部门', width: 16, value: (r) => r.dept },
    { header: '年度', width: 8, value: (r) => r.year },
    { header: '公需科目学时', width: 13, value: (r) => r.publicHours },
    { header: '专业科目学时', width: 13, value: (r) => r.professionalHours },
    { header: '总学时', width: 10, value: (r) => r.publicHours + r.professionalHours },
    { header: '登记条数', width: 10, value: (r) => r.records },
  ];
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId) where.push(eq(accounts.departmentId, q.departmentId));

  type Cursor = { name: string; id: number };
  const db = readerOf(ctx);
  return preparePagedExport<PersonYear, Cursor>({
    sheetName: '专业科目学时查询',
    columns,
    page: async (after) => {
      const people: Array<{ id: number; name: string; idNumber: string | null; dept: string | null }> = await db
        .select({ id: accounts.id, name: accounts.name, idNumber: accounts.idNumber, dept: departments.name })
        .from(accounts)
        .leftJoin(departments, eq(departments.id, accounts.departmentId))
        .where(
          and(...where, after ? sql`(${accounts.name}, ${accounts.id}) > (${after.name}, ${after.id})` : undefined),
        )
        .orderBy(asc(accounts.name), asc(accounts.id))
        .limit(PAGE);
      if (!people.length) return { rows: [], next: null };
      const ids = people.map((p) => p.id);
      const { rows } = await db.execute(personYearHours({ accounts: ids, year: q.year || undefined }));
      const byPerson = new Map<number, Array<Record<string, unknown>>>();
      for (const r of rows as Array<Record<string, unknown>>) {
        const id = num(r.account_id);
        if (!byPerson.has(id)) byPerson.set(id, []);
        byPerson.get(id)!.push(r);
      }
      const batch: PersonYear[] = [];
      for (const p of people) {
        const years = (byPerson.get(p.id) ?? []).sort((a, b) => num(b.year) - num(a.year));
        for (const y of years) {
          batch.push({
            name: p.name,
            idNumber: p.idNumber,
            dept: p.dept,
            year: num(y.year),
            publicHours: num(y.public_hours),
            professionalHours: num(y.professional),
            records: num(y.records),
          });
        }
      }
      const last = people[people.length - 1]!;
      return { rows: batch, next: people.length === PAGE ? { name: last.name, id: last.id } : null };
    },
    done: (count) =>
      writeAudit(ctx.db, ctx, { action: 'exports.hours.person-years', detail: { filter: q, rows: count } }),
  });
}
