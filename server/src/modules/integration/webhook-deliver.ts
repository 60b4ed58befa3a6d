import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { decryptPii } from '../../db/pii';
import { integrationWebhookAttempts, integrationWebhookMessages } from '../../db/schema/index';
import { internalReceiverRefusal, type Resolve } from './webhook-address';
import { webhookTarget } from './webhook-endpoint';
import { signWebhookWithAll, WEBHOOK_HEADERS } from './webhook-signature';

/**
 * Seconds to wait after the n-th failed attempt before the next one (the Standard Webhooks schedule: at once,
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — about 28 hours). After the last the message is 发送失败 and only a
 * person's 重新发送 tries again.
 */
export const WEBHOOK_RETRY_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;
/** A receiver must answer within this; a claim is leased for longer, so a message is never sent twice at once. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
const LEASE_SECONDS = 60;
const BATCH = 10;

interface Claimed {
  id: number;
  messageId: string;
  clientId: number;
  body: string;
  attempts: number;
  manual: boolean;
}

/**
 * Takes due messages: FOR UPDATE SKIP LOCKED so concurrent workers (several app processes) take different rows,
 * and a lease (locked_until) so a message being sent is not taken again until the attempt is recorded — or,
 * if the process died, until the lease ends.
 */
async function claimDue(db: Db, at: Date, limit: number): Promise<Claimed[]> {
  const lease = new Date(at.getTime() + LEASE_SECONDS * 1000);
  const rows = (
    await db.execute(sql`
      UPDATE integration_webhook_messages m
      SET locked_until = ${lease.toISOString()}::timestamptz, attempts = m.attempts + 1
      FROM (
        SELECT id FROM integration_webhook_messages
        WHERE state = 'pending' AND next_attempt_at <= ${at.toISOString()}::timestamptz
          AND (locked_until IS NULL OR locked_until <= ${at.toISOString()}::timestamptz)
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE m.id = due.id
      RETURNING m.id, m.message_id, m.client_id, m.body_enc, m.attempts, m.manual_pending`)
  ).rows as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: Number(r.id),
    messageId: String(r.message_id),
    clientId: Number(r.client_id),
    body: decryptPii(String(r.body_enc)),
    attempts: Number(r.attempts),
    manual: Boolean(r.manual_pending),
  }));
}

interface Outcome {
  url: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

async function send(
  doFetch: typeof fetch,
  target: { url: string; secrets: string[] },
  m: Claimed,
  timestamp: number,
  guard: { blockInternal: boolean; resolve?: Resolve },
): Promise<Outcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  if (guard.blockInternal) {
    const refusal = await internalReceiverRefusal(target.url, guard.resolve);
    if (refusal) return { url: target.url, status: null, error: refusal, durationMs: took() };
  }
  try {
    const res = await doFetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'PTCE-Webhooks/1.0',
        [WEBHOOK_HEADERS.id]: m.messageId,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhookWithAll(target.secrets, m.messageId, timestamp, m.body),
      },
      body: m.body,
      // A redirect is an answer, not a place to follow: the body names people.
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await res.body?.cancel();
    return {
      url: target.url,
      status: res.status,
      error: res.ok ? null : `接收方返回 HTTP ${res.status}`,
      durationMs: took(),
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why =
      err.name === 'TimeoutError'
        ? `接收方未在 ${WEBHOOK_TIMEOUT_MS / 1000} 秒内应答`
        : `无法连接接收方${err.cause?.code ? `（${err.cause.code}）` : ''}`;
    return { url: target.url, status: null, error: why, durationMs: took() };
  }
}

async function record(db: Db, m: Claimed, o: Outcome, at: Date): Promise<'delivered' | 'retry' | 'failed'> {
  const ok = o.status !== null && o.status >= 200 && o.status < 300;
  const wait = WEBHOOK_RETRY_SECONDS[m.attempts - 1];
  const state = ok ? 'delivered' : wait === undefined || !o.url ? 'failed' : 'pending';
  await db.transaction(async (tx) => {
    await tx.insert(integrationWebhookAttempts).values({
      messageId: m.id,
      at,
      url: o.url,
      status: o.status,
      error: o.error,
      durationMs: o.durationMs,
      manual: m.manual,
    });
    await tx
      .update(integrationWebhookMessages)
      .set({
        state,
        lockedUntil: null,
        manualPending: false,
        lastStatus: o.status,
        lastError: o.error,
        nextAttemptAt: state === 'pending' ? new Date(at.getTime() + wait! * 1000) : null,
        ...(ok ? { deliveredAt: at } : {}),
      })
      .where(eq(integrationWebhookMessages.id, m.id));
  });
  return ok ? 'delivered' : state === 'failed' ? 'failed' : 'retry';
}

/**
 * One round of the worker: send every due message (up to a batch), signed with its client's current secret, and
 * record each attempt. Returns how the round went. Tests call it with the test clock; the worker calls it on a timer.
 */
export async function deliverDueWebhooks(
  db: Db,
  opts: {
    fetch?: typeof fetch;
    limit?: number;
    /** Refuse receivers on internal addresses (production; tests post to 127.0.0.1). */
    blockInternalAddresses?: boolean;
    resolve?: Resolve;
  } = {},
): Promise<{ delivered: number; retry: number; failed: number }> {
  const at = now();
  const claimed = await claimDue(db, at, opts.limit ?? BATCH);
  const tally = { delivered: 0, retry: 0, failed: 0 };
  const timestamp = Math.floor(at.getTime() / 1000);
  // Targets are read, then the messages sent side by side, then each attempt recorded: one query at a time
  // on the database (PGlite has one connection), the slow part — the receivers — in parallel.
  const targets = new Map<number, { url: string; secrets: string[] } | null>();
  for (const m of claimed) if (!targets.has(m.clientId)) targets.set(m.clientId, await webhookTarget(db, m.clientId));
  const outcomes = await Promise.all(
    claimed.map((m): Promise<Outcome> => {
      const target = targets.get(m.clientId);
      return target
        ? send(opts.fetch ?? fetch, target, m, timestamp, {
            blockInternal: opts.blockInternalAddresses ?? false,
            resolve: opts.resolve,
          })
        : Promise.resolve({ url: '', status: null, error: '事件通知地址已删除或停用', durationMs: 0 });
    }),
  );
  for (const [i, m] of claimed.entries()) tally[await record(db, m, outcomes[i]!, now())]++;
  return tally;
}
