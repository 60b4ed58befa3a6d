import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, verifyWebhook } from '../../../../scripts/integration-client.mjs';
import { advance, now, setNow } from '../../clock';
import { hourRecords, integrationWebhookMessages } from '../../db/schema/index';
import { emitDomainEvent } from '../../events/domain-events';
import { buildAccount, buildProfessional, buildUnit, creditPublic } from '../../../test/factories';
import { createTestApp } from '../../../test/helpers';
import { deliverDueWebhooks, WEBHOOK_RETRY_SECONDS } from './index';

/**
 * 事件通知 (webhooks) over HTTP: the industry system registers its endpoint with signed calls (the reference client),
 * changes write the outbox in their transaction, and deliverDueWebhooks — the worker's round, on the test clock —
 * sends them to a local receiver that checks every signature the way docs/INTEGRATION.md tells a vendor to.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
beforeEach(() => setNow(NOW));
const t = await createTestApp();
await t.app.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  valid: boolean;
}
const received: Received[] = [];
/** Statuses the receiver answers, in order; then 204. `delayMs` holds each answer back. */
const receiver = { answers: [] as number[], delayMs: 0, secrets: new Map<string, string>() };
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const secret = receiver.secrets.get(req.url ?? '') ?? '';
    const valid = verifyWebhook(secret, headers, body, { nowSeconds: Math.floor(now().getTime() / 1000) });
    received.push({ path: req.url ?? '', headers, body, valid });
    const status = receiver.answers.shift() ?? 204;
    setTimeout(() => res.writeHead(status).end(), receiver.delayMs);
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const hookBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  server.close();
  await t.close();
});
beforeEach(() => {
  received.length = 0;
  receiver.answers = [];
  receiver.delayMs = 0;
});

const health = await buildUnit(t.db, { name: '南宁市第一人民医院', industryCode: 'Q', regionCode: '450103' });
const design = await buildUnit(t.db, { name: '柳州市建筑设计研究院', industryCode: 'M', regionCode: '450202' });
const operator = await buildAccount(t.db, { kind: 'operator' });

