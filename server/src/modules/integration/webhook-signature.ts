import crypto from 'node:crypto';

/**
 * Standard Webhooks signing (standardwebhooks.com), as a receiver verifies it (docs/INTEGRATION.md):
 *   webhook-signature = "v1," + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))
 * where key is the bytes of the base64 text after "whsec_" in the secret. Pure: no clock, no database.
 */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

const PREFIX = 'whsec_';

/** A new secret: whsec_ + base64 of 24 random bytes. */
export const newWebhookSecret = () => `${PREFIX}${crypto.randomBytes(24).toString('base64')}`;

/** A new message id (the webhook-id receivers dedupe on): msg_ + 24 random alphanumerics. */
export const newMessageId = () => `msg_${crypto.randomBytes(18).toString('base64url').replace(/[-_]/g, '0')}`;

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error('webhook secret must start with whsec_');
  return Buffer.from(secret.slice(PREFIX.length), 'base64');
}

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = crypto.createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * The header value with one signature per secret, space-separated ("v1,<new> v1,<old>"): during a secret
 * rotation's overlap both sign, so a receiver holding either secret verifies the message.
 */
export function signWebhookWithAll(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets.map((s) => signWebhook(s, id, timestamp, body)).join(' ');
}

/**
 * What a receiver does: the timestamp within `toleranceSeconds` of its clock, and one of the space-separated
 * v1 signatures equal to the expected one (constant time). Used by the tests' receiver and shown in the guide.
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, ts, body));
  return headers.signature.split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}
