import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import { emitDomainEvent } from '../../events/domain-events';
import type { Caller } from '../auth/index';
import { writeAudit, type AuditContext } from '../audit/index';
import { actorOf, type IntegrationClient } from './authenticate';
import { notifyRecordDeleted } from './webhook-outbox';

type Deleted = { externalId: string; status: 'deleted'; certificatesRevoked: number };

/**
 * Deletes a pushed record in one transaction: the changes feed entry, the audit entry, and hours.approved-deleted
 * (its approved hours go, so the year's continuing-education certificate is revoked). `operator` when the platform
 * corrects it rather than the system itself: the system is then told by webhook (record.deleted).
 */
async function deletePushed(
  db: Db,
  client: Pick<IntegrationClient, 'id' | 'name'>,
  externalId: string,
  audit: AuditContext,
  reason: string,
  operator: { name: string } | null,
): Promise<Deleted> {
  return db.transaction(async (tx) => {
    const at = now();
    const [r] = (
      await tx.execute(sql`
        DELETE FROM hour_records WHERE integration_client_id = ${client.id} AND external_id = ${externalId}
        RETURNING id, account_id, year, hours::float8 AS hours, title`)
    ).rows as Array<{ id: number; account_id: number; year: number; hours: number; title: string }>;
    if (!r) throw notFound('该外部记录编号的学时记录');
    await tx.execute(sql`
      INSERT INTO integration_changes (client_id, at, kind, external_id, record_id, account_id, year, hours)
      VALUES (${client.id}, ${at}, 'record.deleted', ${externalId}, ${r.id}, ${r.account_id}, ${r.year}, ${r.hours})`);
    await writeAudit(tx, audit, {
      action: 'hours.record.delete',
      targetType: 'hour_record',
      targetId: r.id,
      detail: {
        accountId: r.account_id,
        year: r.year,
        hours: r.hours,
        title: r.title,
        externalId,
        status: 'approved',
        ...(operator ? { reason, integrationClientId: client.id } : {}),
      },
    });
    if (operator) {
      await notifyRecordDeleted(tx, client.id, {
        externalId,
        recordId: Number(r.id),
        accountId: Number(r.account_id),
        year: Number(r.year),
        hours: Number(r.hours),
        reason,
        deletedBy: operator.name,
      });
    }
    const before = (
      await tx.execute(sql`SELECT count(*)::int AS n FROM certificates
        WHERE account_id = ${r.account_id} AND year = ${r.year} AND kind = 'ce' AND revoked_at IS NULL`)
    ).rows as Array<{ n: number }>;
    await emitDomainEvent(tx, {
      type: 'hours.approved-deleted',
      accountId: r.account_id,
      year: r.year,
      payload: { recordId: r.id, hours: r.hours, reason, by: audit.actor?.id ?? null },
    });
    return { externalId, status: 'deleted' as const, certificatesRevoked: Number(before[0]?.n ?? 0) };
  });
}

/** DELETE /api/integration/v1/hour-records/{externalId}: the client withdraws a record it pushed. */
export async function deleteByExternalId(
  db: Db,
  client: IntegrationClient,
  externalId: string,
  ip: string | undefined,
): Promise<Deleted> {
  return deletePushed(
    db,
    client,
    externalId,
    { actor: actorOf(client), ip },
    `${client.name}撤回了学时记录 ${externalId}`,
    null,
  );
}

/**
 * 删除推送记录 on 行业接口管理: the operator corrects a record an industry system pushed (records from a client are
 * changed only by that client or the operator), with a reason; the system learns it by webhook and its feed.
 */
export async function deleteByOperator(
  ctx: Caller,
  clientId: number,
  externalId: string,
  reason: string,
): Promise<Deleted> {
  const rows = (await ctx.db.execute(sql`SELECT id, name FROM integration_clients WHERE id = ${clientId}`))
    .rows as Array<{
    id: number;
    name: string;
  }>;
  if (!rows[0]) throw notFound('接口客户端');
  return deletePushed(
    ctx.db,
    { id: Number(rows[0].id), name: rows[0].name },
    externalId,
    ctx,
    `平台运营方删除了${rows[0].name}推送的学时记录 ${externalId}：${reason}`,
    { name: ctx.actor.name },
  );
}
