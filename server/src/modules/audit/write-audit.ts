import { now } from '../../clock';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import type { Actor } from '../../auth/actor';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string | number;
  result?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
}

export interface AuditContext {
  actor: Pick<Actor, 'id' | 'name' | 'kind'> | null;
  ip?: string | null;
}

/** Appends one audit entry; pass the transaction so the entry commits (or not) with the change. */
export async function writeAudit(db: Db, ctx: AuditContext, e: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    at: now(),
    actorAccountId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    actorKind: ctx.actor?.kind ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId === undefined ? null : String(e.targetId),
    result: e.result ?? 'ok',
    ip: ctx.ip ?? null,
    detail: e.detail ?? null,
  });
}
