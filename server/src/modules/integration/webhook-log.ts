import type { WebhookDeliveries, WebhookDelivery } from '@ptce/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { integrationWebhookAttempts, integrationWebhookMessages } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import { writeAudit, type AuditContext } from '../audit/index';
import { webhookOf } from './webhook-endpoint';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 通知记录: a client's messages, newest first, each with every attempt — what the client and the operator see. */
export async function webhookDeliveries(
  db: Db,
  clientId: number,
  q: { state?: WebhookDelivery['state']; limit: number },
): Promise<WebhookDeliveries> {
  const m = integrationWebhookMessages;
  const messages = await db
    .select({
      id: m.id,
      messageId: m.messageId,
      type: m.type,
      createdAt: m.createdAt,
      state: m.state,
      attempts: m.attempts,
      nextAttemptAt: m.nextAttemptAt,
      deliveredAt: m.deliveredAt,
      lastStatus: m.lastStatus,
      lastError: m.lastError,
    })
    .from(m)
    .where(and(eq(m.clientId, clientId), q.state ? eq(m.state, q.state) : undefined))
    .orderBy(desc(m.id))
    .limit(q.limit);
  const attempts = messages.length
    ? await db
        .select()
        .from(integrationWebhookAttempts)
        .where(
          inArray(
            integrationWebhookAttempts.messageId,
            messages.map((x) => x.id),
          ),
        )
        .orderBy(asc(integrationWebhookAttempts.id))
    : [];
  return {
    endpoint: await webhookOf(db, clientId),
    deliveries: messages.map((x) => ({
      messageId: x.messageId,
      type: x.type as WebhookDelivery['type'],
      createdAt: x.createdAt.toISOString(),
      state: x.state,
      attempts: x.attempts,
      nextAttemptAt: x.state === 'pending' ? iso(x.nextAttemptAt) : null,
      deliveredAt: iso(x.deliveredAt),
      lastStatus: x.lastStatus,
      lastError: x.lastError,
      log: attempts
        .filter((a) => a.messageId === x.id)
        .map((a) => ({
          at: a.at.toISOString(),
          url: a.url,
          status: a.status,
          error: a.error,
          durationMs: a.durationMs,
          manual: a.manual,
        })),
    })),
  };
}

/**
 * 重新发送: the message is due again at once (same webhook-id and body; receivers dedupe on the id), its next
 * attempt logged as manual. Refused while an attempt is in flight.
 */
export async function redeliverWebhook(db: Db, ctx: AuditContext, clientId: number, messageId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const m = integrationWebhookMessages;
    const [row] = await tx
      .select({ id: m.id, lockedUntil: m.lockedUntil, type: m.type, state: m.state })
      .from(m)
      .where(and(eq(m.clientId, clientId), eq(m.messageId, messageId)))
      .for('update');
    if (!row) throw notFound('事件通知');
    const at = now();
    if (row.lockedUntil && row.lockedUntil > at) throw new AppError('STATE_CHANGED', '该通知正在发送中，请稍后再试');
    await tx.update(m).set({ state: 'pending', nextAttemptAt: at, manualPending: true }).where(eq(m.id, row.id));
    await writeAudit(tx, ctx, {
      action: 'integration.webhook.redeliver',
      targetType: 'integration_client',
      targetId: clientId,
      detail: { messageId, type: row.type, state: row.state },
    });
  });
}
