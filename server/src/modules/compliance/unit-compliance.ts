import type { ComplianceList, ComplianceListQuery, ComplianceRow } from '@ptce/contracts';
import { and, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { decryptOrNull } from '../../db/pii';
import { computeCompliance } from '@ptce/rules';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { metSql, personYearHoursRow, requirePlan, type Plan } from '../plans/index';
import { idNumberFormatter, preparePagedExport, type XlsxColumn } from '../excel/index';
import { keptPersonYearHours } from './person-years';
import { planNumbers } from './year-compliance';
import { compliancePeople } from './people-filter';
import { isWideScope, wideCompliance, wideComplianceReader, type WideCursor } from './wide-compliance';

const num = (v: unknown) => Number(v ?? 0);

/** A row of the list with the person's ID number still encrypted. */
type UnitComplianceRow = ComplianceRow & { idNumberEnc: unknown };
type UnitComplianceList = Omit<ComplianceList, 'items'> & { items: UnitComplianceRow[] };

/**
 * The unit's compliance list for a year (scoped like every staff list): hours by category, 达标,
 * 公需必修已完成, may-be-优秀. One query over the people in scope reads their years (keptPersonYearHours), counts 达标 and
 * 公需必修 for the summary, filters and pages in SQL; the rule's details (what is still missing) are worked out for the
 * page's rows only. `all` answers every row of the filter (the export). A province-, region- or industry-wide page
 * is read another way once the statistics have computed the year (wide-compliance.ts).
 */
export async function unitCompliance(
  ctx: Caller,
  q: z.infer<typeof ComplianceListQuery>,
  all = false,
): Promise<UnitComplianceList> {
  const plan = await requirePlan(ctx.db, q.year, 'year');
  const wide = !all && isWideScope(ctx.actor) ? await wideCompliance(ctx, q, plan) : null;
  if (wide) {
    const { rows, summary, ...paging } = wide;
    return { items: complianceRows(plan, rows), ...paging, page: q.page, pageSize: q.pageSize, summary };
  }
  const where = compliancePeople(ctx.actor, q);
  const chosen: SQL[] = [sql`true`];
  if (q.met) chosen.push(sql`met = ${q.met === 'true'}`);
  if (q.compulsoryDone) chosen.push(sql`compulsory_done = ${q.compulsoryDone === 'true'}`);
  const filter = sql.join(chosen, sql` AND `);
  const page = all ? sql`` : sql`LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  // Only the page's rows (or the export's) carry the ID number and the department: 60,000 people are counted and
  // sorted by name alone.
  const { rows } = await ctx.db.execute(sql`
    WITH people AS (SELECT accounts.id, accounts.name FROM accounts WHERE ${and(...where)}),
    h AS (${keptPersonYearHours(sql`SELECT id FROM people`, q.year)}),
    c AS MATERIALIZED (
      SELECT people.id, people.name, h.compulsory, h.elective, h.professional, h.pending, h.pending_hours, h.drafts,
             ${metSql(plan, sql`t.total`, sql`coalesce(h.professional, 0)`)} AS met,
             coalesce(h.compulsory, 0) > 0 AS compulsory_done
      FROM people LEFT JOIN h ON h.account_id = people.id
      CROSS JOIN LATERAL (SELECT coalesce(h.compulsory, 0) + coalesce(h.elective, 0) + coalesce(h.professional, 0) AS total) t),
    s AS (
      SELECT count(*) AS s_people, count(*) FILTER (WHERE met) AS s_met,
             count(*) FILTER (WHERE compulsory_done) AS s_done, count(*) FILTER (WHERE ${filter}) AS s_total
      FROM c),
    p AS (SELECT * FROM c WHERE ${filter} ORDER BY name, id ${page})
    SELECT s.*, p.*, a.id_number_enc AS id_number, d.name AS dept
    FROM s LEFT JOIN (p JOIN accounts a ON a.id = p.id LEFT JOIN departments d ON d.id = a.department_id) ON true
    ORDER BY p.name, p.id`);
  const found = rows as Array<Record<string, unknown>>;
  const first = found[0] ?? {};
  const summary = { people: num(first.s_people), met: num(first.s_met), compulsoryDone: num(first.s_done) };
  return {
    items: complianceRows(plan, found),
    total: num(first.s_total),
    page: q.page,
    pageSize: q.pageSize,
    summary,
  };
}

/**
 * The list's rows from the query's (id, name, id_number, dept and the year's hours): the rule's details (what is
 * still missing) are worked out here, for these rows only. ID numbers stay encrypted until a row is answered (the
 * page, or the export's rows as they are written).
 */
function complianceRows(plan: Plan, found: Array<Record<string, unknown>>): UnitComplianceRow[] {
  const numbers = planNumbers(plan);
  return found
    .filter((r) => r.id != null)
    .map((r) => ({
      accountId: num(r.id),
      idNumberEnc: r.id_number,
      personName: String(r.name),
      idNumberMasked: '',
      departmentName: (r.dept as string | null) ?? null,
      ...computeCompliance(numbers, personYearHoursRow(r)),
    }));
}

/** A row as the API answers it: the ID number masked. */
const masked = ({ idNumberEnc, ...row }: UnitComplianceRow): ComplianceRow => ({
  ...row,
  idNumberMasked: maskIdNumber(decryptOrNull(idNumberEnc) ?? ''),
});

/** 达标情况: a page of the list. */
export async function unitCompliancePage(ctx: Caller, q: z.infer<typeof ComplianceListQuery>) {
  const { items, ...rest } = await unitCompliance(ctx, q);
  return { ...rest, items: items.map(masked) };
}

const EXPORT_PAGE = 2000;

/**
 * 导出Excel: the whole filtered list, as the page shows it, streamed a page of rows at a time. A unit's list is
 * computed before the download starts; a province-, region- or industry-wide one is read in name order, 2,000 people
 * at a time (wide-compliance.ts), so a province's export never holds 2 M people at once. Either way the first page
 * is read before the download starts, so a refusal (e.g. a year without a plan) is an ordinary error response, not a
 * broken file.
 */
export async function unitComplianceExport(ctx: Caller, q: z.infer<typeof ComplianceListQuery>) {
  const plan = await requirePlan(ctx.db, q.year, 'year');
  const wide = isWideScope(ctx.actor) ? await wideComplianceReader(ctx, q, plan) : null;
  const all = wide ? null : (await unitCompliance(ctx, q, true)).items;
  const idText = idNumberFormatter(ctx.actor);
  const columns: XlsxColumn<ComplianceRow & { idNumber: string }>[] = [
    { header: '姓名', width: 12, value: (r) => r.personName },
    { header: '身份证号码', width: 22, text: true, value: (r) => (r.idNumber ? idText(r.idNumber) : r.idNumberMasked) },
    { header: '所属部门', width: 18, value: (r) => r.departmentName },
    { header: '年度', width: 8, value: (r) => r.year },
    { header: '公需科目（必修）', width: 12, value: (r) => r.compulsoryHours },
    { header: '公需科目（选修）', width: 12, value: (r) => r.electiveHours },
    { header: '专业科目', width: 10, value: (r) => r.professionalHours },
    { header: '总学时', width: 10, value: (r) => r.totalHours },
    { header: '是否达标', width: 10, value: (r) => (r.met ? '达标' : '未达标') },
    { header: '公需必修', width: 10, value: (r) => (r.compulsoryDone ? '已完成' : '未完成') },
    { header: '年度考核可评优秀', width: 16, value: (r) => (r.mayBeExcellent ? '可以' : '不得评为优秀') },
    { header: '尚需完成', width: 60, value: (r) => r.missing.map((m) => `${m.item}（截止${m.deadline}）`).join('；') },
  ];
  const written = (rows: UnitComplianceRow[]) =>
    rows.map(({ idNumberEnc, ...row }) => {
      const idNumber = decryptOrNull(idNumberEnc) ?? '';
      return { ...row, idNumber, idNumberMasked: maskIdNumber(idNumber) };
    });
  return preparePagedExport<ComplianceRow & { idNumber: string }, WideCursor | number>({
    sheetName: `${q.year}年度达标情况`,
    columns,
    page: async (after) => {
      if (wide) {
        const { rows, next } = await wide(after as WideCursor | null, EXPORT_PAGE);
        return { rows: written(complianceRows(plan, rows)), next };
      }
      const from = (after as number | null) ?? 0;
      const to = from + EXPORT_PAGE;
      return { rows: written(all!.slice(from, to)), next: to < all!.length ? to : null };
    },
    done: (rows) => writeAudit(ctx.db, ctx, { action: 'exports.compliance.unit', detail: { filter: q, rows } }),
  });
}
