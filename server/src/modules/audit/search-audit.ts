import type { AuditEntry } from '@ptce/contracts';
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditQuery } from '@ptce/contracts';
import { endOfShanghaiDay } from '../../clock';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { escapeLike } from '../../db/sql-helpers';

export async function searchAudit(db: Db, q: z.infer<typeof AuditQuery>) {
  const where: SQL[] = [];
  if (q.action) where.push(ilike(auditLog.action, `${escapeLike(q.action)}%`));
  if (q.actor) {
    const n = Number(q.actor);
    where.push(
      Number.isInteger(n) && n > 0
        ? (or(eq(auditLog.actorAccountId, n), eq(auditLog.actorName, q.actor)) as SQL)
        : eq(auditLog.actorName, q.actor),
    );
  }
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  // Dates are Shanghai calendar days.
  if (q.from) where.push(gte(auditLog.at, new Date(endOfShanghaiDay(q.from).getTime() - 86_400_000)));
  if (q.to) where.push(lt(auditLog.at, endOfShanghaiDay(q.to)));
  const cond = where.length ? and(...where) : undefined;
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
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorAccountId,
    actorName: r.actorName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    result: r.result,
    ip: r.ip,
    detail: r.detail ?? null,
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
