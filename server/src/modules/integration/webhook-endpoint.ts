import type { WebhookEndpoint, WebhookEndpointRequest, WebhookEventType } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { integrationWebhooks } from '../../db/schema/index';
import { invalid, notFound } from '../../errors';
import { writeAudit } from '../audit/index';
import { actorOf, type IntegrationClient } from './authenticate';
import { newWebhookSecret } from './webhook-signature';

/**
 * 事件通知地址: an industry system registers one endpoint (URL and event types) with a signed call. The whsec_
 * secret is made on first registration and on rotation, and shown in that answer only.
 */

type Row = typeof integrationWebhooks.$inferSelect;
const toEndpoint = (w: Row): WebhookEndpoint => ({
  url: w.url,
  eventTypes: w.eventTypes as WebhookEventType[],
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

export async function webhookOf(db: Db, clientId: number): Promise<WebhookEndpoint | null> {
  const [w] = await db.select().from(integrationWebhooks).where(eq(integrationWebhooks.clientId, clientId));
  return w ? toEndpoint(w) : null;
}

/**
 * Where the worker sends a client's messages, with the secrets it signs them with: the current one, and the one
 * before the last rotation while its overlap lasts.
 */
export async function webhookTarget(db: Db, clientId: number): Promise<{ url: string; secrets: string[] } | null> {
  const [w] = await db
    .select({
      url: integrationWebhooks.url,
      secret: integrationWebhooks.secret,
      previous: integrationWebhooks.previousSecret,
      until: integrationWebhooks.previousSecretUntil,
      enabled: integrationWebhooks.enabled,
    })
    .from(integrationWebhooks)
    .where(eq(integrationWebhooks.clientId, clientId));
  if (!w?.enabled) return null;
  const overlap = w.previous && w.until && w.until > now();
  return { url: w.url, secrets: overlap ? [w.secret, w.previous!] : [w.secret] };
}

/** In production an endpoint must be https (the bodies name people by ID number). */
function checkUrl(url: string, opts: { requireHttps: boolean }) {
  if (opts.requireHttps && !url.toLowerCase().startsWith('https://'))
    throw invalid('url', '通知地址须使用 https://（通知内容含身份证号码）');
}

export async function setWebhook(
  db: Db,
  client: IntegrationClient,
  input: WebhookEndpointRequest,
  opts: { requireHttps: boolean; ip?: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string | null }> {
  checkUrl(input.url, opts);
  return db.transaction(async (tx) => {
    const at = now();
    const [existing] = await tx
      .select({ clientId: integrationWebhooks.clientId })
      .from(integrationWebhooks)
      .where(eq(integrationWebhooks.clientId, client.id))
      .for('update');
    let secret: string | null = null;
    let row: Row;
    if (existing) {
      [row] = (await tx
        .update(integrationWebhooks)
        .set({ url: input.url, eventTypes: input.eventTypes, enabled: true, updatedAt: at })
        .where(eq(integrationWebhooks.clientId, client.id))
        .returning()) as [Row];
    } else {
      secret = newWebhookSecret();
      [row] = (await tx
        .insert(integrationWebhooks)
        .values({
          clientId: client.id,
          url: input.url,
          eventTypes: input.eventTypes,
          secret,
          createdAt: at,
          updatedAt: at,
        })
        .returning()) as [Row];
    }
    await writeAudit(
      tx,
      { actor: actorOf(client), ip: opts.ip },
      {
        action: existing ? 'integration.webhook.update' : 'integration.webhook.create',
        targetType: 'integration_client',
        targetId: client.id,
        detail: { url: input.url, eventTypes: input.eventTypes },
      },
    );
    return { endpoint: toEndpoint(row), secret };
  });
}

/**
 * 更换通知密钥: a new whsec_ secret (shown once). For `overlapHours` the old secret still signs beside the new one
 * (webhook-signature "v1,<new> v1,<old>", Standard Webhooks' multiple signatures), so the receiver can switch
 * secrets without refusing a message; 0 drops the old one at once. By the industry system itself (signed call) or by
 * the operator (行业接口管理); audited either way.
 */
export async function rotateWebhookSecret(
  db: Db,
  clientId: number,
  overlapHours: number,
  by: { actor: Actor; ip?: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string; previousSecretExpiresAt: string | null }> {
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select({ secret: integrationWebhooks.secret })
      .from(integrationWebhooks)
      .where(eq(integrationWebhooks.clientId, clientId))
      .for('update');
    if (!old) throw notFound('事件通知地址');
    const at = now();
    const until = overlapHours > 0 ? new Date(at.getTime() + overlapHours * 3_600_000) : null;
    const secret = newWebhookSecret();
    const [row] = (await tx
      .update(integrationWebhooks)
      .set({
        secret,
        previousSecret: until ? old.secret : null,
        previousSecretUntil: until,
        updatedAt: at,
      })
      .where(eq(integrationWebhooks.clientId, clientId))
      .returning()) as [Row];
    await writeAudit(tx, by, {
      action: 'integration.webhook.rotate',
      targetType: 'integration_client',
      targetId: clientId,
      detail: { overlapHours, previousSecretExpiresAt: until?.toISOString() ?? null },
    });
    return { endpoint: toEndpoint(row), secret, previousSecretExpiresAt: until?.toISOString() ?? null };
  });
}

/** 删除通知地址: no new messages; the ones waiting fail with the reason when their turn comes. */
export async function removeWebhook(db: Db, client: IntegrationClient, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(integrationWebhooks)
      .where(eq(integrationWebhooks.clientId, client.id))
      .returning({ url: integrationWebhooks.url });
    if (!gone.length) throw notFound('事件通知地址');
    await writeAudit(
      tx,
      { actor: actorOf(client), ip },
      {
        action: 'integration.webhook.delete',
        targetType: 'integration_client',
        targetId: client.id,
        detail: { url: gone[0]!.url },
      },
    );
  });
}