async function asOperator(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
  const s = await t.app.deps.sessions.create(t.db, operator.id, {});
  return t.app.inject({
    method,
    url,
    headers: {
      cookie: `ptce_sid=${s.token}`,
      'x-csrf-token': s.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function newClient(name: string, industryCodes: string[]) {
  const res = await asOperator('POST', '/api/integration/clients', { name, industryCodes, unitIds: [] });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json() as { clientId: number; keyId: string; secret: string };
  return {
    id: s.clientId,
    api: createClient({ baseUrl, keyId: s.keyId, secret: s.secret, now: () => now().getTime() }),
  };
}

/** Registers `path` on the receiver as the client's endpoint; returns the whsec_ secret. */
async function subscribe(api: ReturnType<typeof createClient>, path: string, eventTypes: string[]) {
  const res = await api.setWebhook(`${hookBase}${path}`, eventTypes);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.secret).toMatch(/^whsec_/);
  receiver.secrets.set(path, res.body.secret as string);
  return res.body.secret as string;
}

const cme = await newClient('广西卫生健康委继续医学教育学分系统', ['Q']);
const builders = await newClient('广西住房城乡建设厅继续教育系统', ['M']);
await subscribe(cme.api, '/cme', ['certificate.issued', 'certificate.revoked', 'record.deleted']);
await subscribe(builders.api, '/builders', ['certificate.issued', 'certificate.revoked', 'record.deleted']);

/** A person of the hospital who met 2024 with hours the CME system pushed, and their certificate issued. */
async function personWithCertificate(name: string, externalId: string) {
  const p = await buildProfessional(t.db, { unitId: health.id, name });
  await creditPublic(t.db, p.id, 2024, 'compulsory');
  await creditPublic(t.db, p.id, 2024, 'elective');
  const pushed = await cme.api.upsertRecords([
    {
      externalId,
      idNumber: p.username,
      name,
      year: 2024,
      startDate: '2024-03-04',
      startHalf: 'am',
      endDate: '2024-03-12',
      endHalf: 'pm',
      title: '急危重症护理新进展培训班',
      hours: 72,
      category: 'training',
      organizer: '广西医学会',
      place: '南宁市',
    },
  ]);
  expect(pushed.body.items[0].status).toBe('created');
  const s = await t.app.deps.sessions.create(t.db, p.id, {});
  const issued = await t.app.inject({
    method: 'POST',
    url: '/api/certificates',
    headers: { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
    payload: JSON.stringify({ kind: 'ce', year: 2024 }),
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return { ...p, serial: (issued.json() as { serial: string }).serial };
}

/** Sends everything due until nothing is left to send now. */
async function drain() {
  let total = { delivered: 0, retry: 0, failed: 0 };
  for (;;) {
    const r = await deliverDueWebhooks(t.db);
    if (r.delivered + r.retry + r.failed === 0) return total;
    total = { delivered: total.delivered + r.delivered, retry: total.retry + r.retry, failed: total.failed + r.failed };
  }
}

describe('the endpoint', () => {
  it('is registered, read, changed and rotated with signed calls; the secret is shown only when made', async () => {
    const c = await newClient('广西会计继续教育系统', ['J']);
    expect((await c.api.webhook()).status).toBe(404);
    const secret = await subscribe(c.api, '/acc', ['certificate.issued']);
    const read = await c.api.webhook();
    expect(read.body).toMatchObject({ url: `${hookBase}/acc`, eventTypes: ['certificate.issued'] });
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    const changed = await c.api.setWebhook(`${hookBase}/acc2`, ['certificate.revoked', 'certificate.revoked']);
    expect(changed.body).toMatchObject({ secret: null, endpoint: { eventTypes: ['certificate.revoked'] } });
    const rotated = await c.api.rotateWebhookSecret();
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);

    const bad = await c.api.setWebhook('ftp://example.com/hook', ['certificate.paid']);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('eventTypes');
    const empty = await c.api.setWebhook(`${hookBase}/acc`, []);
    expect([empty.status, JSON.stringify(empty.body)]).toEqual([400, expect.stringContaining('请至少选择一种事件')]);

    expect((await c.api.deleteWebhook()).status).toBe(200);
    expect((await c.api.webhook()).status).toBe(404);
    expect((await c.api.deleteWebhook()).status).toBe(404);
    const audit = (
      await t.db.execute(
        sql`SELECT action FROM audit_log WHERE target_type = 'integration_client' AND target_id = ${String(c.id)}
            AND action LIKE 'integration.webhook.%' ORDER BY id`,
      )
    ).rows.map((r: unknown) => (r as { action: string }).action);
    expect(audit).toEqual([
      'integration.webhook.create',
      'integration.webhook.update',
      'integration.webhook.rotate',
      'integration.webhook.delete',
    ]);
  });
});

describe('rotating the webhook secret with an overlap', () => {
  it('signs with both secrets during the overlap (v1,new v1,old), with the new one only after it; audited', async () => {
    const c = await newClient('广西职业资格继续教育系统', ['Q']);
    const old = await subscribe(c.api, '/rot', ['certificate.issued']);
    // The operator rotates on 行业接口管理 with a 2-hour overlap; the new secret is shown once.
    const res = await asOperator('POST', `/api/integration/clients/${c.id}/webhook/secret`, { overlapHours: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const { secret: fresh, previousSecretExpiresAt } = res.json() as {
      secret: string;
      previousSecretExpiresAt: string;
    };
    expect(fresh).toMatch(/^whsec_/);
    expect(new Date(previousSecretExpiresAt).getTime()).toBe(now().getTime() + 2 * 3_600_000);
    const [stored] = await t.db
      .execute(sql`SELECT previous_secret_enc FROM integration_webhooks WHERE client_id = ${c.id}`)
      .then((r) => r.rows as Array<{ previous_secret_enc: string }>);
    expect(stored!.previous_secret_enc).not.toContain(old.slice(6)); // encrypted at rest

    const p = await buildProfessional(t.db, { unitId: health.id, name: '陆海燕' });
    let serial = 0;
    const message = async () => {
      serial++;
      await emitDomainEvent(t.db, {
        type: 'certificate.issued',
        accountId: p.id,
        year: 2024,
        payload: { certificateId: 0, kind: 'ce', serial: `2024JX8888000${serial}` },
      });
      await drain();
      return received.filter((r) => r.path === '/rot').at(-1)!;
    };
    const during = await message();
    const sigs = during.headers['webhook-signature']!.split(' ');
    expect(sigs).toHaveLength(2);
    const headers = { ...during.headers };
    const at = { nowSeconds: Math.floor(now().getTime() / 1000) };
    expect(verifyWebhook(fresh, headers, during.body, at)).toBe(true);
    expect(verifyWebhook(old, headers, during.body, at)).toBe(true);
    expect(verifyWebhook(fresh, { ...headers, 'webhook-signature': sigs[0]! }, during.body, at)).toBe(true);
    expect(verifyWebhook(old, { ...headers, 'webhook-signature': sigs[1]! }, during.body, at)).toBe(true);

    advance(2 * 3_600_000 + 1000);
    const after = await message();
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    const later = { nowSeconds: Math.floor(now().getTime() / 1000) };
    expect(verifyWebhook(fresh, after.headers, after.body, later)).toBe(true);
    expect(verifyWebhook(old, after.headers, after.body, later)).toBe(false);

    // The industry system rotates itself with no overlap: the operator's secret stops at once.
    const self = await c.api.rotateWebhookSecret(0);
    expect([self.status, self.body.previousSecretExpiresAt]).toEqual([200, null]);
    const now3 = await message();
    const at3 = { nowSeconds: Math.floor(now().getTime() / 1000) };
    expect(verifyWebhook(self.body.secret, now3.headers, now3.body, at3)).toBe(true);
    expect(verifyWebhook(fresh, now3.headers, now3.body, at3)).toBe(false);

    const bad = await asOperator('POST', `/api/integration/clients/${c.id}/webhook/secret`, { overlapHours: 1000 });
    expect([bad.statusCode, bad.json().error.details[0].field]).toEqual([400, 'overlapHours']);
    const audit = (
      await t.db.execute(
        sql`SELECT actor_kind, detail FROM audit_log WHERE target_type = 'integration_client' AND target_id = ${String(c.id)}
            AND action = 'integration.webhook.rotate' ORDER BY id`,
      )
    ).rows as Array<{ actor_kind: string; detail: { overlapHours: number } }>;
    expect(audit.map((a) => [a.actor_kind, a.detail.overlapHours])).toEqual([
      ['operator', 2],
      ['integration', 0],
    ]);
    expect((await c.api.deleteWebhook()).status).toBe(200); // the later tests count the messages of Q's people
  });
});

describe('delivery', () => {
  it('a certificate issued is signed, retried with backoff until the receiver answers 2xx, and logged', async () => {
    receiver.answers = [500, 503];
    const p = await personWithCertificate('黄丽萍', 'CME-WH-1');
    // The outbox row was written with the certificate, before anything was sent.
    const [pending] = await t.db
      .select()
      .from(integrationWebhookMessages)
      .where(eq(integrationWebhookMessages.clientId, cme.id))
      .orderBy(sql`id DESC`)
      .limit(1);
    expect(pending).toMatchObject({ type: 'certificate.issued', state: 'pending', attempts: 0 });
    // Encrypted at rest: the body names the person by ID number.
    const raw = await t.db.execute(sql`SELECT body_enc FROM integration_webhook_messages WHERE id = ${pending!.id}`);
    expect(JSON.stringify(raw.rows)).not.toContain(p.username);

    expect(await drain()).toEqual({ delivered: 0, retry: 1, failed: 0 });
    advance((WEBHOOK_RETRY_SECONDS[0] - 1) * 1000);
    expect(await drain()).toEqual({ delivered: 0, retry: 0, failed: 0 });
    advance(1000);
    expect(await drain()).toEqual({ delivered: 0, retry: 1, failed: 0 });
    advance((WEBHOOK_RETRY_SECONDS[1] - 1) * 1000);
    expect(await drain()).toEqual({ delivered: 0, retry: 0, failed: 0 });
    advance(1000);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });

    expect(received.map((r) => [r.path, r.valid])).toEqual([
      ['/cme', true],
      ['/cme', true],
      ['/cme', true],
    ]);
    // One message: the same webhook-id and body on every attempt, a fresh timestamp each time.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(received[0]!.headers['webhook-id']).toBe(pending!.messageId);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received.map((r) => r.headers['webhook-timestamp'])).not.toEqual([
      received[0]!.headers['webhook-timestamp'],
      received[0]!.headers['webhook-timestamp'],
      received[0]!.headers['webhook-timestamp'],
    ]);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({
      type: 'certificate.issued',
      timestamp: expect.any(String),
      data: { idNumber: p.username, name: '黄丽萍', year: 2024, certificateSerial: p.serial },
    });

    const log = await cme.api.webhookDeliveries();
    const d = log.body.deliveries.find((x: { messageId: string }) => x.messageId === pending!.messageId);
    expect(d).toMatchObject({ type: 'certificate.issued', state: 'delivered', attempts: 3, lastStatus: 204 });
    expect(d.log.map((a: { status: number; manual: boolean }) => [a.status, a.manual])).toEqual([
      [500, false],
      [503, false],
      [204, false],
    ]);
    expect(d.log[0].error).toBe('接收方返回 HTTP 500');
    // The operator sees the same log on 行业接口管理.
    const op = await asOperator('GET', `/api/integration/clients/${cme.id}/webhook-deliveries?state=delivered`);
    expect(op.statusCode).toBe(200);
    expect(op.json().endpoint.url).toBe(`${hookBase}/cme`);
    expect(op.json().deliveries.map((x: { messageId: string }) => x.messageId)).toContain(pending!.messageId);
    // The construction company's system (industry M) heard nothing of a hospital's nurse.
    expect(received.filter((r) => r.path === '/builders')).toEqual([]);
  });

  it('a manual 重新发送 by the client or the operator sends the same message again, logged as manual', async () => {
    await personWithCertificate('韦秀兰', 'CME-WH-2');
    await drain();
    const [m] = (await cme.api.webhookDeliveries({ limit: 1 })).body.deliveries;
    expect(m.state).toBe('delivered');
    received.length = 0;

    const again = await cme.api.redeliverWebhook(m.messageId);
    expect(again.status).toBe(200);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });
    const byOperator = await asOperator(
      'POST',
      `/api/integration/clients/${cme.id}/webhook-deliveries/${m.messageId}/redeliver`,
    );
    expect(byOperator.statusCode, byOperator.body).toBe(200);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(received.map((r) => [r.headers['webhook-id'], r.valid])).toEqual([
      [m.messageId, true],
      [m.messageId, true],
    ]);
    const after = (await cme.api.webhookDeliveries({ limit: 1 })).body.deliveries[0];
    expect(after.log.map((a: { manual: boolean }) => a.manual)).toEqual([false, true, true]);

    // Another client's message is not found by this client; nonsense ids are refused.
    expect((await builders.api.redeliverWebhook(m.messageId)).status).toBe(404);
    expect((await cme.api.redeliverWebhook('msg_nothere')).status).toBe(404);
    expect((await cme.api.redeliverWebhook('not-an-id')).status).toBe(400);
    const audit = await t.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'integration.webhook.redeliver' AND detail->>'messageId' = ${m.messageId}`,
    );
    expect(Number((audit.rows[0] as { n: number }).n)).toBe(2);
  });

  it('gives up after the schedule (about a day) and marks the message failed; a redeliver tries once more', async () => {
    receiver.answers = Array<number>(WEBHOOK_RETRY_SECONDS.length + 1).fill(500);
    await personWithCertificate('蒙志军', 'CME-WH-3');
    expect(await drain()).toEqual({ delivered: 0, retry: 1, failed: 0 });
    for (const [i, wait] of WEBHOOK_RETRY_SECONDS.entries()) {
      advance(wait * 1000);
      const last = i === WEBHOOK_RETRY_SECONDS.length - 1;
      expect(await drain()).toEqual({ delivered: 0, retry: last ? 0 : 1, failed: last ? 1 : 0 });
    }
    const total = WEBHOOK_RETRY_SECONDS.reduce((a, b) => a + b, 0);
    expect(total / 3600).toBeGreaterThan(24);
    expect(total / 3600).toBeLessThan(30);
    const [m] = (await cme.api.webhookDeliveries({ state: 'failed', limit: 1 })).body.deliveries;
    expect(m).toMatchObject({ state: 'failed', attempts: WEBHOOK_RETRY_SECONDS.length + 1, nextAttemptAt: null });
    advance(86_400_000);
    expect(await drain()).toEqual({ delivered: 0, retry: 0, failed: 0 });
    await cme.api.redeliverWebhook(m.messageId);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });
  });

  it('never sends one message twice at once: a second worker round skips the message being sent', async () => {
    await personWithCertificate('梁海燕', 'CME-WH-4');
    receiver.delayMs = 300;
    const [a, b] = await Promise.all([deliverDueWebhooks(t.db), deliverDueWebhooks(t.db)]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(received).toHaveLength(1);
    // A message claimed by a worker that died mid-send is taken again once its lease is over.
    const p = await personWithCertificate('莫春华', 'CME-WH-5');
    await t.db.execute(
      sql`UPDATE integration_webhook_messages SET locked_until = ${new Date(now().getTime() + 60_000).toISOString()}::timestamptz
          WHERE state = 'pending'`,
    );
    expect(await drain()).toEqual({ delivered: 0, retry: 0, failed: 0 });
    advance(60_000);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(JSON.parse(received.at(-1)!.body).data.idNumber).toBe(p.username);
  });

  it('in production refuses a receiver on an internal address: nothing is posted, the log says why', async () => {
    await personWithCertificate('覃海燕', 'CME-WH-SSRF');
    let posted = 0;
    const spy: typeof fetch = async (...args) => {
      posted++;
      return fetch(...args);
    };
    // The receiver of these tests listens on 127.0.0.1: internal, so a production worker must not post to it.
    expect(await deliverDueWebhooks(t.db, { fetch: spy, blockInternalAddresses: true })).toEqual({
      delivered: 0,
      retry: 1,
      failed: 0,
    });
    expect(posted).toBe(0);
    const [last] = await t.db
      .select()
      .from(integrationWebhookMessages)
      .where(eq(integrationWebhookMessages.clientId, cme.id))
      .orderBy(sql`id DESC`)
      .limit(1);
    expect(last!.lastError).toBe('接收方地址 127.0.0.1 属于内网或保留地址，不予发送');
    // The same message goes out once the guard is off (development, tests).
    advance(WEBHOOK_RETRY_SECONDS[0] * 1000);
    expect(await drain()).toEqual({ delivered: 1, retry: 0, failed: 0 });
  });

  it('a change rolled back leaves no message', async () => {
    const p = await buildProfessional(t.db, { unitId: health.id, name: '覃丽' });
    const before = await t.db.$count(integrationWebhookMessages);
    await expect(
      t.db.transaction(async (tx) => {
        await emitDomainEvent(tx, {
          type: 'certificate.issued',
          accountId: p.id,
          year: 2024,
          payload: { certificateId: 0, kind: 'ce', serial: '2024JX99999999' },
        });
        expect(await tx.$count(integrationWebhookMessages)).toBe(before + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.$count(integrationWebhookMessages)).toBe(before);
  });
});

describe('events', () => {
  it('the operator deleting a pushed record: record.deleted and certificate.revoked reach the system, and its feed', async () => {
    const p = await personWithCertificate('陆建华', 'CME-WH-6');
    await drain();
    received.length = 0;
    let cursor: string | undefined;
    for (let more = true; more;) {
      const page = await cme.api.changes({ cursor, limit: 500 });
      cursor = page.body.nextCursor as string;
      more = page.body.hasMore as boolean;
    }
    const [rec] = await t.db.select().from(hourRecords).where(eq(hourRecords.externalId, 'CME-WH-6'));
    advance(60_000);
    const noReason = await asOperator('DELETE', `/api/integration/clients/${cme.id}/records/CME-WH-6`, {});
    expect([noReason.statusCode, noReason.body]).toEqual([400, expect.stringContaining('reason')]);
    const del = await asOperator('DELETE', `/api/integration/clients/${cme.id}/records/CME-WH-6`, {
      reason: '重复推送',
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ externalId: 'CME-WH-6', status: 'deleted', certificatesRevoked: 1 });
    expect(
      (await asOperator('DELETE', `/api/integration/clients/${cme.id}/records/CME-WH-6`, { reason: '重复推送' }))
        .statusCode,
    ).toBe(404);
    expect(await drain()).toEqual({ delivered: 2, retry: 0, failed: 0 });
    const bodies = received.map((r) => ({ ...(JSON.parse(r.body) as object), valid: r.valid }));
    expect(bodies).toEqual([
      {
        type: 'record.deleted',
        timestamp: expect.any(String),
        valid: true,
        data: {
          externalId: 'CME-WH-6',
          recordId: rec!.id,
          idNumber: p.username,
          name: '陆建华',
          year: 2024,
          hours: 72,
          reason: expect.stringContaining('重复推送'),
          deletedBy: operator.name,
        },
      },
      {
        type: 'certificate.revoked',
        timestamp: expect.any(String),
        valid: true,
        data: {
          idNumber: p.username,
          name: '陆建华',
          year: 2024,
          certificateSerial: p.serial,
          reason: expect.stringContaining('重复推送'),
        },
      },
    ]);
    const feed = await cme.api.changes({ cursor });
    expect(feed.body.changes.map((c: { type: string; externalId: string | null }) => [c.type, c.externalId])).toEqual([
      ['record.deleted', 'CME-WH-6'],
      ['certificate.revoked', null],
    ]);
  });

  it('only the event types subscribed, only for people in scope; a disabled client or a removed endpoint gets nothing', async () => {
    const builder = await buildProfessional(t.db, { unitId: design.id, name: '覃志强' });
    const choosy = await newClient('广西建设工程质量继续教育平台', ['M']);
    await subscribe(choosy.api, '/choosy', ['certificate.revoked']);
    await emitDomainEvent(t.db, {
      type: 'certificate.issued',
      accountId: builder.id,
      year: 2024,
      payload: { certificateId: 0, kind: 'ce', serial: '2024JX00000001' },
    });
    // The public-exam certificate is not an event of the integration API.
    await emitDomainEvent(t.db, {
      type: 'certificate.issued',
      accountId: builder.id,
      year: 2024,
      payload: { certificateId: 0, kind: 'public_exam', serial: '2024GX00000001' },
    });
    await drain();
    expect(received.map((r) => r.path)).toEqual(['/builders']);

    received.length = 0;
    const off = await asOperator('POST', `/api/integration/clients/${builders.id}/enabled`, { enabled: false });
    expect(off.statusCode).toBe(200);
    await emitDomainEvent(t.db, {
      type: 'certificate.revoked',
      accountId: builder.id,
      year: 2024,
      payload: { certificateId: 0, kind: 'ce', serial: '2024JX00000001', reason: '测试' },
    });
    expect((await choosy.api.deleteWebhook()).status).toBe(200);
    expect(await drain()).toEqual({ delivered: 0, retry: 0, failed: 1 });
    expect(received).toEqual([]);
    const [m] = (await choosy.api.webhookDeliveries()).body.deliveries;
    expect(m).toMatchObject({ type: 'certificate.revoked', state: 'failed', lastError: '事件通知地址已删除或停用' });
  });
});
