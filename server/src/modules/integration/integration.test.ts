import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type IntegrationClient } from '../../../../scripts/integration-client.mjs';
import { now, setNow } from '../../clock';
import { accounts, certificates, hourRecords, integrationIdempotency } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, creditPublic, idNumber } from '../../../test/factories';
import { createTestApp } from '../../../test/helpers';
import { abandonIdempotent, finishIdempotent, IDEMPOTENCY_LEASE_MINUTES } from './idempotency';

/**
 * 行业学时对接 over HTTP: a real listening server and the reference client (scripts/integration-client.mjs),
 * signing every request as an industry system would.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
beforeEach(() => setNow(NOW));
const t = await createTestApp();
await t.app.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
afterAll(async () => t.close());

const health = await buildUnit(t.db, { name: '南宁市第一人民医院', industryCode: 'Q', regionCode: '450103' });
const design = await buildUnit(t.db, { name: '柳州市建筑设计研究院', industryCode: 'M', regionCode: '450202' });
const nurse = await buildProfessional(t.db, { unitId: health.id, name: '黄丽萍' });
const architect = await buildProfessional(t.db, { unitId: design.id, name: '覃志强' });
const operator = await buildAccount(t.db, { kind: 'operator' });

async function asOperator(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
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

async function newClient(over: Record<string, unknown> = {}) {
  const res = await asOperator('POST', '/api/integration/clients', {
    name: '广西卫生健康委继续医学教育学分系统',
    industryCodes: ['Q'],
    unitIds: [],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const secret = res.json() as { clientId: number; keyId: string; secret: string };
  return {
    ...secret,
    api: createClient({ baseUrl, keyId: secret.keyId, secret: secret.secret, now: () => now().getTime() }),
  };
}

const cme = await newClient();
const api: IntegrationClient = cme.api;

const item = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  externalId: `CME-${Math.random().toString(36).slice(2, 10)}`,
  idNumber: nurse.username,
  name: '黄丽萍',
  year: 2024,
  startDate: '2024-05-06',
  startHalf: 'am',
  endDate: '2024-05-07',
  endHalf: 'pm',
  title: '急危重症护理新进展培训班',
  hours: 16,
  category: 'training',
  organizer: '广西医学会',
  place: '南宁市',
  ...over,
});

describe('signed requests: every refusal says why in a machine code', () => {
  it('accepts a correctly signed call and refuses a missing, wrong, stale or replayed signature', async () => {
    const ok = await api.changes();
    expect(ok.status).toBe(200);

    const missing = await fetch(`${baseUrl}/api/integration/v1/changes`, { headers: { 'X-Ptce-Key-Id': cme.keyId } });
    expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'SIGNATURE_MISSING',
    ]);

    const anonymous = await fetch(`${baseUrl}/api/integration/v1/changes`);
    expect(anonymous.status).toBe(401);

    const wrong = createClient({ baseUrl, keyId: cme.keyId, secret: 'not-the-secret', now: () => now().getTime() });
    const mismatch = await wrong.changes();
    expect([mismatch.status, mismatch.body.error.code]).toEqual([401, 'SIGNATURE_MISMATCH']);
    expect(mismatch.body.error.message).toBe('签名不正确或密钥编号无效');

    const unknownKey = createClient({
      baseUrl,
      keyId: 'ptce_0000000000000000',
      secret: cme.secret,
      now: () => now().getTime(),
    });
    expect((await unknownKey.changes()).body.error.code).toBe('SIGNATURE_MISMATCH');

    const late = createClient({ baseUrl, keyId: cme.keyId, secret: cme.secret, now: () => now().getTime() - 301_000 });
    const skew = await late.changes();
    expect([skew.status, skew.body.error.code]).toEqual([401, 'TIMESTAMP_SKEW']);
    const early = createClient({ baseUrl, keyId: cme.keyId, secret: cme.secret, now: () => now().getTime() + 299_000 });
    expect((await early.changes()).status).toBe(200);

    // The very same signed request sent twice: the second is a replay.
    const { signedHeaders } = await import('../../../../scripts/integration-client.mjs');
    const headers = signedHeaders({
      keyId: cme.keyId,
      secret: cme.secret,
      method: 'GET',
      target: '/api/integration/v1/changes?limit=5',
      timestamp: Math.floor(now().getTime() / 1000),
    });
    const first = await fetch(`${baseUrl}/api/integration/v1/changes?limit=5`, { headers });
    expect(first.status).toBe(200);
    const again = await fetch(`${baseUrl}/api/integration/v1/changes?limit=5`, { headers });
    expect([again.status, ((await again.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'NONCE_REUSED',
    ]);
    // The signature covers the query: the same headers on another query do not verify.
    const tampered = await fetch(`${baseUrl}/api/integration/v1/changes?limit=6`, {
      headers: { ...headers, 'X-Ptce-Nonce': 'a'.repeat(32) },
    });
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('refuses a disabled client with CLIENT_DISABLED and serves it again once enabled; every call is audited', async () => {
    const c = await newClient({ name: '广西会计继续教育系统', industryCodes: ['M'] });
    expect(
      (await asOperator('POST', `/api/integration/clients/${c.clientId}/enabled`, { enabled: false })).statusCode,
    ).toBe(200);
    const off = await c.api.changes();
    expect([off.status, off.body.error.code]).toEqual([403, 'CLIENT_DISABLED']);
    await asOperator('POST', `/api/integration/clients/${c.clientId}/enabled`, { enabled: true });
    expect((await c.api.changes()).status).toBe(200);
    const audit = (
      await t.db.execute(
        sql`SELECT result, detail FROM audit_log WHERE action = 'integration.call' AND detail->>'keyId' = ${c.keyId} ORDER BY id`,
      )
    ).rows as Array<{ result: string; detail: { endpoint: string; status: number; code?: string } }>;
    expect(audit.map((a) => [a.result, a.detail.status, a.detail.code ?? null])).toEqual([
      ['denied', 403, 'CLIENT_DISABLED'],
      ['ok', 200, null],
    ]);
    expect(audit[1]!.detail.endpoint).toBe('GET /api/integration/v1/changes');
  });

  it('limits a client to its calls per minute (RATE_LIMITED with Retry-After)', async () => {
    const c = await newClient({ name: '限流测试系统', rateLimitPerMinute: 2 });
    expect((await c.api.changes()).status).toBe(200);
    expect((await c.api.changes()).status).toBe(200);
    const third = await c.api.changes();
    expect([third.status, third.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rotates a key with an overlap: both keys work until the old one expires', async () => {
    const c = await newClient({ name: '密钥轮换测试系统' });
    const rotated = await asOperator('POST', `/api/integration/clients/${c.clientId}/rotate`, { overlapHours: 1 });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json() as { keyId: string; secret: string; previousKeyExpiresAt: string };
    const next = createClient({ baseUrl, keyId: fresh.keyId, secret: fresh.secret, now: () => now().getTime() });
    expect((await c.api.changes()).status).toBe(200);
    expect((await next.changes()).status).toBe(200);
    setNow(new Date(new Date(NOW).getTime() + 61 * 60_000));
    expect((await c.api.changes()).body.error.code).toBe('SIGNATURE_MISMATCH');
    expect((await next.changes()).status).toBe(200);
    const list = (await asOperator('GET', '/api/integration/clients')).json() as Array<{
      id: number;
      keys: Array<{ keyId: string }>;
      lastCallAt: string | null;
    }>;
    const row = list.find((x) => x.id === c.clientId)!;
    expect(row.keys.map((k) => k.keyId)).toEqual([fresh.keyId]);
    expect(row.lastCallAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(fresh.secret);
  });
});

describe('writing hours: POST hour-records:batch', () => {
  it('upserts by externalId: created, then unchanged, then updated; approved with the client as source', async () => {
    const it1 = item({ externalId: 'CME-2024-0001' });
    const a = await api.upsertRecords([it1]);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.items[0]).toMatchObject({ index: 0, externalId: 'CME-2024-0001', status: 'created', errors: [] });
    const id = a.body.items[0].recordId as number;
    const [rec] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, id));
    expect(rec).toMatchObject({
      status: 'approved',
      source: 'integration',
      integrationClientId: cme.clientId,
      accountId: nurse.id,
      hours: 16,
      decidedByName: '广西卫生健康委继续医学教育学分系统',
    });

    expect((await api.upsertRecords([it1])).body.items[0]).toMatchObject({ status: 'unchanged', recordId: id });
    const changed = await api.upsertRecords([{ ...it1, title: '急危重症护理新进展研修班' }]);
    expect(changed.body.items[0]).toMatchObject({ status: 'updated', recordId: id });
    expect(changed.body.summary).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const [after] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, id));
    expect(after!.title).toBe('急危重症护理新进展研修班');
  });

  it('the person and the unit see the source of a record by the name of the industry system', async () => {
    const r = await api.upsertRecords([item({ externalId: 'CME-SOURCE-1', title: '医院感染防控培训班' })]);
    const id = r.body.items[0].recordId as number;
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: health.id });
    for (const [who, url] of [
      [nurse.id, `/api/hours/my/records?year=2024&pageSize=100`],
      [admin.id, `/api/hours/unit/results?year=2024&status=approved&pageSize=100`],
      [nurse.id, `/api/hours/records/${id}`],
      [admin.id, `/api/hours/records/${id}`],
    ] as const) {
      const s = await t.app.deps.sessions.create(t.db, who, {});
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: `ptce_sid=${s.token}` } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items?: Array<{ id: number }> } & { id?: number };
      const row = body.items ? body.items.find((x) => x.id === id) : body;
      expect(row, url).toMatchObject({ source: 'integration', sourceName: '广西卫生健康委继续医学教育学分系统' });
    }
  });

  it('converts credits of a type the year plan defines to hours; an unknown type is rejected with field and reason', async () => {
    const bad = await asOperator('PUT', '/api/plans/2024', {
      creditConversions: [
        { type: '学分 I类', hoursPerCredit: 3 },
        { type: '学分 I类', hoursPerCredit: 2 },
      ],
      reason: '行业学分折算',
    });
    expect([bad.statusCode, bad.json().error.details[0]]).toEqual([
      400,
      { field: 'creditConversions', reason: '学分类型不能重复' },
    ]);
    const plan = await asOperator('PUT', '/api/plans/2024', {
      creditConversions: [
        { type: '学分 I类', hoursPerCredit: 3 },
        { type: '学分 II类', hoursPerCredit: 2 },
      ],
      reason: '行业学分折算',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().creditConversions).toHaveLength(2);

    const credit = { category: 'academic', hours: undefined, title: '全区心血管病学术会议' };
    const r = await api.upsertRecords([
      item({ ...credit, externalId: 'CME-CREDIT-1', creditType: '学分 I类', credits: 2 }),
      item({ ...credit, externalId: 'CME-CREDIT-2', creditType: '学分 III类', credits: 2 }),
      item({ ...credit, externalId: 'CME-CREDIT-3', creditType: '学分 II类', credits: 2, hours: 5 }),
      item({ ...credit, externalId: 'CME-CREDIT-4', creditType: '学分 II类' }),
      item({ ...credit, externalId: 'CME-CREDIT-5' }),
      item({ ...credit, externalId: 'CME-CREDIT-6', creditType: '学分 II类', credits: 1.5, hours: 3 }),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [one, unknown, mismatch, noCredits, nothing, both] = r.body.items;
    expect(one).toMatchObject({ status: 'created', errors: [] });
    expect(unknown).toMatchObject({ status: 'rejected' });
    expect(unknown.errors).toEqual([
      {
        field: 'creditType',
        code: 'UNKNOWN_CREDIT_TYPE',
        reason:
          '2024年度计划中没有学分类型“学分 III类”；可用的学分类型：学分 I类（1学分折算3学时）、学分 II类（1学分折算2学时）',
      },
    ]);
    expect(mismatch.errors[0]).toMatchObject({ field: 'hours', code: 'HOURS_NOT_CONVERTED' });
    expect(noCredits.errors[0]).toMatchObject({ field: 'credits', code: 'CREDITS_INVALID' });
    expect(nothing.errors[0]).toMatchObject({ field: 'hours', code: 'VALIDATION' });
    expect(both).toMatchObject({ status: 'created' });

    const id = one.recordId as number;
    const [rec] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, id));
    expect(rec).toMatchObject({ hours: 6, creditType: '学分 I类', credits: 2, status: 'approved' });
    // The person's 学时查询 shows the credits beside the source.
    const s = await t.app.deps.sessions.create(t.db, nurse.id, {});
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/hours/records/${id}`,
      headers: { cookie: `ptce_sid=${s.token}` },
    });
    expect(mine.json()).toMatchObject({ hours: 6, credit: { type: '学分 I类', credits: 2 } });

    // Same credits: unchanged; more credits: updated with the hours converted again.
    const again = item({ ...credit, externalId: 'CME-CREDIT-1', creditType: '学分 I类', credits: 2 });
    expect((await api.upsertRecords([again])).body.items[0].status).toBe('unchanged');
    expect((await api.upsertRecords([{ ...again, credits: 3 }])).body.items[0].status).toBe('updated');
    const [updated] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, id));
    expect(updated).toMatchObject({ hours: 9, credits: 3 });
  });

  it('a unit admin cannot delete a record an industry system pushed', async () => {
    const r = await api.upsertRecords([item({ externalId: 'CME-UNIT-DEL' })]);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: health.id });
    const s = await t.app.deps.sessions.create(t.db, admin.id, {});
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/hours/records/${r.body.items[0].recordId}`,
      headers: { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ reason: '误删' }),
    });
    expect([res.statusCode, res.json().error.message]).toEqual([
      403,
      '行业系统推送的学时只能由该行业系统或平台运营方更正',
    ]);
  });

  it('answers a 1,000-item batch item by item: the good ones are written, the bad ones rejected with field and reason', async () => {
    const people = Array.from({ length: 50 }, (_, i) => ({
      id: idNumber({ region: '450103' }),
      name: `韦${'春夏秋冬梅兰竹菊'[i % 8]}${i}`,
    }));
    const items = Array.from({ length: 1000 }, (_, i) => {
      const p = people[i % 50]!;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 5)).padStart(2, '0');
      return item({
        externalId: `BULK-${i}`,
        idNumber: p.id,
        name: p.name,
        startDate: `2024-${month}-${day}`,
        endDate: `2024-${month}-${day}`,
        hours: 8,
        unitCreditCode: health.creditCode,
      });
    });
    items[10] = { ...items[10]!, endDate: '2025-01-03' }; // 不能跨年登记
    items[20] = { ...items[20]!, idNumber: '450103199001011234' }; // check digit wrong
    items[30] = { ...items[30]!, idNumber: architect.username, name: architect.name }; // outside the industry
    items[40] = { ...items[40]!, idNumber: idNumber(), name: '蒙新人', unitCreditCode: design.creditCode }; // new, out of scope
    items[50] = { ...items[50]!, idNumber: idNumber(), name: '陆无单位', unitCreditCode: undefined };
    items[60] = { ...items[60]!, hours: 10 }; // a training class takes 4 hours per half day
    items[70] = { ...items[70]!, title: '' };
    items[80] = { ...items[80]!, externalId: 'BULK-79' }; // the same externalId twice in one batch
    items[90] = { ...items[90]!, idNumber: nurse.username, name: '另一个名字' }; // the number belongs to someone else's name
    const res = await api.upsertRecords(items);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 991, updated: 0, unchanged: 0, rejected: 9 });
    const rejected = Object.fromEntries(
      res.body.items
        .filter((x: { status: string }) => x.status === 'rejected')
        .map((x: { index: number; errors: Array<{ field: string; code: string }> }) => [
          x.index,
          x.errors.map((e) => `${e.field}:${e.code}`),
        ]),
    );
    expect(rejected).toEqual({
      10: ['endDate:CROSS_YEAR'],
      20: ['idNumber:INVALID_ID_NUMBER'],
      30: ['idNumber:OUT_OF_SCOPE'],
      40: ['unitCreditCode:OUT_OF_SCOPE'],
      50: ['unitCreditCode:UNIT_REQUIRED'],
      60: ['hours:TRAINING_HOURS_FIXED'],
      70: ['title:VALIDATION'],
      80: ['externalId:DUPLICATE_IN_BATCH'],
      90: ['name:NAME_MISMATCH'],
    });
    const [{ n }] = (
      await t.db.execute(sql`SELECT count(*)::int AS n FROM hour_records WHERE external_id LIKE 'BULK-%'`)
    ).rows as [{ n: number }];
    expect(Number(n)).toBe(991);
    // The 50 people did not exist: created as persons of the unit, without a password.
    const created = await t.db
      .select({ id: accounts.id, passwordHash: accounts.passwordHash, unitId: accounts.unitId })
      .from(accounts)
      .where(eq(accounts.name, people[1]!.name));
    expect(created).toEqual([{ id: expect.any(Number), passwordHash: '', unitId: health.id }]);
  });

  it('a person created by the industry system claims the account by 注册 with the same ID number and name', async () => {
    const id = idNumber({ region: '450103' });
    await api.upsertRecords([
      item({ externalId: 'CME-CLAIM', idNumber: id, name: '梁晓雯', unitCreditCode: health.creditCode }),
    ]);
    const reg = (name: string) =>
      t.client().register({ idNumber: id, name, phone: '13907710001', unitId: health.id, password: 'Guangxi2024' });
    const wrongName = await reg('梁小雯');
    expect([wrongName.statusCode, wrongName.json().error.code]).toEqual([409, 'CONFLICT']);
    const res = await reg('梁晓雯');
    expect(res.statusCode, res.body).toBeLessThan(300);
    const [acc] = await t.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.name, '梁晓雯'), eq(accounts.kind, 'professional')));
    expect(acc!.passwordHash).not.toBe('');
    const person = t.client();
    expect((await person.login(id, 'Guangxi2024')).statusCode).toBe(200);
    expect((await person.patch('/api/me/profile', { email: 'liangxw@example.com' })).statusCode).toBe(200);
    // The claimed person sees the hours the industry system pushed.
    const mine = await person.get('/api/hours/my/records?pageSize=50');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((r: { title: string; source: string }) => [r.title, r.source])).toEqual([
      ['急危重症护理新进展培训班', 'integration'],
    ]);
  });
});

describe('the audit log', () => {
  it('audits every call with the client, the endpoint and the counts: a mixed batch, a replay and a delete', async () => {
    const c = await newClient({ name: '审计测试系统' });
    const base = item({ externalId: 'AUD-1', title: '审计测试培训班' });
    await c.api.upsertRecords([base, item({ externalId: 'AUD-2' })]);
    const mixed = [
      base, // unchanged
      { ...item({ externalId: 'AUD-2' }), title: '改过的标题' }, // updated
      item({ externalId: 'AUD-3' }), // created
      item({ externalId: 'AUD-4', idNumber: '123' }), // rejected
      item({ externalId: 'AUD-5', year: 2023 }), // rejected
    ];
    const batch = await c.api.upsertRecords(mixed, { idempotencyKey: 'audit-batch-1' });
    expect(batch.body.summary).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 2 });
    expect((await c.api.upsertRecords([base], { idempotencyKey: 'audit-batch-1' })).status).toBe(422);
    expect((await c.api.upsertRecords(mixed, { idempotencyKey: 'audit-batch-1' })).headers['idempotent-replayed']).toBe(
      'true',
    );
    expect((await c.api.deleteRecord('AUD-3')).status).toBe(200);

    const calls = (
      await t.db.execute(
        sql`SELECT actor_account_id, target_type, target_id, result, detail FROM audit_log
            WHERE action = 'integration.call' AND detail->>'keyId' = ${c.keyId} ORDER BY id`,
      )
    ).rows as Array<{
      actor_account_id: number;
      target_type: string;
      target_id: string;
      result: string;
      detail: { endpoint: string; status: number; code?: string; counts?: Record<string, number> };
    }>;
    expect(
      calls.map((a) => [a.detail.endpoint, a.detail.status, a.result, a.detail.code ?? null, a.detail.counts ?? null]),
    ).toEqual([
      [
        'POST /api/integration/v1/hour-records::batch',
        200,
        'ok',
        null,
        { items: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 },
      ],
      [
        'POST /api/integration/v1/hour-records::batch',
        200,
        'ok',
        null,
        { items: 5, created: 1, updated: 1, unchanged: 1, rejected: 2 },
      ],
      ['POST /api/integration/v1/hour-records::batch', 422, 'failed', 'IDEMPOTENCY_KEY_REUSED', null],
      ['POST /api/integration/v1/hour-records::batch', 200, 'ok', null, { replayed: 1 }],
      ['DELETE /api/integration/v1/hour-records/:externalId', 200, 'ok', null, { deleted: 1, certificatesRevoked: 0 }],
    ]);
    // Each entry names the client: its machine account as the actor, the client as the target.
    expect(new Set(calls.map((a) => [a.target_type, Number(a.target_id)].join(':')))).toEqual(
      new Set([`integration_client:${c.clientId}`]),
    );
    expect(new Set(calls.map((a) => a.actor_account_id)).size).toBe(1);
    expect(calls[0]!.actor_account_id).not.toBeNull();

    // The writes themselves: one entry per batch with its counts, and the deleted record.
    const upserts = (
      await t.db.execute(
        sql`SELECT detail FROM audit_log WHERE action = 'integration.records.upsert' AND target_id = ${String(c.clientId)} ORDER BY id`,
      )
    ).rows as Array<{ detail: Record<string, number> }>;
    expect(upserts.map((u) => u.detail)).toEqual([
      { created: 2, updated: 0, unchanged: 0, rejected: 0, newPeople: 0, items: 2 },
      { created: 1, updated: 1, unchanged: 1, rejected: 2, newPeople: 0, items: 5 },
    ]);
    const deleted = (
      await t.db.execute(
        sql`SELECT detail FROM audit_log WHERE action = 'hours.record.delete' AND detail->>'externalId' = 'AUD-3'`,
      )
    ).rows as Array<{ detail: Record<string, unknown> }>;
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.detail).toMatchObject({ accountId: nurse.id, year: 2024, hours: 16, status: 'approved' });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same body, refuses another body (422) and a request still running (409)', async () => {
    const body = [item({ externalId: 'IDEM-1' })];
    const first = await api.upsertRecords(body, { idempotencyKey: 'batch-2024-06-15-001' });
    const second = await api.upsertRecords(body, { idempotencyKey: 'batch-2024-06-15-001' });
    expect(first.body.items[0].status).toBe('created');
    expect(second.body).toEqual(first.body); // replayed, not "unchanged"
    expect(second.headers['idempotent-replayed']).toBe('true');
    const other = await api.upsertRecords([item({ externalId: 'IDEM-2' })], { idempotencyKey: 'batch-2024-06-15-001' });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    await t.db.insert(integrationIdempotency).values({
      clientId: cme.clientId,
      key: 'still-running',
      fingerprint: 'x',
      createdAt: now(),
      expiresAt: new Date(now().getTime() + 3_600_000),
    });
    const running = await api.upsertRecords(body, { idempotencyKey: 'still-running' });
    // A different fingerprint says 422 first; the same one while running says 409.
    expect(running.status).toBe(422);
    const { sha256Hex } = await import('../../../../scripts/integration-client.mjs');
    const payload = JSON.stringify({ items: body });
    await t.db
      .update(integrationIdempotency)
      .set({ fingerprint: sha256Hex(`POST /api/integration/v1/hour-records:batch\n${payload}`) })
      .where(eq(integrationIdempotency.key, 'still-running'));
    const busy = await api.upsertRecords(body, { idempotencyKey: 'still-running' });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
  });

  it('a key left in progress by a process that died is taken over once its lease has run out', async () => {
    const { sha256Hex } = await import('../../../../scripts/integration-client.mjs');
    const body = [item({ externalId: 'IDEM-CRASH-1' })];
    const fingerprint = sha256Hex(`POST /api/integration/v1/hour-records:batch\n${JSON.stringify({ items: body })}`);
    const crashedAt = new Date(now().getTime() - (IDEMPOTENCY_LEASE_MINUTES - 1) * 60_000);
    // The first request started and never finished (no answer stored).
    await t.db.insert(integrationIdempotency).values({
      clientId: cme.clientId,
      key: 'crashed-batch',
      fingerprint,
      createdAt: crashedAt,
      expiresAt: new Date(crashedAt.getTime() + 24 * 3_600_000),
    });
    // Within the lease it may still be running: 409.
    const busy = await api.upsertRecords(body, { idempotencyKey: 'crashed-batch' });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
    // Another body is still refused as a reused key, lease or not.
    setNow(new Date(new Date(NOW).getTime() + 2 * 60_000));
    const other = await api.upsertRecords([item({ externalId: 'IDEM-CRASH-2' })], { idempotencyKey: 'crashed-batch' });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // Past the lease the retry takes the key over, is processed, and its answer is replayed from then on.
    const retry = await api.upsertRecords(body, { idempotencyKey: 'crashed-batch' });
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.items[0].status).toBe('created');
    const again = await api.upsertRecords(body, { idempotencyKey: 'crashed-batch' });
    expect([again.status, again.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(again.body).toEqual(retry.body);
    // The request that lost the key (were it still alive) cannot overwrite or free the new holder's answer.
    await finishIdempotent(t.db, cme.clientId, 'crashed-batch', crashedAt, 500, { stale: true });
    await abandonIdempotent(t.db, cme.clientId, 'crashed-batch', crashedAt);
    const [row] = await t.db
      .select()
      .from(integrationIdempotency)
      .where(and(eq(integrationIdempotency.clientId, cme.clientId), eq(integrationIdempotency.key, 'crashed-batch')));
    expect([row!.statusCode, row!.response]).toEqual([200, retry.body]);
  });
});

describe('deleting, reading and the changes feed', () => {
  it('a delete that lowers a met year revokes its certificate; the feed shows the records and the certificate', async () => {
    const doctor = await buildProfessional(t.db, { unitId: health.id, name: '陈建国' });
    await creditPublic(t.db, doctor.id, 2024, 'compulsory');
    await creditPublic(t.db, doctor.id, 2024, 'elective');
    let start: string | undefined;
    for (let more = true; more;) {
      const page = await api.changes({ cursor: start, limit: 500 });
      start = page.body.nextCursor as string;
      more = page.body.hasMore as boolean;
    }
    const pushed = await api.upsertRecords([
      item({
        externalId: 'CME-DOC-1',
        idNumber: doctor.username,
        name: '陈建国',
        startDate: '2024-03-04',
        endDate: '2024-03-12',
        hours: 72,
      }),
    ]);
    expect(pushed.body.items[0].status).toBe('created');
    const met = await api.compliance(doctor.username, 2024);
    expect(met.body).toMatchObject({ name: '陈建国', met: true, professionalHours: 72, totalHours: 97 });

    setNow(new Date(new Date(NOW).getTime() + 60_000));
    const s = await t.app.deps.sessions.create(t.db, doctor.id, {});
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/certificates',
      headers: { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'ce', year: 2024 }),
    });
    expect(issued.statusCode, issued.body).toBe(200);

    setNow(new Date(new Date(NOW).getTime() + 120_000));
    const del = await api.deleteRecord('CME-DOC-1');
    expect(del.body).toEqual({ externalId: 'CME-DOC-1', status: 'deleted', certificatesRevoked: 1 });
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.accountId, doctor.id));
    expect(cert!.revokedAt).not.toBeNull();
    expect(cert!.revokeReason).toContain('广西卫生健康委继续医学教育学分系统撤回了学时记录 CME-DOC-1');
    expect((await api.deleteRecord('CME-DOC-1')).status).toBe(404);
    expect((await api.compliance(doctor.username, 2024)).body.met).toBe(false);

    const feed = await api.changes({ cursor: start });
    const mine = feed.body.changes.filter((c: { idNumber: string }) => c.idNumber === doctor.username);
    expect(mine.map((c: { type: string }) => c.type)).toEqual([
      'record.created',
      'certificate.issued',
      'record.deleted',
      'certificate.revoked',
    ]);
    // Paged: one at a time, the cursor carries on where the last page stopped.
    let cursor = start!;
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const page = await api.changes({ cursor, limit: 1 });
      seen.push(...page.body.changes.map((c: { type: string }) => c.type));
      cursor = page.body.nextCursor;
      if (!page.body.hasMore) break;
    }
    expect(seen).toEqual(feed.body.changes.map((c: { type: string }) => c.type));
    expect((await api.changes({ cursor: 'nonsense' })).status).toBe(400);
  });

  it('lowering hours by an update also revokes the year certificate', async () => {
    const p = await buildProfessional(t.db, { unitId: health.id, name: '罗秀英' });
    await creditPublic(t.db, p.id, 2024, 'compulsory');
    await creditPublic(t.db, p.id, 2024, 'elective');
    const rec = item({
      externalId: 'CME-LOW',
      idNumber: p.username,
      name: '罗秀英',
      startDate: '2024-03-04',
      endDate: '2024-03-12',
      hours: 72,
    });
    await api.upsertRecords([rec]);
    const s = await t.app.deps.sessions.create(t.db, p.id, {});
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/certificates',
      headers: { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'ce', year: 2024 }),
    });
    expect(issued.statusCode).toBe(200);
    const lower = await api.upsertRecords([{ ...rec, endDate: '2024-03-11', hours: 64 }]);
    expect(lower.body.items[0].status).toBe('updated');
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.accountId, p.id));
    expect(cert!.revokedAt).not.toBeNull();
  });

  it('reads compliance only for people in scope (OUT_OF_SCOPE) and answers 404 for an unknown number', async () => {
    const out = await api.compliance(architect.username, 2024);
    expect([out.status, out.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await api.compliance(idNumber(), 2024)).status).toBe(404);
    expect((await api.compliance(nurse.username, 2024)).status).toBe(200);
  });
});
