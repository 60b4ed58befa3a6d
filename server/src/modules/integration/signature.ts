import crypto from 'node:crypto';

/**
 * The signature of an integration request (docs/INTEGRATION.md, with test vectors):
 *   signature = hex(HMAC-SHA256(secret, METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))))
 * PATH?QUERY is the request target exactly as sent (query string as sent, none → no "?"); TIMESTAMP is
 * Unix seconds; the body is the raw bytes sent (empty for GET and DELETE). Pure: no clock, no database.
 */
export const SIGNATURE_HEADERS = {
  keyId: 'x-ptce-key-id',
  timestamp: 'x-ptce-timestamp',
  nonce: 'x-ptce-nonce',
  signature: 'x-ptce-signature',
} as const;

/** A timestamp more than this far from the server's clock is refused (TIMESTAMP_SKEW). */
export const MAX_SKEW_SECONDS = 300;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface SignedParts {
  method: string;
  /** Path and query as sent, e.g. /api/integration/v1/changes?limit=100 */
  target: string;
  timestamp: string;
  nonce: string;
  body: Buffer | string;
}

export const sha256Hex = (body: Buffer | string) => crypto.createHash('sha256').update(body).digest('hex');

export function canonicalString(p: SignedParts): string {
  return [p.method.toUpperCase(), p.target, p.timestamp, p.nonce, sha256Hex(p.body)].join('\n');
}

export function sign(secret: string, p: SignedParts): string {
  return crypto.createHmac('sha256', secret).update(canonicalString(p)).digest('hex');
}

/** Constant-time comparison of a sent signature with the expected one. */
export function signatureMatches(secret: string, p: SignedParts, sent: string): boolean {
  const expected = Buffer.from(sign(secret, p), 'utf8');
  const given = Buffer.from(sent.trim().toLowerCase(), 'utf8');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** A new key id (ptce_ + 16 hex) and secret (32 random bytes, base64url). */
export function newKeyPair(): { keyId: string; secret: string } {
  return {
    keyId: `ptce_${crypto.randomBytes(8).toString('hex')}`,
    secret: crypto.randomBytes(32).toString('base64url'),
  };
}
