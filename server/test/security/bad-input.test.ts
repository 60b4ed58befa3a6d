import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { now, setNow } from '../../src/clock';
import { accounts, auditLog, departments, hourRecords } from '../../src/db/schema/index';
import { buildAccount, buildDepartment, buildProfessional, creditCode, idNumber } from '../factories';
import { nextClientAddress, solveCaptcha } from '../helpers';
import {
  aRoleAllowedBy,
  buildWorld,
  createCatalogedApp,
  diffCounts,
  errorOf,
  fillPath,
  rowCounts,
  type CatalogRoute,
  type MatrixRole,
} from './catalog';

/**
 * Every JSON route with a body (enumerated from the app), called by a role its policy admits:
 * malformed JSON, wrong types, missing fields, huge strings, unicode edge cases, SQL-injection and
 * XSS strings → a 4xx with {error:{code,message}}, never a 5xx, and a refusal writes nothing.
 * Query strings and path parameters of every route get the same treatment.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
const { t, routes } = await createCatalogedApp();
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

const world = await buildWorld(t, '坏输入');
const { unit1, deptA, pA } = world;
const NOWHERE = 987654321;

/** Strings a text field must survive: stored verbatim or refused with a 4xx — never a 5xx. */
const EVIL: Array<[string, string]> = [
  ['sql quote', "' OR '1'='1"],
  ['sql drop', "'; DROP TABLE accounts; --"],
  ['sql sleep', "1'; SELECT pg_sleep(3); --"],
  ['like wildcards', '%_\\%'],
  ['xss script', '<script>alert(1)</script>'],
  ['xss attribute', '"><img src=x onerror=alert(1)>'],
  ['lone high surrogate', 'a\uD800b'],
  ['RTL override', '\u202Etxt.exe'],
  ['RTL mark', '李\u200F四'],
  ['zero width', '\u200B\u200C\u200D\uFEFF'],
  ['emoji', '👨‍👩‍👧‍👦🀄🇨🇳'],
  ['NUL', 'a\u0000b'],
  ['control characters', '\u0001\u0007\u001B[31m\u007F'],
  ['combining marks', 'e' + '\u0301'.repeat(50)],
  ['astral CJK', '𠀀𠮷𪚥'],
  ['whitespace only', ' \t\u3000 '],
];
/**
 * Defects this suite found that are not fixed yet (see the closing note). Each must still
 * reproduce — the last test fails once one no longer does, so the entry gets removed with the fix.
 */
const KNOWN_DEFECTS: Array<{ route: RegExp; problem: RegExp; note: string }> = [];
const reproduced = new Set<number>();
function unknownProblems(routeKey: string, problems: string[]): string[] {
  return problems.filter((p) => {
    const i = KNOWN_DEFECTS.findIndex((d) => d.route.test(routeKey) && d.problem.test(p));
    if (i >= 0) reproduced.add(i);
    return i < 0;
  });
}

const NUMBERS: Array<[string, unknown]> = [
  ['negative', -1],
  ['zero', 0],
  ['fraction', 1.5],
  ['huge', 1e308],
  ['int4 overflow', 2147483648],
  // eslint-disable-next-line no-loss-of-precision -- on purpose: a JSON number past 2^53 that JavaScript rounds
  ['unsafe integer', 9007199254740993],
  ['numeric string', '12'],
];

// ---- valid bodies for the routes of the areas that exist now; other routes get one synthesized from their schema ----

