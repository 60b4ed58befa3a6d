import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_ROLES } from '../../src/auth/policy';
import { setNow } from '../../src/clock';
import { buildAccount, buildUnit } from '../factories';
import { trainingBody } from '../kits/hours';
import { accounts, hourEvidence, hourRecords } from '../../src/db/schema/index';
import {
  aRoleAllowedBy,
  buildWorld,
  createCatalogedApp,
  declaredAllows,
  errorOf,
  fillPath,
  GATE_FORBIDDEN,
  GATE_UNAUTHENTICATED,
  isGateRefusal,
  MATRIX_ROLES,
  type CatalogRoute,
  type MatrixRole,
} from './catalog';

/**
 * Every /api route × every role → the allow/deny its declared policy promises, enumerated from the
 * app itself (new routes are covered without editing this file); then in-scope vs out-of-scope
 * targets for the scoped resources (staff, hour records, evidence files) → 404, indistinguishable
 * from a target that does not exist.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
const { t, routes } = await createCatalogedApp();
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

const world = await buildWorld(t, '矩阵');
const { pA, pB, pC, identities } = world;
const headersFor = world.headersFor;

async function call(
  role: MatrixRole,
  method: CatalogRoute['method'],
  url: string,
  body?: unknown,
  extra: Record<string, string> = {},
  signed = false,
) {
  const payload =
    body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  // A machine route of the integration API is reached by the integration identity with a signature only.
  const identity =
    signed && role === 'integration'
      ? world.signedHeadersFor(method, url, payload === undefined ? '' : String(payload))
      : await headersFor(role);
  const headers = { ...identity, ...extra };
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return t.app.inject({ method, url, headers, payload });
}

const record = (over: Record<string, unknown> = {}) =>
  trainingBody({ title: '矩阵测试培训班', organizer: '主办单位', ...over });

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
function multipart(name: string, data: Buffer) {
  const boundary = '----ptcematrix' + Math.random().toString(16).slice(2);
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A draft with one evidence file and a record submitted to the unit, for each person; registered through the API. */
async function recordsOf(person: { id: number }) {
  const s = await t.app.deps.sessions.create(t.db, person.id, {});
  const h = { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
  const post = (url: string, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...h, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const draft = (await post('/api/hours/records', record())).json().id as number;
  const up = multipart('证明.pdf', pdf);
  const ev = await t.app.inject({
    method: 'POST',
    url: `/api/hours/records/${draft}/evidence`,
    headers: { ...h, 'content-type': up.contentType },
    payload: up.body,
  });
  if (ev.statusCode !== 201) throw new Error(`evidence upload failed: ${ev.statusCode} ${ev.body}`);
  const pending = (await post('/api/hours/records', record({ title: '待审核的培训' }))).json().id as number;
  const sub = await post('/api/hours/records/submit', { ids: [pending], target: 'unit' });
  if (sub.statusCode !== 200) throw new Error(`submit failed: ${sub.body}`);
  return { draft, evidence: ev.json().id as number, pending };
}
const recA = await recordsOf(pA);
const recB = await recordsOf(pB);
const recC = await recordsOf(pC);

/**
 * GET routes are called with existing targets (by parameter name); others with an id that exists nowhere, so allowed
 * calls change nothing.
 */
const EXISTING: Record<string, number> = {
  id: recA.draft,
  evidenceId: recA.evidence,
  year: 2024,
  courseId: 1,
  chapterId: 1,
  materialId: 1,
  attemptId: 1,
  questionId: 1,
  accountId: pA.id,
};
const existingFor = (route: CatalogRoute): Record<string, number> =>
  route.url.startsWith('/api/hours/evidence/')
    ? { ...EXISTING, id: recA.evidence }
    : route.url.startsWith('/api/hours/people/')
      ? { ...EXISTING, id: pA.id }
      : EXISTING;
const NOWHERE = 987654321;

describe('the route catalogue', () => {
  it('enumerates the API, and every route declares a well-formed policy', () => {
    expect(routes.length).toBeGreaterThan(30);
    const bad = routes.filter((r) => {
      const p = r.policy;
      if (!p || typeof p.name !== 'string' || !p.name) return true;
      if (p.kind === 'public') return false;
      if (p.kind !== 'roles') return true;
      return (
        p.roles !== 'any' &&
        (!Array.isArray(p.roles) || p.roles.length === 0 || p.roles.some((x) => !ALL_ROLES.includes(x)))
      );
    });
    expect(bad.map((r) => r.key)).toEqual([]);
  });

  it('matches the OpenAPI document at /api/docs/json: no undocumented route, no documented ghost', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/') && !p.startsWith('/api/docs'))
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => m !== 'head')
          .map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    // Fastify's "::" is a literal colon (hour-records::batch), documented as /hour-records:batch.
    expect([...documented].sort()).toEqual(routes.map((r) => r.key.replace(/::/g, ':')).sort());
  });

  it('covers the roles of the application', () => {
    expect(MATRIX_ROLES.filter((r) => r !== 'anonymous').sort()).toEqual([...ALL_ROLES].sort());
  });
});

