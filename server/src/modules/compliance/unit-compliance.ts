import type { ComplianceListQuery, ComplianceRow } from '@ptce/contracts';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { personScope } from '../../auth/scope';
import { accounts } from '../../db/schema/index';
import { decryptOrNull } from '../../db/pii';
import { computeCompliance } from '@ptce/rules';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import type { Writable } from 'node:stream';
import { writeAudit } from '../audit/index';
import { personYearHours, personYearHoursRow, requirePlan } from '../plans/index';
import { idNumberFormatter, type XlsxColumn, xlsxSheetWriter } from '../excel/index';
import { personSearch } from '../org/index';
import { planNumbers } from './year-compliance';

const num = (v: unknown) => Number(v ?? 0);

/** A row of the list with the person's ID number still encrypted. */
type UnitComplianceRow = ComplianceRow & { idNumberEnc: unknown };

/**
 * The unit's compliance list for a year (scoped like every staff list): hours by category, 达标,
 * 公需必修已完成, may-be-优秀. One aggregate query over the people in scope, the rule applied per row.
 */
export async function unitCompliance(ctx: Caller, q: z.infer<typeof ComplianceListQuery>) {
  const plan = await requirePlan(ctx.db, q.year, 'year');
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId !== undefined)
    where.push(q.departmentId === 0 ? isNull(accounts.departmentId) : eq(accounts.departmentId, q.departmentId));
  const { rows } = await ctx.db.execute(sql`
    WITH people AS (
      SELECT accounts.id, accounts.name, accounts.id_number_enc AS id_number, d.name AS dept
      FROM accounts LEFT JOIN departments d ON d.id = accounts.department_id
      WHERE ${and(...where)}),
    h AS (${personYearHours({ accounts: sql`SELECT id FROM people`, year: q.year })})
    SELECT people.id, people.name, people.id_number, people.dept, h.*
    FROM people LEFT JOIN h ON h.account_id = people.id
    ORDER BY people.name, people.id`);
  const numbers = planNumbers(plan);
  // ID numbers are decrypted only for the rows shown (the page) or written (the export): a unit of 60,000 people
  // would otherwise decrypt 60,000 numbers for each page of 20.
  let all: Array<UnitComplianceRow> = (rows as Array<Record<string, unknown>>).map((r) => ({
    accountId: num(r.id),
    idNumberEnc: r.id_number,
    personName: String(r.name),
    idNumberMasked: '',
    departmentName: (r.dept as string | null) ?? null,
    ...computeCompliance(numbers, personYearHoursRow(r)),
  }));
  const summary = {
    people: all.length,
    met: all.filter((r) => r.met).length,
    compulsoryDone: all.filter((r) => r.compulsoryDone).length,
  };
  if (q.met) all = all.filter((r) => r.met === (q.met === 'true'));
  if (q.compulsoryDone) all = all.filter((r) => r.compulsoryDone === (q.compulsoryDone === 'true'));
  const start = (q.page - 1) * q.pageSize;
  const items: ComplianceRow[] = all
    .slice(start, start + q.pageSize)
    .map(({ idNumberEnc, ...row }) => ({ ...row, idNumberMasked: maskIdNumber(decryptOrNull(idNumberEnc) ?? '') }));
  return { items, total: all.length, page: q.page, pageSize: q.pageSize, summary, all };
}

/**
 * 导出Excel: the whole filtered list, as the page shows it. The list is computed before the download
 * starts, so a refusal (e.g. a year without a plan) is an ordinary error response, not a broken file.
 */
export async function unitComplianceExport(ctx: Caller, q: z.infer<typeof ComplianceListQuery>) {
  const { all } = await unitCompliance(ctx, { ...q, page: 1, pageSize: 1 });
  return (out: Writable) => writeUnitCompliance(ctx, q, all, out);
}

async function writeUnitCompliance(
  ctx: Caller,
  q: z.infer<typeof ComplianceListQuery>,
  all: UnitComplianceRow[],
  out: Writable,
): Promise<number> {
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
  const sheet = xlsxSheetWriter(out, `${q.year}年度达标情况`, columns);
  for (let i = 0; i < all.length; i += 2000)
    await sheet.add(
      all.slice(i, i + 2000).map(({ idNumberEnc, ...row }) => {
        const idNumber = decryptOrNull(idNumberEnc) ?? '';
        return { ...row, idNumber, idNumberMasked: maskIdNumber(idNumber) };
      }),
    );
  const count = await sheet.end();
  await writeAudit(ctx.db, ctx, { action: 'exports.compliance.unit', detail: { filter: q, rows: count } });
  return count;
}
