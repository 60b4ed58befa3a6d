import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeEach } from 'vitest';
import { z } from 'zod';
import { now, setNow } from '../../src/clock';
import { auditLog, hourRecords } from '../../src/db/schema/index';
import { buildAccount, buildDepartment, buildProfessional, creditCode, idNumber } from '../factories';
import { nextClientAddress, solveCaptcha } from '../helpers';
import { trainingBody } from '../kits/hours';
import {
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
 * What the bad-input suites share (bad-input-bodies, bad-input-queries): every JSON route with a body (enumerated
 * from the app), called by a role its policy admits, with malformed JSON, wrong types, missing fields, huge strings,
 * unicode edge cases, SQL-injection and XSS strings → a 4xx with {error:{code,message}}, never a 5xx, and a refusal
 * writes nothing. Query strings and path parameters of every route get the same treatment.
 *
 * Importing it builds the app and its world for the importing test file (each file runs in its own process), and
 * registers the file's hooks. The two halves are separate files so that the test workers run them side by side.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
export const { t, routes } = await createCatalogedApp();
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

export const world = await buildWorld(t, '坏输入');
export const { unit1, deptA, pA } = world;
export const NOWHERE = 987654321;

/** Strings a text field must survive: stored verbatim or refused with a 4xx — never a 5xx. */
export const EVIL: Array<[string, string]> = [
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
/** Which of the two files probes a defect: bad-input-bodies or bad-input-queries. */
export type Probes = 'bodies' | 'queries';
/**
 * Defects these suites found that are not fixed yet (see the closing note). Each must still
 * reproduce — the file's last test fails once one no longer does, so the entry gets removed with the fix.
 */
const KNOWN_DEFECTS: Array<{ probes: Probes; route: RegExp; problem: RegExp; note: string }> = [];
const reproduced = new Set<number>();
export function unknownProblems(routeKey: string, problems: string[]): string[] {
  return problems.filter((p) => {
    const i = KNOWN_DEFECTS.findIndex((d) => d.route.test(routeKey) && d.problem.test(p));
    if (i >= 0) reproduced.add(i);
    return i < 0;
  });
}
/** The notes of the file's known defects that its probes did not reproduce. */
export const unreproducedDefects = (probes: Probes) =>
  KNOWN_DEFECTS.filter((d, i) => d.probes === probes && !reproduced.has(i)).map((d) => d.note);

export const NUMBERS: Array<[string, unknown]> = [
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

export const record = (over: Record<string, unknown> = {}) =>
  trainingBody({ title: '坏输入测试培训班', organizer: '主办单位', ...over });
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
export type Base = { url: string; body: Record<string, unknown> };
export const BASES: Record<string, () => Promise<Base>> = {
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

export type JsonSchema = {
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

export function jsonSchemaOf(s: unknown): JsonSchema | null {
  try {
    const js = z.toJSONSchema(s as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    return js.anyOf?.find((x) => x.type === 'object') ?? js;
  } catch {
    return null;
  }
}
export const typeOf = (s: JsonSchema | undefined): string | undefined => {
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
export function synth(s: JsonSchema | undefined): unknown {
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

export const bodyRoutes = routes.filter((r) => r.schema?.body && r.method !== 'GET');

export async function baseFor(route: CatalogRoute): Promise<Base> {
  const known = BASES[route.key];
  if (known) return known();
  return {
    url: fillPath(route.url, { year: 2024 }, NOWHERE),
    body: (synth(jsonSchemaOf(route.schema!.body) ?? undefined) as Record<string, unknown>) ?? {},
  };
}

export interface Sent {
  res: LightMyRequestResponse;
  written: string[];
}
export async function send(
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
export function judge(problems: string[], label: string, { res, written }: Sent, expect?: number[]) {
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