const record = (over: Record<string, unknown> = {}) => ({
  activityType: 'training',
  title: '坏输入测试培训班',
  organizer: '主办单位',
  place: '南宁市',
  startDate: '2024-05-06',
  startHalf: 'am',
  endDate: '2024-05-07',
  endHalf: 'pm',
  remarks: '',
  declared: true,
  ...over,
});
async function insertRecord(accountId: number, status: 'draft' | 'pending') {
  const at = now();
  const [r] = await t.db
    .insert(hourRecords)
    .values({
      accountId,
      year: 2024,
      activityType: 'training',
      title: '预置记录',
      organizer: '主办单位',
      place: '南宁市',
      startDate: '2024-05-06',
      startHalf: 'am',
      endDate: '2024-05-07',
      endHalf: 'pm',
      hours: 16,
      remarks: '',
      declaredAt: at,
      status,
      source: 'self',
      unitId: unit1.id,
      reviewTarget: status === 'pending' ? 'unit' : null,
      submittedAt: status === 'pending' ? at : null,
      createdBy: accountId,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: hourRecords.id });
  return r!.id;
}
let n = 0;
type Base = { url: string; body: Record<string, unknown> };
const BASES: Record<string, () => Promise<Base>> = {
  'POST /api/test/clock': async () => ({ url: '/api/test/clock', body: { at: NOW, freeze: true } }),
  'POST /api/auth/login': async () => ({
    url: '/api/auth/login',
    body: { username: `nobody${++n}`, password: 'Wrong12345' },
  }),
  'POST /api/auth/register': async () => ({
    url: '/api/auth/register',
    body: {
      idNumber: idNumber(),
      name: '注册测试',
      phone: '13800138000',
      unitId: unit1.id,
      password: 'Abcdefg123',
      ...(await solveCaptcha(t.app)),
    },
  }),
  'PATCH /api/me/profile': async () => ({
    url: '/api/me/profile',
    body: { phone: '13800138001', email: 'a@example.com' },
  }),
  'POST /api/me/password': async () => ({
    url: '/api/me/password',
    body: { oldPassword: 'NotMine123', newPassword: 'NewPass2024' },
  }),
  'PUT /api/me/unit': async () => ({ url: '/api/me/unit', body: { unitId: unit1.id } }),
  // Each body another training: the same training registered twice is refused (409).
  'POST /api/hours/records': async () => ({
    url: '/api/hours/records',
    body: record({ title: `坏输入测试培训班${++n}` }),
  }),
  'PUT /api/hours/records/:id': async () => ({
    url: `/api/hours/records/${await insertRecord(pA.id, 'draft')}`,
    body: record({ title: `坏输入测试培训班${++n}` }),
  }),
  'DELETE /api/hours/records/:id': async () => ({
    url: `/api/hours/records/${await insertRecord(pA.id, 'draft')}`,
    body: { reason: '登记错误' },
  }),
  'POST /api/hours/records/submit': async () => ({
    url: '/api/hours/records/submit',
    body: { ids: [await insertRecord(pA.id, 'draft')], target: 'unit' },
  }),
  'POST /api/hours/review/approve': async () => ({
    url: '/api/hours/review/approve',
    body: { ids: [await insertRecord(pA.id, 'pending')], opinion: '同意' },
  }),
  'POST /api/hours/review/reject': async () => ({
    url: '/api/hours/review/reject',
    body: { ids: [await insertRecord(pA.id, 'pending')], opinion: '材料不全' },
  }),
  'POST /api/units': async () => ({
    url: '/api/units',
    body: { name: `坏输入新单位${++n}`, creditCode: creditCode(), regionCode: '450103' },
  }),
  'PATCH /api/units/:id': async () => ({ url: `/api/units/${unit1.id}`, body: { name: '坏输入南宁医院' } }),
  'POST /api/org/departments': async () => ({ url: '/api/org/departments', body: { name: `新部门${++n}` } }),
  'PATCH /api/org/departments/:id': async () => ({
    url: `/api/org/departments/${(await buildDepartment(t.db, unit1.id)).id}`,
    body: { name: `改名部门${++n}` },
  }),
  'POST /api/org/admins': async () => ({
    url: '/api/org/admins',
    body: { idNumber: idNumber(), name: '新管理员', phone: '13800138000' },
  }),
  'PATCH /api/org/admins/:id': async () => ({
    url: `/api/org/admins/${(await buildAccount(t.db, { kind: 'unit_admin', unitId: unit1.id, departmentId: deptA.id })).id}`,
    body: { name: '改名管理员' },
  }),
  'PATCH /api/org/staff/:id': async () => ({ url: `/api/org/staff/${world.pB.id}`, body: { phone: '13800138002' } }),
  'POST /api/org/staff/:id/remove': async () => ({
    url: `/api/org/staff/${(await buildProfessional(t.db, { unitId: unit1.id })).id}/remove`,
    body: { reason: '调离' },
  }),
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

function jsonSchemaOf(s: unknown): JsonSchema | null {
  try {
    const js = z.toJSONSchema(s as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    return js.anyOf?.find((x) => x.type === 'object') ?? js;
  } catch {
    return null;
  }
}
const typeOf = (s: JsonSchema | undefined): string | undefined => {
  if (!s) return undefined;
  if (s.const !== undefined) return typeof s.const;
  if (typeof s.type === 'string') return s.type;
  return s.anyOf?.map((x) => x.type).find((x) => typeof x === 'string' && x !== 'null') as string | undefined;
};

const CANDIDATE_STRINGS = [
  '2024-05-06',
  '13800138000',
  '450103',
  'Abcdefg123',
  'a@example.com',
  '2024-06-15T10:00:00+08:00',
  '测试内容',
  'abc',
];
/** A plausible value for a schema (first enum value, a string matching its pattern, the minimum…). */
function synth(s: JsonSchema | undefined): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf) return synth(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  switch (typeOf(s)) {
    case 'string': {
      const fits = (v: string) =>
        (!s.pattern || new RegExp(s.pattern).test(v)) &&
        v.length >= (s.minLength ?? 0) &&
        v.length <= (s.maxLength ?? Infinity);
      return (
        CANDIDATE_STRINGS.find(fits) ?? (s.format === 'date-time' ? NOW : 'x'.repeat(Math.max(1, s.minLength ?? 1)))
      );
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => synth(s.items));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, synth(v)]));
    default:
      return null;
  }
}

