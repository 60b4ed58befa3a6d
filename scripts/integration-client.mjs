#!/usr/bin/env node
// 行业学时对接 — reference client of the signed integration API (docs/INTEGRATION.md).
// Node 20+, no dependencies. Used by the server's HTTP tests; an industry system's engineers may copy it.
//
//   PTCE_URL=http://127.0.0.1:3000 PTCE_KEY_ID=ptce_… PTCE_SECRET=… \
//     node scripts/integration-client.mjs batch records.json      # POST hour-records:batch (items array or {items})
//     node scripts/integration-client.mjs delete EXTERNAL_ID
//     node scripts/integration-client.mjs compliance ID_NUMBER YEAR
//     node scripts/integration-client.mjs changes [CURSOR]
//     node scripts/integration-client.mjs webhook-set URL [EVENT_TYPE,…]                 # 事件通知地址
//     node scripts/integration-client.mjs webhook | webhook-deliveries | webhook-redeliver MESSAGE_ID
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** hex(SHA-256(body)) */
export const sha256Hex = (body) => crypto.createHash('sha256').update(body).digest('hex');

/** METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body)) */
export function canonicalString({ method, target, timestamp, nonce, body }) {
  return [method.toUpperCase(), target, String(timestamp), nonce, sha256Hex(body ?? '')].join('\n');
}

/** hex(HMAC-SHA256(secret, canonical string)) */
export function sign(secret, parts) {
  return crypto.createHmac('sha256', secret).update(canonicalString(parts)).digest('hex');
}

/** The four signature headers of a request. */
export function signedHeaders({ keyId, secret, method, target, body = '', timestamp, nonce }) {
  const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
  const n = nonce ?? crypto.randomBytes(16).toString('hex');
  return {
    'X-Ptce-Key-Id': keyId,
    'X-Ptce-Timestamp': ts,
    'X-Ptce-Nonce': n,
    'X-Ptce-Signature': sign(secret, { method, target, timestamp: ts, nonce: n, body }),
  };
}

/**
 * Receiving a webhook (Standard Webhooks): true when the webhook-timestamp is within `toleranceSeconds` of now and
 * one of the space-separated signatures in webhook-signature is v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")),
 * key being the base64-decoded text after "whsec_". Pass the body exactly as received (the raw bytes, not re-encoded
 * JSON). Then dedupe on webhook-id: a message may arrive more than once.
 */
export function verifyWebhook(
  secret,
  headers,
  body,
  { nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300 } = {},
) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !secret.startsWith('whsec_')) return false;
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(
    `v1,${crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
  );
  return String(signatures)
    .split(' ')
    .some((s) => {
      const given = Buffer.from(s);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
}

/**
 * A client for one key. Each call signs its request with a fresh nonce and the current time.
 * Answers { status, headers, body } — the body parsed from JSON — and never throws on an HTTP error.
 */
export function createClient({ baseUrl, keyId, secret, fetch: doFetch = globalThis.fetch, now = Date.now }) {
  async function call(method, target, payload, extraHeaders = {}) {
    const body = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
    const timestamp = Math.floor(now() / 1000);
    const headers = { ...signedHeaders({ keyId, secret, method, target, body, timestamp }), ...extraHeaders };
    if (body) headers['Content-Type'] = 'application/json';
    const res = await doFetch(new URL(target, baseUrl), { method, headers, body: body || undefined });
    const text = await res.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: Object.fromEntries(res.headers), body: parsed };
  }
  const enc = encodeURIComponent;
  return {
    call,
    /** Upserts up to 1,000 records; pass idempotencyKey to make a retry safe. */
    upsertRecords: (items, { idempotencyKey } = {}) =>
      call(
        'POST',
        '/api/integration/v1/hour-records:batch',
        { items },
        idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
      ),
    deleteRecord: (externalId) => call('DELETE', `/api/integration/v1/hour-records/${enc(externalId)}`),
    compliance: (idNumber, year) => call('GET', `/api/integration/v1/people/${enc(idNumber)}/compliance/${year}`),
    changes: ({ cursor, limit } = {}) => {
      const q = new URLSearchParams();
      if (cursor) q.set('cursor', cursor);
      if (limit) q.set('limit', String(limit));
      const qs = q.toString();
      return call('GET', `/api/integration/v1/changes${qs ? `?${qs}` : ''}`);
    },
    /** 事件通知: register or change the endpoint (the whsec_ secret is in the first answer only). */
    setWebhook: (url, eventTypes) => call('PUT', '/api/integration/v1/webhook', { url, eventTypes }),
    webhook: () => call('GET', '/api/integration/v1/webhook'),
    /** 更换通知密钥; during `overlapHours` (default 24) the old secret still signs beside the new one. */
    rotateWebhookSecret: (overlapHours) =>
      call('POST', '/api/integration/v1/webhook/secret', overlapHours === undefined ? {} : { overlapHours }),
    deleteWebhook: () => call('DELETE', '/api/integration/v1/webhook'),
    webhookDeliveries: ({ state, limit } = {}) => {
      const q = new URLSearchParams();
      if (state) q.set('state', state);
      if (limit) q.set('limit', String(limit));
      const qs = q.toString();
      return call('GET', `/api/integration/v1/webhook/deliveries${qs ? `?${qs}` : ''}`);
    },
    redeliverWebhook: (messageId) => call('POST', `/api/integration/v1/webhook/deliveries/${enc(messageId)}/redeliver`),
  };
}

async function main(argv) {
  const { PTCE_URL = 'http://127.0.0.1:3000', PTCE_KEY_ID, PTCE_SECRET } = process.env;
  if (!PTCE_KEY_ID || !PTCE_SECRET) {
    console.error('请设置 PTCE_KEY_ID 和 PTCE_SECRET（演示数据启动时打印，并写入 data/demo-logins.json）');
    process.exit(2);
  }
  const client = createClient({ baseUrl: PTCE_URL, keyId: PTCE_KEY_ID, secret: PTCE_SECRET });
  const [cmd, a, b] = argv;
  let res;
  if (cmd === 'batch') {
    const data = JSON.parse(fs.readFileSync(a, 'utf8'));
    res = await client.upsertRecords(Array.isArray(data) ? data : data.items, { idempotencyKey: b });
  } else if (cmd === 'delete') res = await client.deleteRecord(a);
  else if (cmd === 'compliance') res = await client.compliance(a, b);
  else if (cmd === 'changes') res = await client.changes({ cursor: a });
  else if (cmd === 'webhook-set')
    res = await client.setWebhook(a, (b ?? 'certificate.issued,certificate.revoked,record.deleted').split(','));
  else if (cmd === 'webhook') res = await client.webhook();
  else if (cmd === 'webhook-deliveries') res = await client.webhookDeliveries();
  else if (cmd === 'webhook-redeliver') res = await client.redeliverWebhook(a);
  else {
    console.error(
      '用法: integration-client.mjs batch FILE [IDEMPOTENCY_KEY] | delete EXTERNAL_ID | compliance ID_NUMBER YEAR | changes [CURSOR] | webhook-set URL [TYPES] | webhook | webhook-deliveries | webhook-redeliver MESSAGE_ID',
    );
    process.exit(2);
  }
  console.log(res.status);
  console.log(JSON.stringify(res.body, null, 2));
  process.exit(res.status < 400 ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
