import { eq, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { integrationClients, integrationKeys, integrationNonces } from '../../db/schema/index';
import { AppError, INTEGRATION_MESSAGES } from '../../errors';
import { MAX_SKEW_SECONDS, NONCE_PATTERN, signatureMatches, type SignedParts } from './signature';

/** The industry system a signed request came from, and the scope it may write and read in. */
export interface IntegrationClient {
  id: number;
  accountId: number;
  name: string;
  industryCodes: string[];
  unitIds: number[];
  keyId: string;
}

export interface SignedRequest extends Omit<SignedParts, 'timestamp' | 'nonce'> {
  keyId: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
}

const refuse = (code: keyof typeof INTEGRATION_MESSAGES) => new AppError(code, INTEGRATION_MESSAGES[code]);

/** The actor a verified client acts as: its machine account, with no session and no person's scope. */
export function actorOf(c: IntegrationClient): Actor {
  return {
    id: c.accountId,
    kind: 'integration',
    name: c.name,
    roles: ['integration'],
    scope: 'industry',
    unitId: null,
    departmentId: null,
    departmentScopeIds: null,
    authorityId: null,
    baseId: null,
    regionCode: null,
    industryCode: null,
    mustChangePassword: false,
    profileComplete: true,
    sessionId: '',
    csrfToken: '',
  };
}

/**
 * Verifies a signed request, in this order: headers present (SIGNATURE_MISSING), timestamp within ±5
 * minutes (TIMESTAMP_SKEW), a known key that has not expired and a signature that matches in constant
 * time (SIGNATURE_MISMATCH), an enabled client (CLIENT_DISABLED), a nonce never seen (NONCE_REUSED).
 * Only a request that proves the secret learns that its client is disabled or its nonce was used.
 */
export async function authenticateSigned(db: Db, r: SignedRequest): Promise<IntegrationClient> {
  if (!r.keyId || !r.timestamp || !r.nonce || !r.signature) throw refuse('SIGNATURE_MISSING');
  if (!/^\d{1,12}$/.test(r.timestamp)) throw refuse('TIMESTAMP_SKEW');
  const at = now();
  if (Math.abs(at.getTime() / 1000 - Number(r.timestamp)) > MAX_SKEW_SECONDS) throw refuse('TIMESTAMP_SKEW');
  if (!NONCE_PATTERN.test(r.nonce)) throw refuse('SIGNATURE_MISMATCH');
  const [row] = await db
    .select({
      id: integrationClients.id,
      accountId: integrationClients.accountId,
      name: integrationClients.name,
      industryCodes: integrationClients.industryCodes,
      unitIds: integrationClients.unitIds,
      enabled: integrationClients.enabled,
      secret: integrationKeys.secret,
      expiresAt: integrationKeys.expiresAt,
    })
    .from(integrationKeys)
    .innerJoin(integrationClients, eq(integrationClients.id, integrationKeys.clientId))
    .where(eq(integrationKeys.keyId, r.keyId.slice(0, 64)));
  const parts: SignedParts = {
    method: r.method,
    target: r.target,
    timestamp: r.timestamp,
    nonce: r.nonce,
    body: r.body,
  };
  const live = row && (!row.expiresAt || row.expiresAt > at);
  // An unknown or expired key is checked against a throwaway secret: the same work, the same answer.
  const ok = signatureMatches(live ? row.secret : 'ptce-no-such-key', parts, r.signature);
  if (!live || !ok) throw refuse('SIGNATURE_MISMATCH');
  if (!row.enabled) throw refuse('CLIENT_DISABLED');
  const stored = await db
    .insert(integrationNonces)
    .values({ keyId: r.keyId, nonce: r.nonce, expiresAt: new Date(at.getTime() + 2 * MAX_SKEW_SECONDS * 1000) })
    .onConflictDoNothing()
    .returning({ nonce: integrationNonces.nonce });
  if (!stored.length) throw refuse('NONCE_REUSED');
  // Nonces are kept for the window only; any call sweeps the expired ones now and then.
  if (Math.random() < 0.05) await db.delete(integrationNonces).where(lt(integrationNonces.expiresAt, at));
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    industryCodes: row.industryCodes,
    unitIds: row.unitIds,
    keyId: r.keyId,
  };
}

/**
 * The client's per-minute limit, counted in the same database counters as the per-address limits
 * (rate_limits, http/rate-limit-store.ts), so it holds across every app process.
 */
export async function countCall(db: Db, client: IntegrationClient, endpoint: string): Promise<void> {
  const key = `integration:${client.id}`;
  const { rows } = await db.execute(sql`
    WITH hit AS (
      INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.window_start + interval '1 minute' <= now() THEN 1 ELSE rate_limits.hits + 1 END,
        window_start = CASE WHEN rate_limits.window_start + interval '1 minute' <= now() THEN now() ELSE rate_limits.window_start END
      RETURNING hits, ceil(extract(epoch FROM (window_start + interval '1 minute' - now())))::int AS ttl),
    client AS (
      UPDATE integration_clients SET last_call_at = ${now()}, last_call_endpoint = ${endpoint}
      WHERE id = ${client.id} RETURNING rate_limit_per_minute)
    SELECT hit.hits, hit.ttl, client.rate_limit_per_minute AS "limit" FROM hit, client`);
  const r = (rows as Array<{ hits: number; ttl: number; limit: number }>)[0]!;
  if (Number(r.hits) > Number(r.limit)) {
    throw new AppError(
      'RATE_LIMITED',
      `调用过于频繁：每分钟最多${r.limit}次，请稍后再试`,
      undefined,
      Math.max(1, Number(r.ttl)),
    );
  }
}
