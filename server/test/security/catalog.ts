import type { FastifyInstance, FastifyPluginAsync, FastifySchema } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Role } from '@ptce/contracts';
import type { Policy } from '../../src/auth/policy';
import type { Db } from '../../src/db/client';
import { integrationClients, integrationKeys, trainingBases } from '../../src/db/schema/index';
import { now } from '../../src/clock';
import { sign } from '../../src/modules/integration/index';
import { API_MODULES } from '../../src/modules/index';
import { buildAccount, buildAuthority, buildDepartment, buildProfessional, buildUnit } from '../factories';
import { createTestApp, type TestApp } from '../helpers';

/**
 * The security suite's view of the API: every route the app registers under /api, with its declared
 * policy and schema, collected by an onRoute hook while the real app is built. Routes added later by
 * any area are enumerated without editing the tests.
 */
export interface CatalogRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  policy: Policy | undefined;
  schema: FastifySchema | undefined;
  /** "POST /api/hours/records" */
  key: string;
}

export async function createCatalogedApp(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; routes: CatalogRoute[] }> {
  const routes: CatalogRoute[] = [];
  // Registered first inside the /api plugin and not encapsulated (skip-override), so its onRoute hook
  // is inherited by every area's plugin registered after it.
  const collector: FastifyPluginAsync = async (api: FastifyInstance) => {
    api.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) {
        if (m === 'HEAD' || m === 'OPTIONS') continue; // HEAD mirrors GET; nothing registers OPTIONS
        routes.push({
          method: m as CatalogRoute['method'],
          url: r.url,
          policy: r.config?.policy,
          schema: r.schema,
          key: `${m} ${r.url}`,
        });
      }
    });
  };
  (collector as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  API_MODULES.unshift(collector);
  let t: TestApp;
  try {
    t = await createTestApp(env);
  } finally {
    API_MODULES.splice(API_MODULES.indexOf(collector), 1);
  }
  return { t, routes };
}

