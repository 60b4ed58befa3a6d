import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyWebhook as receiverVerifies } from '../../../../scripts/integration-client.mjs';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

/** The webhook test vectors published in docs/INTEGRATION.md §4.5, read from the page itself. */
const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../../docs/INTEGRATION.md'), 'utf8');
const block = /<!-- webhook-vectors:begin -->\s*```json\n([\s\S]*?)```\s*<!-- webhook-vectors:end -->/.exec(doc);
const vectors = JSON.parse(block![1]!) as Array<{
  secret: string;
  id: string;
  timestamp: number;
  body: string;
  signature: string;
}>;
// The first is the Standard Webhooks specification's own vector (standardwebhooks.com, its libraries' tests).
const VECTOR = vectors[0]!;

describe('Standard Webhooks signatures', () => {
  it('publishes the specification vector and one of ours', () => {
    expect(VECTOR).toEqual({
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
    expect(vectors).toHaveLength(2);
  });

  it.each(vectors.map((v) => [v.id, v] as const))(
    '%s: the server signs it, the reference receiver accepts it',
    (_id, v) => {
      expect(signWebhook(v.secret, v.id, v.timestamp, v.body)).toBe(v.signature);
      const headers = {
        'webhook-id': v.id,
        'webhook-timestamp': String(v.timestamp),
        'webhook-signature': v.signature,
      };
      expect(receiverVerifies(v.secret, headers, v.body, { nowSeconds: v.timestamp })).toBe(true);
    },
  );

  it('is verified by the reference client a receiver copies, and refuses changed bodies, ids and stale times', () => {
    const headers = {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': `v1,b3RoZXI= ${VECTOR.signature}`,
    };
    const at = { nowSeconds: VECTOR.timestamp + 10 };
    expect(receiverVerifies(VECTOR.secret, headers, VECTOR.body, at)).toBe(true);
    expect(receiverVerifies(VECTOR.secret, headers, '{"test": 2432232315}', at)).toBe(false);
    expect(receiverVerifies(VECTOR.secret, { ...headers, 'webhook-id': 'msg_other' }, VECTOR.body, at)).toBe(false);
    expect(receiverVerifies(VECTOR.secret, headers, VECTOR.body, { nowSeconds: VECTOR.timestamp + 301 })).toBe(false);
    expect(receiverVerifies(newWebhookSecret(), headers, VECTOR.body, at)).toBe(false);
    const parts = { id: VECTOR.id, timestamp: String(VECTOR.timestamp), signature: VECTOR.signature };
    expect(verifyWebhook(VECTOR.secret, parts, VECTOR.body, VECTOR.timestamp)).toBe(true);
    expect(verifyWebhook(VECTOR.secret, parts, VECTOR.body, VECTOR.timestamp - 400)).toBe(false);
  });

  it('makes whsec_ secrets of 24 random bytes', () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(s);
  });
});
