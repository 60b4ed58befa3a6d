import type { AuditQuery } from '@ptce/contracts';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { auditWhere } from './audit-filter';
import { auditEntries } from './audit-view';

/** 审计日志: entries matching the filters, newest first, a page at a time. */
export async function searchAudit(db: Db, q: AuditQuery) {
  const cond = auditWhere(q);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(cond),
  ]);
  return { items: await auditEntries(db, rows), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
