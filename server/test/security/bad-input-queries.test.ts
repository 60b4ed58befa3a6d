import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, departments } from '../../src/db/schema/index';
import { idNumber } from '../factories';
import { solveCaptcha } from '../helpers';
import {
  EVIL,
  jsonSchemaOf,
  judge,
  record,
  routes,
  send,
  synth,
  t,
  unit1,
  unknownProblems,
  unreproducedDefects,
  world,
} from './bad-input-kit';
import { aRoleAllowedBy, fillPath } from './catalog';

/**
 * Query strings and path parameters of every route (enumerated from the app), called by a role its policy admits,
 * get what bodies get in bad-input-bodies: SQL-injection and XSS strings, unicode edge cases, huge and repeated
 * values → never a 5xx, and a refusal writes nothing (bad-input-kit). Hostile text that is accepted is served back
 * verbatim, as JSON.
 */
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
  it('each listed defect of a query or path still reproduces (remove the entry when it is fixed)', () => {
    expect(unreproducedDefects('queries')).toEqual([]);
  });
});
