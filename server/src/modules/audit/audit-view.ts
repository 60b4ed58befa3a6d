import {
  ACCOUNT_KIND_LABEL,
  AccountKind,
  auditActionLabel,
  describeAuditChange,
  type AuditEntry,
} from '@ptce/contracts';
import type { Db } from '../../db/client';
import type { auditLog } from '../../db/schema/index';
import { describeTargets } from './describe-targets';

type Row = typeof auditLog.$inferSelect;

/** A page of audit rows as the 审计日志 shows them: the codes as written, and beside them the same in Chinese. */
export async function auditEntries(db: Db, rows: Row[]): Promise<AuditEntry[]> {
  const targets = await describeTargets(db, rows);
  return rows.map((r, i) => {
    const kind = AccountKind.safeParse(r.actorKind);
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorAccountId,
      actorName: r.actorName,
      actorKind: kind.success ? kind.data : null,
      actorRole: kind.success ? ACCOUNT_KIND_LABEL[kind.data] : null,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      targetType: r.targetType,
      targetId: r.targetId,
      target: targets[i] ?? null,
      change: describeAuditChange(r.detail),
      result: r.result,
      ip: r.ip,
      detail: r.detail ?? null,
    };
  });
}