describe('authorization matrix: every route × every role', () => {
  it.each(routes.map((r) => [r.key, r] as const))('%s', async (_key, route) => {
    const problems: string[] = [];
    const cells: string[] = [];
    for (const role of MATRIX_ROLES) {
      let expected = declaredAllows(route.policy!, role);
      const url = fillPath(
        route.url,
        route.method === 'GET' ? existingFor(route) : {},
        route.method === 'GET' ? 1 : NOWHERE,
      );
      const signed = route.policy!.kind === 'roles' && route.policy!.signed === true;
      const res = await call(role, route.method, url, route.method === 'GET' ? undefined : {}, {}, signed);
      if (expected && route.policy!.kind === 'roles' && route.policy!.when && role !== 'anonymous') {
        const actor = await t.app.deps.sessions.load(
          t.db,
          (await t.app.deps.sessions.create(t.db, identities[role], {})).token,
        );
        expected = route.policy!.when(actor!);
      }
      const e = errorOf(res);
      cells.push(`${role}:${res.statusCode}`);
      if (res.statusCode >= 500) problems.push(`${role}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (!expected) {
        const want =
          role === 'anonymous' ? { status: 401, ...GATE_UNAUTHENTICATED } : { status: 403, ...GATE_FORBIDDEN };
        if (res.statusCode !== want.status || e?.code !== want.code || e?.message !== want.message) {
          problems.push(
            `${role}: expected the policy gate to refuse with ${want.status} ${want.code}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      } else if (isGateRefusal(res) || e?.code === 'CSRF' || e?.code === 'PASSWORD_CHANGE_REQUIRED') {
        problems.push(
          `${role}: allowed by policy "${route.policy!.name}" but refused: ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
      }
    }
    expect(problems, cells.join(' ')).toEqual([]);
  });

  it('machine routes of the integration API take a signature, never a session: the integration identity signed in is refused', async () => {
    const signedRoutes = routes.filter((r) => r.policy?.kind === 'roles' && r.policy.signed);
    expect(signedRoutes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const route of signedRoutes) {
      const url = fillPath(route.url, EXISTING, NOWHERE);
      const res = await call('integration', route.method, url, route.method === 'GET' ? undefined : {});
      if (res.statusCode !== 401 || errorOf(res)?.code !== 'SIGNATURE_MISSING')
        problems.push(`${route.key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      const forged = await call('anonymous', route.method, url, undefined, {
        ...world.signedHeadersFor(route.method, url, ''),
        'x-ptce-signature': '0'.repeat(64),
      });
      if (forged.statusCode !== 401 || errorOf(forged)?.code !== 'SIGNATURE_MISMATCH')
        problems.push(`${route.key} forged: ${forged.statusCode} ${forged.body.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses with the gate before reading the body: a denied caller never learns the validation rules', async () => {
    // A body-taking route where a professional is denied: sending nonsense must still be 403, not 400.
    const route = routes.find((r) => r.key === 'POST /api/org/departments')!;
    expect(declaredAllows(route.policy!, 'professional')).toBe(false);
    const res = await call('professional', 'POST', route.url, '{"name":');
    expect([res.statusCode, errorOf(res)?.code]).toEqual([403, 'FORBIDDEN']);
    const anon = await call('anonymous', 'POST', route.url, { name: 12 });
    expect([anon.statusCode, errorOf(anon)?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a role allowed by the policy gets past the gate with a real answer for a GET with existing targets', async () => {
    // Sanity check that the matrix's "allowed" is not just "anything but 401/403": the record exists and is in scope.
    const res = await call(
      aRoleAllowedBy(routes.find((r) => r.key === 'GET /api/hours/records/:id')!.policy!),
      'GET',
      `/api/hours/records/${recA.draft}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(recA.draft);
  });
});

// ---- target scope -------------------------------------------------------------------------------------

type Person = 'A' | 'B' | 'C';
const people = { A: pA, B: pB, C: pC };
const recs = { A: recA, B: recB, C: recC };
/**
 * Who sees whom: A and B work in unit 1 (departments A and B, Nanning, supervised by authority Q); C in unit 2
 * (Liuzhou).
 */
const SCOPE: Partial<Record<MatrixRole, Person[]>> = {
  professional: ['A'],
  unit_account: ['A', 'B'],
  unit_admin: ['A', 'B'],
  dept_admin: ['A'],
  authority: ['A', 'B'],
  hr_bureau: ['A', 'B'],
  operator: ['A', 'B', 'C'],
};
const allowedRoles = (key: string) => {
  const route = routes.find((r) => r.key === key);
  if (!route) throw new Error(`route ${key} is gone; update the scope table`);
  return (Object.keys(SCOPE) as MatrixRole[]).filter((r) => declaredAllows(route.policy!, r));
};
const comparable = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json() });

async function snapshot() {
  return {
    records: await t.db.select().from(hourRecords).orderBy(hourRecords.id),
    evidence: await t.db.select().from(hourEvidence).orderBy(hourEvidence.id),
    people: await t.db
      .select()
      .from(accounts)
      .where(sql`${accounts.id} IN (${pA.id}, ${pB.id}, ${pC.id})`)
      .orderBy(accounts.id),
  };
}

describe('in-scope and out-of-scope targets', () => {
  it.each([
    [
      'GET /api/hours/records/:id',
      (p: Person) => `/api/hours/records/${recs[p].draft}`,
      `/api/hours/records/${NOWHERE}`,
    ],
    [
      'GET /api/hours/records/:id',
      (p: Person) => `/api/hours/records/${recs[p].pending}`,
      `/api/hours/records/${NOWHERE}`,
    ],
    [
      'GET /api/hours/evidence/:id',
      (p: Person) => `/api/hours/evidence/${recs[p].evidence}`,
      `/api/hours/evidence/${NOWHERE}`,
    ],
    [
      'GET /api/hours/people/:id/overview',
      (p: Person) => `/api/hours/people/${people[p].id}/overview`,
      `/api/hours/people/${NOWHERE}/overview`,
    ],
  ] as const)(
    '%s: 200 in scope; out of scope 404, the same answer as for a target that does not exist',
    async (key, urlOf, nowhere) => {
      const problems: string[] = [];
      for (const role of allowedRoles(key)) {
        const missing = comparable(await call(role, 'GET', nowhere));
        expect(missing.status).toBe(404);
        for (const p of ['A', 'B', 'C'] as Person[]) {
          const res = await call(role, 'GET', urlOf(p));
          const inScope = SCOPE[role]!.includes(p);
          if (inScope && res.statusCode !== 200)
            problems.push(`${role} → ${p}: expected 200, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          if (!inScope && JSON.stringify(comparable(res)) !== JSON.stringify(missing))
            problems.push(
              `${role} → ${p}: expected the 404 of a missing target, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('lists show only people in scope (审核, 审核结果, 登记, 学时查询, 人员)', async () => {
    type Page = { items: Array<{ accountId: number; id: number }> };
    const lists: Array<[string, (body: Page) => number[]]> = [
      ['GET /api/hours/review/queue', (b) => b.items.map((r) => r.accountId)],
      ['GET /api/hours/unit/results', (b) => b.items.map((r) => r.accountId)],
      ['GET /api/hours/unit/registrations', (b) => b.items.map((r) => r.accountId)],
      ['GET /api/hours/unit/person-years', (b) => b.items.map((r) => r.accountId)],
      ['GET /api/org/staff', (b) => b.items.map((r) => r.id)],
      ['GET /api/hours/my/records', (b) => b.items.map((r) => r.accountId)],
    ];
    const problems: string[] = [];
    const ids = new Map(Object.entries(people).map(([k, v]) => [v.id, k as Person]));
    for (const [key, idsOf] of lists) {
      for (const role of allowedRoles(key)) {
        const res = await call(role, 'GET', `${key.slice(4)}?pageSize=200`);
        if (res.statusCode !== 200) {
          problems.push(`${key} as ${role}: ${res.statusCode}`);
          continue;
        }
        const seen = idsOf(res.json())
          .filter((id) => ids.has(id))
          .map((id) => ids.get(id)!);
        const leaked = seen.filter((p) => !SCOPE[role]!.includes(p));
        if (leaked.length) problems.push(`${key} as ${role} shows ${[...new Set(leaked)].join(',')}`);
      }
    }
    // The review queue of the department admin holds A's pending record and nothing of B or C.
    const queue = (await call('dept_admin', 'GET', '/api/hours/review/queue?pageSize=200')).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toContain(recA.pending);
    expect(problems).toEqual([]);
  });

  it('every action on an out-of-scope record, evidence file or person answers like a missing target and changes nothing', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    const actions: Array<[string, CatalogRoute['method'], (p: Person) => string, unknown]> = [
      [
        'PUT /api/hours/records/:id',
        'PUT',
        (p) => `/api/hours/records/${recs[p].draft}`,
        record({ title: '越权修改' }),
      ],
      ['DELETE /api/hours/records/:id', 'DELETE', (p) => `/api/hours/records/${recs[p].draft}`, { reason: '越权删除' }],
      ['POST /api/hours/records/:id/withdraw', 'POST', (p) => `/api/hours/records/${recs[p].pending}/withdraw`, {}],
      [
        'DELETE /api/hours/records/:id/evidence/:evidenceId',
        'DELETE',
        (p) => `/api/hours/records/${recs[p].draft}/evidence/${recs[p].evidence}`,
        {},
      ],
      ['POST /api/hours/review/approve', 'POST', () => '/api/hours/review/approve', null],
      ['POST /api/hours/review/reject', 'POST', () => '/api/hours/review/reject', null],
      ['POST /api/hours/records/submit', 'POST', () => '/api/hours/records/submit', null],
      ['PATCH /api/org/staff/:id', 'PATCH', (p) => `/api/org/staff/${people[p].id}`, { phone: '13912345678' }],
      ['POST /api/org/staff/:id/reset-password', 'POST', (p) => `/api/org/staff/${people[p].id}/reset-password`, {}],
      [
        'POST /api/org/staff/:id/remove',
        'POST',
        (p) => `/api/org/staff/${people[p].id}/remove`,
        { reason: '越权移出' },
      ],
      ['POST /api/org/staff/:id/confirm', 'POST', (p) => `/api/org/staff/${people[p].id}/confirm`, {}],
    ];
    const batchBody = (key: string, id: number) =>
      key.endsWith('/submit')
        ? { ids: [id], target: 'unit' }
        : key.endsWith('/reject')
          ? { ids: [id], opinion: '越权' }
          : { ids: [id] };
    for (const [key, method, urlOf, body] of actions) {
      for (const role of allowedRoles(key)) {
        for (const p of (['A', 'B', 'C'] as Person[]).filter((x) => !SCOPE[role]!.includes(x))) {
          // The same request against a target that does not exist is the yardstick.
          const batch = body === null;
          const targetId = key.endsWith('/submit') ? recs[p].draft : recs[p].pending;
          const res = await call(role, method, urlOf(p), batch ? batchBody(key, targetId) : body);
          const missingUrl = urlOf(p).replace(/\/\d+/g, `/${NOWHERE}`);
          const missing = await call(role, method, missingUrl, batch ? batchBody(key, NOWHERE) : body);
          const a = comparable(res);
          const b = comparable(missing);
          // Batch answers name the id they refused; compare them with the id swapped.
          const norm = (x: { status: number; body: unknown }, id: number) =>
            JSON.stringify(x).replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), '<id>');
          if (norm(a, targetId) !== norm(b, NOWHERE))
            problems.push(
              `${key} as ${role} on ${p}: ${res.statusCode} ${res.body.slice(0, 140)} ≠ missing ${missing.statusCode} ${missing.body.slice(0, 140)}`,
            );
          if (!batch && res.statusCode !== 404)
            problems.push(`${key} as ${role} on ${p}: expected 404, got ${res.statusCode}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('重新生成初始密码 of a unit account: an HR bureau outside the unit’s region gets the answer of a missing unit and changes nothing', async () => {
    const key = 'POST /api/units/:id/account-password';
    expect(allowedRoles(key).sort()).toEqual(['hr_bureau', 'operator']);
    const foreignAccount = await buildAccount(t.db, { kind: 'unit_account', unitId: world.unit2.id });
    const out = await call('hr_bureau', 'POST', `/api/units/${world.unit2.id}/account-password`, {});
    const missing = await call('hr_bureau', 'POST', `/api/units/${NOWHERE}/account-password`, {});
    expect(out.statusCode).toBe(404);
    expect(comparable(out)).toEqual(comparable(missing));
    const [after] = await t.db.select().from(accounts).where(eq(accounts.id, foreignAccount.id));
    expect(after!.passwordHash).toBe(foreignAccount.passwordHash);
    // Within its region the bureau gets the new password (a unit of its own here: the world's unit account must stay
    // usable).
    const nanning = await buildUnit(t.db, { regionCode: '450103' });
    await buildAccount(t.db, { kind: 'unit_account', unitId: nanning.id });
    const inside = await call('hr_bureau', 'POST', `/api/units/${nanning.id}/account-password`, {});
    expect(inside.statusCode).toBe(200);
    expect(inside.json().password).toMatch(/^[A-Za-z2-9]{12}$/);
  });

  it('an out-of-scope evidence upload is refused without storing anything', async () => {
    for (const role of allowedRoles('POST /api/hours/records/:id/evidence')) {
      for (const p of (['A', 'B', 'C'] as Person[]).filter((x) => !SCOPE[role]!.includes(x))) {
        const before = await t.db.select().from(hourEvidence).where(eq(hourEvidence.recordId, recs[p].draft));
        const up = multipart('越权.pdf', pdf);
        const res = await call(role, 'POST', `/api/hours/records/${recs[p].draft}/evidence`, up.body, {
          'content-type': up.contentType,
        });
        expect([role, p, res.statusCode]).toEqual([role, p, 404]);
        expect(await t.db.select().from(hourEvidence).where(eq(hourEvidence.recordId, recs[p].draft))).toEqual(before);
      }
    }
  });
});

describe('年度计划管理', () => {
  const PLAN_ROUTES = [
    'GET /api/plans',
    'POST /api/plans',
    'GET /api/plans/:year',
    'PUT /api/plans/:year',
    'PUT /api/plans/:year/courses',
    'POST /api/plans/:year/publish',
    'GET /api/plans/:year/versions',
    'GET /api/plans/:year/reopenings',
    'POST /api/plans/:year/reopenings',
  ];
  it.each(PLAN_ROUTES)('%s: the operator only', (key) => {
    const route = routes.find((r) => r.key === key);
    expect(route, key).toBeDefined();
    expect(MATRIX_ROLES.filter((r) => declaredAllows(route!.policy!, r))).toEqual(['operator']);
  });
  it('GET /api/plans/notices: the professional only (what concerns them)', () => {
    const route = routes.find((r) => r.key === 'GET /api/plans/notices')!;
    expect(MATRIX_ROLES.filter((r) => declaredAllows(route.policy!, r))).toEqual(['professional']);
  });
});
