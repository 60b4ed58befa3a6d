import type { AuditEntry, AuditFilter } from '@ptce/contracts';
import { and, desc, sql } from 'drizzle-orm';
import { formatShanghai, shanghaiDate } from '../../clock';
import { auditLog } from '../../db/schema/index';
import { readerOf, type Caller } from '../auth/index';
import { preparePagedExport, type XlsxColumn } from '../excel/index';
import { auditWhere } from './audit-filter';
import { auditEntries } from './audit-view';
import { writeAudit } from './write-audit';

const PAGE = 1000;
const RESULT_LABEL: Record<AuditEntry['result'], string> = { ok: '成功', denied: '拒绝', failed: '失败' };

export const auditExportName = () => `审计日志_${shanghaiDate().replace(/-/g, '')}.xlsx`;

const COLUMNS: XlsxColumn<AuditEntry>[] = [
  { header: '时间', width: 17, value: (e) => formatShanghai(new Date(e.at)) },
  { header: '操作', width: 22, value: (e) => e.actionLabel },
  { header: '操作人', width: 14, value: (e) => e.actorName ?? (e.actorId != null ? `#${e.actorId}` : '系统') },
  { header: '操作人角色', width: 14, value: (e) => e.actorRole },
  { header: '对象类型', width: 10, value: (e) => e.target?.typeLabel },
  { header: '对象', width: 28, value: (e) => e.target?.name },
  { header: '身份证号码', width: 22, text: true, value: (e) => e.target?.idNumberMasked },
  { header: '变更', width: 60, value: (e) => e.change.join('；') },
  { header: '结果', width: 8, value: (e) => RESULT_LABEL[e.result] },
  { header: '客户端地址', width: 16, value: (e) => e.ip },
  { header: '操作代码', width: 26, value: (e) => e.action },
];

/**
 * 审计日志 → Excel: every entry matching the page's filters, newest first like the list, in Chinese
 * (the machine code in the last column), paged by (at, id) keyset. The export itself is audited.
 */
export async function exportAudit(ctx: Caller, q: AuditFilter) {
  const cond = auditWhere(q);
  return preparePagedExport<AuditEntry, { at: Date; id: number }>({
    sheetName: '审计日志',
    columns: COLUMNS,
    page: async (after) => {
      const rows = await readerOf(ctx)
        .select()
        .from(auditLog)
        .where(
          and(
            cond,
            after
              ? sql`(${auditLog.at}, ${auditLog.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(PAGE);
      const last = rows[rows.length - 1];
      return {
        rows: await auditEntries(readerOf(ctx), rows),
        next: rows.length === PAGE && last ? { at: last.at, id: last.id } : null,
      };
    },
    done: (count) => writeAudit(ctx.db, ctx, { action: 'exports.audit', detail: { filter: q, rows: count } }),
  });
}
