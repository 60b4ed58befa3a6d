import { and, eq, lt, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { integrationIdempotency } from '../../db/schema/index';
import { AppError, INTEGRATION_MESSAGES, invalid } from '../../errors';

/** Keys are kept this long; after that the same key starts a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export type Idempotent = { replay: { statusCode: number; body: unknown } } | { fresh: true };

/**
 * Idempotency-Key (Stripe's practice): the first request with a key stores a fingerprint of its body and,
 * when done, its response. The same key and body replays that response; another body → 422
 * IDEMPOTENCY_KEY_REUSED; a first request still running → 409 IDEMPOTENCY_IN_PROGRESS.
 */
export async function beginIdempotent(db: Db, clientId: number, key: string, fingerprint: string): Promise<Idempotent> {
  if (!/^[\x21-\x7e]{1,100}$/.test(key)) throw invalid('Idempotency-Key', '幂等键应为1至100位可见ASCII字符');
  const at = now();
  await db
    .delete(integrationIdempotency)
    .where(
      and(
        eq(integrationIdempotency.clientId, clientId),
        eq(integrationIdempotency.key, key),
        lt(integrationIdempotency.expiresAt, at),
      ),
    );
  const inserted = await db
    .insert(integrationIdempotency)
    .values({
      clientId,
      key,
      fingerprint,
      createdAt: at,
      expiresAt: new Date(at.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000),
    })
    .onConflictDoNothing()
    .returning({ key: integrationIdempotency.key });
  if (inserted.length) return { fresh: true };
  const [row] = await db
    .select()
    .from(integrationIdempotency)
    .where(and(eq(integrationIdempotency.clientId, clientId), eq(integrationIdempotency.key, key)));
  if (!row) return beginIdempotent(db, clientId, key, fingerprint);
  if (row.fingerprint !== fingerprint)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', INTEGRATION_MESSAGES.IDEMPOTENCY_KEY_REUSED);
  if (row.statusCode === null)
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', INTEGRATION_MESSAGES.IDEMPOTENCY_IN_PROGRESS);
  return { replay: { statusCode: row.statusCode, body: row.response } };
}

export async function finishIdempotent(db: Db, clientId: number, key: string, statusCode: number, body: unknown) {
  await db
    .update(integrationIdempotency)
    .set({ statusCode, response: sql`${JSON.stringify(body)}::jsonb` })
    .where(and(eq(integrationIdempotency.clientId, clientId), eq(integrationIdempotency.key, key)));
}

/** A request that failed (an error, not an answer) frees its key so the client may retry it. */
export async function abandonIdempotent(db: Db, clientId: number, key: string) {
  await db
    .delete(integrationIdempotency)
    .where(and(eq(integrationIdempotency.clientId, clientId), eq(integrationIdempotency.key, key)));
}