/** The roles of the matrix. `anonymous` is the caller without a session. */
export const MATRIX_ROLES = [
  'anonymous',
  'professional',
  'unit_account',
  'unit_admin',
  'dept_admin',
  'authority',
  'hr_bureau',
  'base',
  'operator',
  'integration',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** Whether the declared policy lets this role through the gate (derived from the declaration, not from permits()). */
export function declaredAllows(policy: Policy, role: MatrixRole): boolean {
  if (policy.kind === 'public') return true;
  if (role === 'anonymous') return false;
  return policy.roles === 'any' || (policy.roles as readonly Role[]).includes(role);
}

/** The first role the route's policy admits (anonymous for public routes), to get past the gate. */
export function aRoleAllowedBy(policy: Policy): MatrixRole {
  if (policy.kind === 'public') return 'anonymous';
  if (policy.roles === 'any') return 'professional';
  const order: MatrixRole[] = [
    'professional',
    'unit_admin',
    'operator',
    'unit_account',
    'dept_admin',
    'authority',
    'hr_bureau',
    'base',
    'integration',
  ];
  return order.find((r) => (policy.roles as readonly Role[]).includes(r as Role))!;
}

// The gate's own refusals (http/auth-hooks.ts). Services may also answer 403 (e.g. "已通过认定的记录需由单位管理员删除"),
// so a policy refusal is recognised by code *and* message, not by status alone.
export const GATE_UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' };
export const GATE_FORBIDDEN = { code: 'FORBIDDEN', message: '无权访问此功能' };

export function errorOf(res: LightMyRequestResponse): { code?: string; message?: string; details?: unknown } | null {
  try {
    const body = res.json() as { error?: { code?: string; message?: string } };
    return body && typeof body === 'object' && body.error ? body.error : null;
  } catch {
    return null;
  }
}

export function isGateRefusal(res: LightMyRequestResponse): boolean {
  const e = errorOf(res);
  return (
    (res.statusCode === 401 && e?.code === GATE_UNAUTHENTICATED.code && e.message === GATE_UNAUTHENTICATED.message) ||
    (res.statusCode === 403 && e?.code === GATE_FORBIDDEN.code && e.message === GATE_FORBIDDEN.message)
  );
}

/** Path parameters are filled from this map by name, else with `fallback`. */
export function fillPath(url: string, values: Record<string, string | number>, fallback: string | number): string {
  // "::" is Fastify's literal colon (hour-records::batch is /hour-records:batch), not a parameter.
  return url
    .split('::')
    .map((part) => part.replace(/:(\w+)/g, (_m, name: string) => String(values[name] ?? fallback)))
    .join(':');
}

/** Row counts of every table of the application (one query), to prove a refusal wrote nothing. */
const unionOf = new WeakMap<object, string>();
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  let union = unionOf.get(db);
  if (!union) {
    const tables = (
      await db.execute(
        sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_migrations' ORDER BY 1`,
      )
    ).rows as Array<{ t: string }>;
    union = tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
    unionOf.set(db, union);
  }
  const rows = (await db.execute(sql.raw(union))).rows as Array<{ t: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

export function diffCounts(
  before: Record<string, number>,
  after: Record<string, number>,
  ignore: string[] = [],
): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => !ignore.includes(k) && before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

/**
 * Two units in two cities — unit 1 (Nanning, industry Q, supervised by authority Q) with departments A
 * and B, unit 2 (Liuzhou, industry M) — a professional in each department, and one account per role.
 */
export async function buildWorld(t: TestApp, tag: string) {
  const authorityQ = await buildAuthority(t.db, { name: `${tag}卫生健康委员会`, industryCode: 'Q' });
  const hrNanning = await buildAuthority(t.db, { name: `${tag}南宁市人社局`, kind: 'hr', regionCode: '450100' });
  const unit1 = await buildUnit(t.db, {
    name: `${tag}南宁医院`,
    regionCode: '450103',
    industryCode: 'Q',
    supervisingAuthorityId: authorityQ.id,
  });
  const unit2 = await buildUnit(t.db, { name: `${tag}柳州设计院`, regionCode: '450202', industryCode: 'M' });
  const deptA = await buildDepartment(t.db, unit1.id, '内科');
  const deptB = await buildDepartment(t.db, unit1.id, '外科');
  const deptC = await buildDepartment(t.db, unit2.id, '设计所');
  const pA = await buildProfessional(t.db, { unitId: unit1.id, departmentId: deptA.id, name: `${tag}甲` });
  const pB = await buildProfessional(t.db, { unitId: unit1.id, departmentId: deptB.id, name: `${tag}乙` });
  const pC = await buildProfessional(t.db, { unitId: unit2.id, departmentId: deptC.id, name: `${tag}丙` });
  const [base] = await t.db.select().from(trainingBases).limit(1);
  const identities: Record<Exclude<MatrixRole, 'anonymous'>, number> = {
    professional: pA.id,
    unit_account: (await buildAccount(t.db, { kind: 'unit_account', unitId: unit1.id })).id,
    unit_admin: (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit1.id })).id,
    dept_admin: (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit1.id, departmentId: deptA.id })).id,
    authority: (await buildAccount(t.db, { kind: 'authority', authorityId: authorityQ.id })).id,
    hr_bureau: (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: hrNanning.id })).id,
    base: (await buildAccount(t.db, { kind: 'base', baseId: base!.id })).id,
    operator: (await buildAccount(t.db, { kind: 'operator' })).id,
    integration: (await buildAccount(t.db, { kind: 'integration', realm: 'machine' })).id,
  };
  // The integration identity is an industry system's API client (scope: industry Q): machine routes take its
  // signature, never a session.
  const [client] = await t.db
    .insert(integrationClients)
    .values({
      accountId: identities.integration,
      name: `${tag}行业系统`,
      industryCodes: ['Q'],
      // The suites send every signed route several probes within a minute; the per-client limit (120 a minute by
      // default, integration.test.ts proves it) would answer 429 instead of what each probe is about.
      rateLimitPerMinute: 100_000,
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning({ id: integrationClients.id });
  const integrationKey = { keyId: `ptce_matrix${tag.length}${client!.id}`, secret: `matrix-secret-${tag}` };
  await t.db.insert(integrationKeys).values({ clientId: client!.id, ...integrationKey, createdAt: new Date() });
  let nonces = 0;
  /** The four signature headers of a request by the integration identity (docs/INTEGRATION.md). */
  const signedHeadersFor = (method: string, url: string, body: string): Record<string, string> => {
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = `matrixnonce${String(++nonces).padStart(8, '0')}${Date.now()}`;
    return {
      'x-ptce-key-id': integrationKey.keyId,
      'x-ptce-timestamp': timestamp,
      'x-ptce-nonce': nonce,
      'x-ptce-signature': sign(integrationKey.secret, { method, target: url, timestamp, nonce, body }),
    };
  };
  /** A fresh session per request, so a route that ends a session (logout) cannot spoil the next one. */
  const headersFor = async (role: MatrixRole): Promise<Record<string, string>> => {
    if (role === 'anonymous') return {};
    const s = await t.app.deps.sessions.create(t.db, identities[role], {});
    return { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
  };
  return {
    authorityQ,
    hrNanning,
    unit1,
    unit2,
    deptA,
    deptB,
    deptC,
    pA,
    pB,
    pC,
    identities,
    headersFor,
    signedHeadersFor,
    integrationKey,
  };
}