const bodyRoutes = routes.filter((r) => r.schema?.body && r.method !== 'GET');

async function baseFor(route: CatalogRoute): Promise<Base> {
  const known = BASES[route.key];
  if (known) return known();
  return {
    url: fillPath(route.url, { year: 2024 }, NOWHERE),
    body: (synth(jsonSchemaOf(route.schema!.body) ?? undefined) as Record<string, unknown>) ?? {},
  };
}

interface Sent {
  res: LightMyRequestResponse;
  written: string[];
}
async function send(
  route: CatalogRoute,
  role: MatrixRole,
  url: string,
  payload: string | undefined,
  contentType: string | null = 'application/json',
): Promise<Sent> {
  // A signed machine route (行业学时对接) is called as the integration client signs it: bad input must be refused after
  // the signature is checked, as for a session's request.
  const signed = route.policy?.kind === 'roles' && route.policy.signed === true;
  const headers = signed ? world.signedHeadersFor(route.method, url, payload ?? '') : await world.headersFor(role);
  if (contentType) headers['content-type'] = contentType;
  const before = await rowCounts(t.db);
  // A response the server abandons half-way (a stream that fails after its headers) rejects the inject.
  // Each probe from its own address, so failed logins do not delay the next probe.
  const res = await t.app
    .inject({ method: route.method, url, headers, payload, remoteAddress: nextClientAddress() })
    .catch(
      (e: Error) =>
        ({
          statusCode: 599,
          body: `response broken off: ${e.message}`,
          headers: {},
          json: () => null,
        }) as unknown as LightMyRequestResponse,
    );
  const after = await rowCounts(t.db);
  // A refused attempt may be audited as failed/denied (wrong old password, failed login) and a failed
  // login counts toward its username's and its address's failures, by design; anything else a refusal
  // writes is a defect.
  const ignore = [
    'audit_log',
    ...(route.key === 'POST /api/auth/login' ? ['login_failures', 'login_address_failures'] : []),
    // A signed call spends its nonce and counts toward the client's per-minute limit, refused or not.
    ...(signed ? ['integration_nonces', 'rate_limits'] : []),
  ];
  // (GETs are not checked for audit entries: an export audits itself after its stream ended, i.e. possibly during the
  // next request.)
  const newAudits = route.method === 'GET' ? 0 : (after.audit_log ?? 0) - (before.audit_log ?? 0);
  const audited =
    newAudits > 0
      ? await t.db
          .select({ action: auditLog.action, result: auditLog.result })
          .from(auditLog)
          .orderBy(sql`${auditLog.id} DESC`)
          .limit(newAudits)
      : [];
  const okAudits = audited.filter((a) => a.result === 'ok').map((a) => `audit ${a.action} ok`);
  return { res, written: [...diffCounts(before, after, ignore), ...okAudits] };
}

