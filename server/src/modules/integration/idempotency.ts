import { and, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { integrationIdempotency } from '../../db/schema/index';
import { AppError, INTEGRATION_MESSAGES, invalid } from '../../errors';

/** Keys are kept this long; after that the same key starts a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A first request holds its key this long. A process that died mid-request (its row never finished) leaves the key
 * "in progress"; once the lease has run out, a retry with the same body takes the key over instead of getting 409
 * until the key expires. A batch answers in well under a second; five minutes is far beyond any live request.
 */
export const IDEMPOTENCY_LEASE_MINUTES = 5;

/** `startedAt` is the lease of the request that holds the key: finishing or abandoning it touches that lease only. */
export type Idempotent = { replay: { statusCode: number; body: unknown } } | { fresh: true; startedAt: Date };

const keyIs = (clientId: number, key: string) =>
  and(eq(integrationIdempotency.clientId, clientId), eq(integrationIdempotency.key, key));

/**
 * Idempotency-Key (Stripe's practice): the first request with a key stores a fingerprint of its body and,
 * when done, its response. The same key and body replays that response; another body → 422
 * IDEMPOTENCY_KEY_REUSED; a first request still running → 409 IDEMPOTENCY_IN_PROGRESS, unless its lease has run
 * out (the process died): then this request takes the key over (one retry wins; the others still get 409).
 */
export async function beginIdempotent(db: Db, clientId: number, key: string, fingerprint: string): Promise<Idempotent> {
  if (!/^[\x21-\x7e]{1,100}$/.test(key)) throw invalid('Idempotency-Key', '幂等键应为1至100位可见ASCII字符');
  const at = now();
  await db.delete(integrationIdempotency).where(and(keyIs(clientId, key), lt(integrationIdempotency.expiresAt, at)));
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
  if (inserted.length) return { fresh: true, startedAt: at };
  const [row] = await db.select().from(integrationIdempotency).where(keyIs(clientId, key));
  if (!row) return beginIdempotent(db, clientId, key, fingerprint);
  if (row.fingerprint !== fingerprint)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', INTEGRATION_MESSAGES.IDEMPOTENCY_KEY_REUSED);
  if (row.statusCode !== null) return { replay: { statusCode: row.statusCode, body: row.response } };
  // Still in progress: take over a lease that has run out, in one conditional update (one taker wins).
  const leaseEnd = new Date(at.getTime() - IDEMPOTENCY_LEASE_MINUTES * 60_000);
  const taken = await db
    .update(integrationIdempotency)
    .set({ createdAt: at })
    .where(
      and(
        keyIs(clientId, key),
        isNull(integrationIdempotency.statusCode),
        eq(integrationIdempotency.createdAt, row.createdAt),
        lte(integrationIdempotency.createdAt, leaseEnd),
      ),
    )
    .returning({ key: integrationIdempotency.key });
  if (taken.length) return { fresh: true, startedAt: at };
  throw new AppError('IDEMPOTENCY_IN_PROGRESS', INTEGRATION_MESSAGES.IDEMPOTENCY_IN_PROGRESS);
}

/** Stores the answer for replay — unless another request has taken the key over meanwhile (its lease is not ours). */
export async function finishIdempotent(
  db: Db,
  clientId: number,
  key: string,
  startedAt: Date,
  statusCode: number,
  body: unknown,
) {
  await db
    .update(integrationIdempotency)
    .set({ statusCode, response: sql`${JSON.stringify(body)}::jsonb` })
    .where(and(keyIs(clientId, key), eq(integrationIdempotency.createdAt, startedAt)));
}

/** A request that failed (an error, not an answer) frees its key so the client may retry it. */
export async function abandonIdempotent(db: Db, clientId: number, key: string, startedAt: Date) {
  await db
    .delete(integrationIdempotency)
    .where(
      and(
        keyIs(clientId, key),
        isNull(integrationIdempotency.statusCode),
        eq(integrationIdempotency.createdAt, startedAt),
      ),
    );
}
