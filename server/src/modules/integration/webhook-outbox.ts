import type { WebhookEventType } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { decryptOrNull } from '../../db/pii';
import { integrationWebhookMessages } from '../../db/schema/index';
import type { DomainEvent } from '../../events/domain-events';
import { newMessageId } from './webhook-signature';

/**
 * The webhook outbox. Certificate events are wired to domain events (events/wiring.ts); every function here runs
 * inside the transaction of the change: the message exists exactly when the change committed. The worker
 * (webhook-deliver.ts) sends it later. The body is fixed here — every attempt sends the same bytes under the same
 * webhook-id.
 */

interface Person {
  idNumber: string | null;
  name: string;
}

async function personOf(tx: Db, accountId: number): Promise<Person> {
  const rows = (await tx.execute(sql`SELECT id_number_enc, name FROM accounts WHERE id = ${accountId}`)).rows as Array<{
    id_number_enc: string | null;
    name: string;
  }>;
  return { idNumber: decryptOrNull(rows[0]?.id_number_enc), name: rows[0]?.name ?? '' };
}

/** Clients with an enabled endpoint for this event type whose scope covers the person's unit. */
async function subscribersFor(tx: Db, type: WebhookEventType, accountId: number): Promise<number[]> {
  const rows = (
    await tx.execute(sql`
      SELECT c.id FROM integration_webhooks w
      JOIN integration_clients c ON c.id = w.client_id
      JOIN accounts a ON a.id = ${accountId}
      WHERE w.enabled AND c.enabled AND ${type} = ANY(w.event_types)
        AND (a.unit_id = ANY(c.unit_ids)
             OR EXISTS (SELECT 1 FROM units u WHERE u.id = a.unit_id AND u.industry_code = ANY(c.industry_codes)))
      ORDER BY c.id`)
  ).rows as Array<{ id: number }>;
  return rows.map((r) => Number(r.id));
}

async function subscribed(tx: Db, type: WebhookEventType, clientId: number): Promise<boolean> {
  const rows = (
    await tx.execute(sql`
      SELECT 1 FROM integration_webhooks w JOIN integration_clients c ON c.id = w.client_id
      WHERE w.client_id = ${clientId} AND w.enabled AND c.enabled AND ${type} = ANY(w.event_types)`)
  ).rows;
  return rows.length > 0;
}

async function enqueue(tx: Db, clientIds: number[], type: WebhookEventType, data: Record<string, unknown>) {
  if (!clientIds.length) return;
  const at = now();
  await tx.insert(integrationWebhookMessages).values(
    clientIds.map((clientId) => ({
      messageId: newMessageId(),
      clientId,
      type,
      body: JSON.stringify({ type, timestamp: at.toISOString(), data }),
      createdAt: at,
      nextAttemptAt: at,
    })),
  );
}

async function notifyCertificate(tx: Db, e: DomainEvent, type: 'certificate.issued' | 'certificate.revoked') {
  // The continuing-education certificate is what title-application systems read (as in the changes feed).
  if (e.payload.kind !== 'ce') return;
  const clients = await subscribersFor(tx, type, e.accountId);
  if (!clients.length) return;
  const person = await personOf(tx, e.accountId);
  await enqueue(tx, clients, type, {
    idNumber: person.idNumber,
    name: person.name,
    year: e.year,
    certificateSerial: e.payload.serial,
    ...(type === 'certificate.revoked' ? { reason: e.payload.reason ?? null } : {}),
  });
}

export const notifyCertificateIssued = (tx: Db, e: DomainEvent) => notifyCertificate(tx, e, 'certificate.issued');
export const notifyCertificateRevoked = (tx: Db, e: DomainEvent) => notifyCertificate(tx, e, 'certificate.revoked');

/**
 * A record a client pushed was deleted by the operator (deleteByOperator, in its transaction): the client is told
 * by webhook when subscribed. The changes feed entry is written by the delete itself.
 */
export async function notifyRecordDeleted(
  tx: Db,
  clientId: number,
  d: {
    externalId: string;
    recordId: number;
    accountId: number;
    year: number;
    hours: number;
    reason: string;
    deletedBy: string;
  },
): Promise<void> {
  if (!(await subscribed(tx, 'record.deleted', clientId))) return;
  const person = await personOf(tx, d.accountId);
  await enqueue(tx, [clientId], 'record.deleted', {
    externalId: d.externalId,
    recordId: d.recordId,
    idNumber: person.idNumber,
    name: person.name,
    year: d.year,
    hours: d.hours,
    reason: d.reason,
    deletedBy: d.deletedBy,
  });
}