/** The rules every answer to bad input obeys. */
function judge(problems: string[], label: string, { res, written }: Sent, expect?: number[]) {
  const where = `${label} → ${res.statusCode}`;
  if (res.statusCode >= 500) return problems.push(`${where}: server error ${res.body.slice(0, 200)}`);
  if (expect && !expect.includes(res.statusCode))
    problems.push(`${where}: expected ${expect.join('/')} ${res.body.slice(0, 160)}`);
  if (res.statusCode >= 400) {
    const e = errorOf(res);
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !e.message.trim())
      problems.push(`${where}: no {error:{code,message}} body: ${res.body.slice(0, 160)}`);
    if (!String(res.headers['content-type']).startsWith('application/json'))
      problems.push(`${where}: content-type ${res.headers['content-type']}`);
    if (written.length) problems.push(`${where}: a refusal wrote ${written.join(', ')}`);
  }
}

describe('bad JSON bodies, every route with a body', () => {
  it('finds the body routes', () => {
    expect(bodyRoutes.length).toBeGreaterThan(15);
    // Routes of the areas that existed when this suite was written have a hand-made valid body.
    expect(Object.keys(BASES).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
  });

  it.each(bodyRoutes.map((r) => [r.key, r] as const))(
    '%s',
    async (_key, route) => {
      const role = aRoleAllowedBy(route.policy!);
      const schema = jsonSchemaOf(route.schema!.body);
      const problems: string[] = [];
      const probe = async (
        label: string,
        build: (b: Base) => string | undefined,
        opts: { contentType?: string | null; expect?: number[] } = {},
      ) => {
        const b = await baseFor(route);
        judge(
          problems,
          label,
          await send(
            route,
            role,
            b.url,
            build(b),
            opts.contentType === undefined ? 'application/json' : opts.contentType,
          ),
          opts.expect,
        );
      };

      // The valid body itself, to know whether field-level refusals below are due to the field.
      const b0 = await baseFor(route);
      const base = await send(route, role, b0.url, JSON.stringify(b0.body));
      judge(problems, 'valid body', base);
      // Field-level expectations only where the valid body is hand-made (synthesized ones may be refused for other
      // reasons).
      const baseAccepted = !!BASES[route.key] && base.res.statusCode !== 400;
      const strict = (codes: number[]) => (baseAccepted ? codes : undefined);

      // Malformed JSON, wrong media types, prototype pollution.
      for (const [label, text] of [
        ['truncated', '{"a":'],
        ['trailing comma', '{"a":1,}'],
        ['single quotes', "{'a':1}"],
        ['garbage after', '{}x'],
        ['deep nesting', '['.repeat(5000) + ']'.repeat(5000)],
        ['empty', ''],
      ] as const) {
        await probe(`malformed JSON (${label})`, () => text, { expect: [400] });
      }
      await probe('__proto__ key', (b) => JSON.stringify(b.body).replace(/^\{/, '{"__proto__":{"polluted":true},'), {
        expect: [400],
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await probe(
        'constructor.prototype key',
        (b) => JSON.stringify({ ...b.body, constructor: { prototype: { polluted: true } } }),
        { expect: [400] },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await probe('text/plain', (b) => JSON.stringify(b.body), { contentType: 'text/plain', expect: [400, 415] });
      await probe('form-urlencoded', () => 'a=1&b=2', {
        contentType: 'application/x-www-form-urlencoded',
        expect: [415],
      });
      await probe('no content-type', (b) => JSON.stringify(b.body), { contentType: null });

      // The whole body of the wrong type; an empty object; a body over the 1 MB limit.
      const nullable = !!z
        .toJSONSchema(route.schema!.body as z.ZodType, { io: 'input', unrepresentable: 'any' })
        .anyOf?.some((x) => (x as JsonSchema).type === 'null');
      for (const text of ['[]', '"text"', '42', 'true', ...(nullable ? [] : ['null'])])
        await probe(`body ${text}`, () => text, { expect: [400] });
      if (schema?.required?.length) await probe('{}', () => '{}', { expect: [400] });
      await probe('1.1 MB body', (b) => JSON.stringify({ ...b.body, pad: 'x'.repeat(1_100_000) }), { expect: [413] });

      // Field by field.
      for (const [field, fs] of Object.entries(schema?.properties ?? {})) {
        const type = typeOf(fs);
        const withField = (v: unknown) => (b: Base) => JSON.stringify({ ...b.body, [field]: v });
        if (schema?.required?.includes(field)) {
          await probe(
            `${field} missing`,
            (b) => JSON.stringify(Object.fromEntries(Object.entries(b.body).filter(([k]) => k !== field))),
            { expect: strict([400]) },
          );
        }
        const wrong =
          type === 'string'
            ? 12345
            : type === 'number' || type === 'integer'
              ? 'twelve'
              : type === 'boolean'
                ? 'yes'
                : type === 'array'
                  ? { 0: 1 }
                  : type === 'object'
                    ? 'text'
                    : undefined;
        if (wrong !== undefined) await probe(`${field} of the wrong type`, withField(wrong), { expect: strict([400]) });
        await probe(`${field} as an object`, withField({ $gt: '' }), {
          expect: type === 'object' ? undefined : strict([400]),
        });
        if (type === 'string') {
          await probe(`${field} 100 KB`, withField('长'.repeat(100_000 / 3)), { expect: strict([400]) });
          for (const [label, v] of EVIL) await probe(`${field} ${label}`, withField(v));
        }
        if (type === 'number' || type === 'integer')
          for (const [label, v] of NUMBERS) await probe(`${field} ${label}`, withField(v));
        if (type === 'array' && ['number', 'integer'].includes(typeOf(fs.items) ?? '')) {
          for (const [label, v] of NUMBERS) await probe(`${field} [${label}]`, withField([v]));
          await probe(`${field} with 10,000 items`, withField(Array.from({ length: 10_000 }, (_, i) => i + 1)), {
            expect: strict([400]),
          });
        }
      }
      expect(unknownProblems(route.key, problems)).toEqual([]);
      // A record's ten text fields take some 250 probes, each counting the rows of every table before and after.
    },
    120_000,
  );
});

describe('bad query strings and path parameters, every route', () => {
  const queryRoutes = routes.filter((r) => r.method === 'GET' && r.schema?.querystring);
  it.each(queryRoutes.map((r) => [r.key, r] as const))('query of %s', async (_key, route) => {
    const role = aRoleAllowedBy(route.policy!);
    const qs = jsonSchemaOf(route.schema!.querystring);
    const problems: string[] = [];
    const url = fillPath(route.url, { year: 2024 }, 1);
    const valid = Object.fromEntries(
      Object.entries(qs?.properties ?? {})
        .filter(([k]) => qs?.required?.includes(k))
        .map(([k, v]) => [k, String(synth(v))]),
    );
    const values: Array<[string, string]> = [
      ...EVIL,
      ['10 KB', '长'.repeat(3500)],
      ['not a number', 'abc'],
      ['negative', '-1'],
      ['huge number', '1e308'],
      ['int4 overflow', '2147483648'],
    ];
    for (const field of Object.keys(qs?.properties ?? {})) {
      for (const [label, v] of values) {
        const q = new URLSearchParams({ ...valid, [field]: v }).toString();
        judge(problems, `?${field}= ${label}`, await send(route, role, `${url}?${q}`, undefined, null));
      }
      const twice = new URLSearchParams({ ...valid });
      twice.append(field, 'a');
      twice.append(field, 'b');
      judge(problems, `?${field} given twice`, await send(route, role, `${url}?${twice}`, undefined, null));
    }
    expect(unknownProblems(route.key, problems)).toEqual([]);
  });

  const paramRoutes = routes.filter((r) => r.url.includes(':'));
  it.each(paramRoutes.map((r) => [r.key, r] as const))('path of %s', async (_key, route) => {
    const role = aRoleAllowedBy(route.policy!);
    const problems: string[] = [];
    // Values that cannot coerce to an id of the test data, so allowed calls change nothing.
    for (const v of [
      '0',
      '-1',
      '1.5',
      'abc',
      '1e9',
      '99999999999999999999',
      '2147483648',
      '%00',
      "1'%20OR%20'1'%3D'1",
      '..%2F..%2Fetc%2Fpasswd',
      '%F0%9F%80%84',
      '%ED%A0%80',
    ]) {
      const url = route.url.replace(/:(\w+)/g, v);
      judge(
        problems,
        `${url}`,
        await send(
          route,
          role,
          url,
          route.method === 'GET' ? undefined : '{}',
          route.method === 'GET' ? null : 'application/json',
        ),
        [400, 404, 415],
      );
    }
    expect(unknownProblems(route.key, problems)).toEqual([]);
  });
});

describe('hostile text that is accepted is stored and served verbatim, as JSON', () => {
  it('a name with <script> comes back as plain JSON text, with nosniff', async () => {
    const name = '<script>alert("矩")</script>李';
    const id = idNumber();
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        idNumber: id,
        name,
        phone: '13800138000',
        unitId: unit1.id,
        password: 'Abcdefg123',
        ...(await solveCaptcha(t.app)),
      }),
    });
    expect(reg.statusCode).toBe(201);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, reg.json().id));
    expect(row!.name).toBe(name);
    const s = await t.app.deps.sessions.create(t.db, row!.id, {});
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ptce_sid=${s.token}` } });
    expect(me.headers['content-type']).toMatch(/^application\/json/);
    expect(me.headers['x-content-type-options']).toBe('nosniff');
    expect(me.json().name).toBe(name);
    // The unit admin's staff list serves it the same way.
    const admin = await world.headersFor('unit_admin');
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/org/staff?q=${encodeURIComponent('<script>alert("矩")')}`,
      headers: admin,
    });
    expect(staff.headers['content-type']).toMatch(/^application\/json/);
    expect(staff.json().items.map((x: { name: string }) => x.name)).toEqual([name]);
  });

  it('an unknown /api path echoing markup answers JSON, not HTML', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).not.toContain('<script>');
  });

  it.each(
    EVIL.filter(([label]) => !['NUL', 'lone high surrogate', 'lone low surrogate', 'whitespace only'].includes(label)),
  )('a record titled with %s is stored and listed verbatim', async (_label, evil) => {
    const h = await world.headersFor('professional');
    const title = `培训${evil}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/hours/records',
      headers: { ...h, 'content-type': 'application/json' },
      payload: JSON.stringify(record({ title, remarks: evil })),
    });
    expect(res.statusCode).toBe(201);
    const got = (await t.app.inject({ method: 'GET', url: `/api/hours/records/${res.json().id}`, headers: h })).json();
    expect(got.title).toBe(title.trim());
    expect(got.remarks).toBe(evil.trim());
  });

  it('a department name with SQL and LIKE wildcards is one department, found only by itself', async () => {
    const h = { ...(await world.headersFor('unit_admin')), 'content-type': 'application/json' };
    const name = "财务'%_\\--";
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/org/departments',
          headers: h,
          payload: JSON.stringify({ name }),
        })
      ).statusCode,
    ).toBe(201);
    const rows = await t.db.select().from(departments).where(eq(departments.name, name));
    expect(rows).toHaveLength(1);
    // A name search for "%" or "_" matches names starting with that character, not every person (wildcards are
    // escaped).
    const everyone = (await t.app.inject({ method: 'GET', url: '/api/org/staff', headers: h })).json().total;
    for (const q of ['%', '_']) {
      const staff = await t.app.inject({
        method: 'GET',
        url: `/api/org/staff?q=${encodeURIComponent(q)}&pageSize=200`,
        headers: h,
      });
      expect(staff.statusCode).toBe(200);
      expect(staff.json().total).toBeLessThan(everyone);
      for (const p of staff.json().items) expect(p.name.startsWith(q)).toBe(true);
    }
  });
});

describe('known defects', () => {
  it('each listed defect still reproduces (remove the entry when it is fixed)', () => {
    expect(KNOWN_DEFECTS.filter((_d, i) => !reproduced.has(i)).map((d) => d.note)).toEqual([]);
  });
});
