import type { ExportStaffQuery } from '@ptce/contracts';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { formatShanghai, shanghaiDate } from '../../clock';
import { personScope } from '../../auth/scope';
import { accounts, departments } from '../../db/schema/index';
import { readerOf, type Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { personSearch } from '../org/index';
import { idNumberFormatter } from './id-visibility';
import { preparePagedExport } from './paged-export';
import type { XlsxColumn } from './xlsx-writer';

// Ordered by name like the list, and no index serves that order, so every page sorts the scope's
// people (top-N): fewer, larger pages. Their rows are small.
const PAGE = 2000;
type Person = {
  id: number;
  name: string;
  idNumber: string | null;
  gender: 'male' | 'female' | null;
  phone: string | null;
  email: string | null;
  dept: string | null;
  lastLoginAt: Date | null;
  pending: boolean;
};

export const staffExportName = () => `专业技术人员_${shanghaiDate().replace(/-/g, '')}.xlsx`;

/**
 * 专业技术人员管理 → Excel: the unit's professionals in the caller's scope (a department admin: their
 * department), with the list's filter (name or ID number, department; 0 = no department; 新注册 or
 * confirmed), ordered
 * like the list by name — paged by (name, id), keyset.
 */
export async function exportStaff(ctx: Caller, q: ExportStaffQuery) {
  const idText = idNumberFormatter(ctx.actor);
  const columns: XlsxColumn<Person>[] = [
    { header: '姓名', width: 12, value: (p) => p.name },
    { header: '身份证号码', width: 22, text: true, value: (p) => idText(p.idNumber) },
    { header: '性别', width: 6, value: (p) => (p.gender === 'male' ? '男' : p.gender === 'female' ? '女' : null) },
    { header: '手机号码', width: 14, text: true, value: (p) => p.phone },
    { header: '电子邮箱', width: 26, value: (p) => p.email },
    { header: '所属部门', width: 18, value: (p) => p.dept },
    { header: '最近登录时间', width: 17, value: (p) => (p.lastLoginAt ? formatShanghai(p.lastLoginAt) : null) },
    { header: '人员状态', width: 10, value: (p) => (p.pending ? '新注册' : '已确认') },
  ];
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId !== undefined)
    where.push(q.departmentId === 0 ? isNull(accounts.departmentId) : eq(accounts.departmentId, q.departmentId));
  if (q.newRegistration !== undefined) where.push(eq(accounts.pendingConfirmation, q.newRegistration));

  return preparePagedExport<Person, { name: string; id: number }>({
    sheetName: '专业技术人员',
    columns,
    page: async (after) => {
      const rows: Person[] = await readerOf(ctx)
        .select({
          id: accounts.id,
          name: accounts.name,
          idNumber: accounts.idNumber,
          gender: accounts.gender,
          phone: accounts.phone,
          email: accounts.email,
          dept: departments.name,
          lastLoginAt: accounts.lastLoginAt,
          pending: accounts.pendingConfirmation,
        })
        .from(accounts)
        .leftJoin(departments, eq(departments.id, accounts.departmentId))
        .where(
          and(...where, after ? sql`(${accounts.name}, ${accounts.id}) > (${after.name}, ${after.id})` : undefined),
        )
        .orderBy(asc(accounts.name), asc(accounts.id))
        .limit(PAGE);
      const last = rows[rows.length - 1];
      return { rows, next: rows.length === PAGE && last ? { name: last.name, id: last.id } : null };
    },
    done: (count) => writeAudit(ctx.db, ctx, { action: 'exports.org.staff', detail: { filter: q, rows: count } }),
  });
}
