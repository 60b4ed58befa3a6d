import { now } from '../../clock';
import type { Db } from '../../db/client';
import { queryPrepared } from '../../db/prepared';
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

/**
 * SQL expressions of an audit entry's columns over each row of a statement's source, for the commands
 * that write their change and its audit entries in one statement (a batch of new hour records, public
 * credits, an exam's close): literals, parameters (`$4::integer`) or columns of the source.
 */
export interface AuditEntryExprs {
  at: string;
  actorId: string;
  actorName: string;
  actorKind: string;
  ip: string;
  action: string;
  targetType: string;
  targetId: string;
  detail: string;
  result?: string;
}

/** The INSERT of one audit entry per row of `from` (a table, CTE or subquery of the statement). */
export function auditEntriesSql(from: string, e: AuditEntryExprs): string {
  return `INSERT INTO audit_log (at, actor_account_id, actor_name, actor_kind, action, target_type, target_id, result, ip, detail)
  SELECT ${e.at}, ${e.actorId}, ${e.actorName}, ${e.actorKind}, ${e.action}, ${e.targetType}, ${e.targetId}, ${e.result ?? `'ok'`}, ${e.ip}, ${e.detail} FROM ${from}`;
}

const WRITE_AUDIT_SQL = auditEntriesSql('(SELECT 1) AS one', {
  at: '$1::timestamptz',
  actorId: '$2::integer',
  actorName: '$3::text',
  actorKind: '$4::text',
  action: '$5::text',
  targetType: '$6::text',
  targetId: '$7::text',
  result: '$8::text',
  ip: '$9::text',
  detail: '$10::jsonb',
});

/** Appends one audit entry; pass the transaction so the entry commits (or not) with the change. */
export async function writeAudit(db: Db, ctx: AuditContext, e: AuditEvent): Promise<void> {
  await queryPrepared(db, 'ptce_write_audit', WRITE_AUDIT_SQL, [
    now(),
    ctx.actor?.id ?? null,
    ctx.actor?.name ?? null,
    ctx.actor?.kind ?? null,
    e.action,
    e.targetType ?? null,
    e.targetId === undefined ? null : String(e.targetId),
    e.result ?? 'ok',
    ctx.ip ?? null,
    e.detail == null ? null : JSON.stringify(e.detail, withoutNul),
  ]);
}

/**
 * jsonb refuses the NUL character (\u0000), which a caller may have typed into a search: it is recorded as
 * U+FFFD, so the entry is written whatever the detail holds.
 */
const withoutNul = (_key: string, v: unknown) =>
  typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v;
