import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reference from '../../../../scripts/integration-client.mjs';
import { canonicalString, sign, signatureMatches, sha256Hex } from './signature';

/** The test vectors published in docs/INTEGRATION.md, read from the page itself. */
const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../../docs/INTEGRATION.md'), 'utf8');
const block = /<!-- test-vectors:begin -->\s*```json\n([\s\S]*?)```\s*<!-- test-vectors:end -->/.exec(doc);
const vectors = JSON.parse(block![1]!) as Array<{
  name: string;
  method: string;
  target: string;
  timestamp: string;
  nonce: string;
  body: string;
  secret: string;
  bodySha256: string;
  canonical: string;
  signature: string;
}>;

describe('request signatures: the published test vectors', () => {
  it('has vectors for a GET, a POST with a body and a query string', () => {
    expect(vectors.map((v) => v.method)).toEqual(['GET', 'POST', 'GET']);
    expect(vectors.some((v) => v.target.includes('?'))).toBe(true);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s: the server and the reference client agree', (_n, v) => {
    expect(sha256Hex(v.body)).toBe(v.bodySha256);
    expect(canonicalString(v)).toBe(v.canonical);
    expect(sign(v.secret, v)).toBe(v.signature);
    expect(signatureMatches(v.secret, v, v.signature)).toBe(true);
    expect(signatureMatches(v.secret, v, v.signature.toUpperCase())).toBe(true);
    expect(signatureMatches(`${v.secret}x`, v, v.signature)).toBe(false);
    expect(signatureMatches(v.secret, { ...v, body: `${v.body} ` }, v.signature)).toBe(false);
    expect(reference.sign(v.secret, v)).toBe(v.signature);
    expect(reference.canonicalString(v)).toBe(v.canonical);
  });
});
