import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/db/schema/index';
import { buildAccount, buildProfessional } from '../factories';
import { buildWorld, createCatalogedApp, diffCounts, errorOf, fillPath, rowCounts } from './catalog';

/**
 * First login: a professional or unit admin without phone and e-mail completes the profile before
 * anything else (附件1 二(一); issue 15 §3.6). The server enforces it on every route — not only the
 * web client — with PROFILE_INCOMPLETE, which the client turns into the completion page. Only the
 * routes needed to complete the profile stay open.
 */
const { t, routes } = await createCatalogedApp();
afterAll(() => t.close());
const world = await buildWorld(t, '完善');

const OPEN_DURING_COMPLETION = [
  'GET /api/me',
  'PATCH /api/me/profile',
  'POST /api/me/password',
  'POST /api/auth/logout',
  'GET /api/me/departments',
];

async function headersOf(accountId: number) {
  const s = await t.app.deps.sessions.create(t.db, accountId, {});
  return { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
}

describe('profile completion on the server', () => {
  it('declares exactly the routes needed to complete the profile as open', () => {
    const open = routes.filter((r) => r.policy?.kind === 'roles' && r.policy.duringProfileCompletion).map((r) => r.key);
    expect(open.sort()).toEqual([...OPEN_DURING_COMPLETION].sort());
  });

  it('a professional with neither phone nor e-mail gets 403 PROFILE_INCOMPLETE from every other route, and nothing is written', async () => {
    const p = await buildProfessional(t.db, { unitId: world.unit1.id, phone: null, email: null });
    const before = await rowCounts(t.db);
    const problems: string[] = [];
    for (const r of routes) {
      if (r.policy?.kind !== 'roles') continue;
      // A signed machine route (行业学时对接) takes no session at all: a person's session gets 403 FORBIDDEN there.
      if (r.policy.signed) {
        const res = await t.app.inject({
          method: r.method,
          url: fillPath(r.url, {}, 1),
          headers: await headersOf(p.id),
        });
        if (res.statusCode !== 403 || errorOf(res)?.code !== 'FORBIDDEN') {
          problems.push(`${r.key}: a session on a signed route, expected 403 FORBIDDEN, got ${res.statusCode}`);
        }
        continue;
      }
      const url = fillPath(r.url, {}, 1);
      const res = await t.app.inject({
        method: r.method,
        url,
        headers: {
          ...(await headersOf(p.id)),
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
        },
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : '{}',
      });
      const code = errorOf(res)?.code;
      if (OPEN_DURING_COMPLETION.includes(r.key)) {
        if (code === 'PROFILE_INCOMPLETE') problems.push(`${r.key}: refused, but it is needed to complete the profile`);
      } else if (res.statusCode !== 403 || code !== 'PROFILE_INCOMPLETE') {
        problems.push(`${r.key}: expected 403 PROFILE_INCOMPLETE, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(diffCounts(before, await rowCounts(t.db), ['sessions', 'audit_log'])).toEqual([]);
  });

  it('the message tells what to do; completing phone and e-mail opens the system at once, in the same session', async () => {
    const p = await buildProfessional(t.db, { unitId: world.unit1.id, phone: null, email: null });
    const h = await headersOf(p.id);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/hours/my/records', headers: h });
    expect([blocked.statusCode, blocked.json().error]).toEqual([
      403,
      { code: 'PROFILE_INCOMPLETE', message: '请先完善手机号码和电子邮箱' },
    ]);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: h });
    expect(me.json()).toMatchObject({ profileComplete: false });
    // Phone alone is not enough (the completion page asks for both).
    const phoneOnly = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { ...h, 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: '13907712345' }),
    });
    expect(phoneOnly.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/hours/my/records', headers: h })).json().error.code).toBe(
      'PROFILE_INCOMPLETE',
    );
    const done = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { ...h, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'wei.hong@example.cn' }),
    });
    expect(done.json()).toMatchObject({ profileComplete: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/hours/my/records', headers: h })).statusCode).toBe(200);
  });

  it('applies to unit admins too, and not to accounts without contact duties (operator) or to complete profiles', async () => {
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: world.unit1.id, email: null });
    const r = await t.app.inject({ method: 'GET', url: '/api/org/staff', headers: await headersOf(admin.id) });
    expect([r.statusCode, r.json().error?.code]).toEqual([403, 'PROFILE_INCOMPLETE']);
    await t.db.update(accounts).set({ email: 'admin@example.cn' }).where(eq(accounts.id, admin.id));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/org/staff', headers: await headersOf(admin.id) })).statusCode,
    ).toBe(200);
    const op = await buildAccount(t.db, { kind: 'operator', phone: null, email: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: await headersOf(op.id) })).statusCode).toBe(
      200,
    );
  });

  it('a pending password change comes first: PASSWORD_CHANGE_REQUIRED before PROFILE_INCOMPLETE', async () => {
    const p = await buildProfessional(t.db, {
      unitId: world.unit1.id,
      phone: null,
      email: null,
      mustChangePassword: true,
    });
    const r = await t.app.inject({ method: 'GET', url: '/api/hours/my/records', headers: await headersOf(p.id) });
    expect(r.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
