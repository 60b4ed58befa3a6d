import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { usernameKey } from '../../src/modules/auth/index';
import { advance, resetClock, setNow } from '../../src/clock';
import { auditLog, loginFailures, sessions } from '../../src/db/schema/index';
import { buildProfessional, idNumber, PASSWORD } from '../factories';
import { createTestApp, loggedIn } from '../helpers';
import { aRoleAllowedBy, buildWorld, createCatalogedApp, diffCounts, errorOf, fillPath, rowCounts } from './catalog';

/**
 * Sessions beyond what auth.test.ts covers (rotation at re-login, hashed storage, 30-minute idle
 * expiry, logout of GET /me, CSRF on one route): planted
 * cookies, CSRF on every state-changing route, expired and logged-out cookies on writes, and the
 * login-failure count under a concurrent burst.
 */
const { t, routes } = await createCatalogedApp();
afterAll(async () => t.close());
afterEach(() => resetClock());
const world = await buildWorld(t, '会话');

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  res.cookies.find((c) => c.name === 'ptce_sid')?.value;
const me = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ptce_sid=${cookie}` } });

describe('fixation: a cookie planted before login is never adopted', () => {
  it('an attacker-chosen cookie value is replaced at login and authenticates nobody', async () => {
    const p = await buildProfessional(t.db);
    const planted = 'attacker-chosen-session-value-0123456789';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `ptce_sid=${planted}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ username: p.username, password: PASSWORD }),
    });
    expect(login.statusCode).toBe(200);
    const issued = cookieOf(login)!;
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(issued)).json().id).toBe(p.id);
  });

  it('the attacker’s own live session planted in the victim’s browser is ended by the victim’s login, not bound to the victim', async () => {
    const attacker = await buildProfessional(t.db);
    const victim = await buildProfessional(t.db);
    const a = await loggedIn(t, attacker.username, PASSWORD);
    const plantedCookie = a.cookie!.split('=')[1]!;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `ptce_sid=${plantedCookie}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ username: victim.username, password: PASSWORD }),
    });
    expect(login.statusCode).toBe(200);
    const victimCookie = cookieOf(login)!;
    expect(victimCookie).not.toBe(plantedCookie);
    // The planted token is gone: it neither reaches the victim's account nor the attacker's any more.
    expect((await me(plantedCookie)).statusCode).toBe(401);
    expect((await me(victimCookie)).json().id).toBe(victim.id);
  });

  it('an oversized or malformed cookie is ignored, not an error', async () => {
    for (const v of ['x'.repeat(5000), '%00%ff', '"quoted"', '']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ptce_sid=${v}` } });
      expect([v.slice(0, 10), res.statusCode]).toEqual([v.slice(0, 10), 401]);
    }
  });
});

describe('CSRF on every state-changing route', () => {
  // Signed machine routes (行业学时对接) take no session and no CSRF token: the request signature covers method, path,
  // time, nonce and body; their refusals are tested in modules/integration/integration.test.ts.
  const writes = routes.filter((r) => r.method !== 'GET' && !(r.policy?.kind === 'roles' && r.policy.signed));

  it.each(writes.map((r) => [r.key, r] as const))(
    '%s refuses a missing or foreign token and a cross-origin request, writing nothing',
    async (_key, route) => {
      const role = aRoleAllowedBy(route.policy!);
      const url = fillPath(route.url, { year: 2024 }, 987654321);
      const problems: string[] = [];
      const attempt = async (
        label: string,
        headers: Record<string, string>,
        want: { status: number; code: string },
      ) => {
        const before = await rowCounts(t.db);
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: { 'content-type': 'application/json', host: 'ptce.example.cn', ...headers },
          payload: '{}',
        });
        const written = diffCounts(before, await rowCounts(t.db));
        if (res.statusCode !== want.status || errorOf(res)?.code !== want.code)
          problems.push(
            `${label}: expected ${want.status} ${want.code}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        if (written.length) problems.push(`${label}: wrote ${written.join(', ')}`);
      };
      const csrf = { status: 403, code: 'CSRF' };
      if (role !== 'anonymous') {
        const own = await world.headersFor(role);
        const other = await world.headersFor(role); // a second, valid session of the same account
        await attempt('no token', { cookie: own.cookie! }, csrf);
        await attempt('empty token', { cookie: own.cookie!, 'x-csrf-token': '' }, csrf);
        await attempt(
          'token of another session',
          { cookie: own.cookie!, 'x-csrf-token': other['x-csrf-token']! },
          csrf,
        );
        await attempt(
          'token as a cookie instead of a header',
          { cookie: `${own.cookie!}; x-csrf-token=${own['x-csrf-token']}` },
          csrf,
        );
        for (const origin of [
          'https://evil.example.com',
          'null',
          'http://ptce.example.cn.evil.com',
          'http://ptce.example.cn:8443',
        ]) {
          await attempt(`Origin ${origin}`, { ...own, origin }, csrf);
        }
      } else {
        // Public writes (login, registration) have no session to protect, but a foreign page must not drive them
        // (login CSRF).
        for (const origin of ['https://evil.example.com', 'null']) await attempt(`Origin ${origin}`, { origin }, csrf);
      }
      expect(problems).toEqual([]);
    },
  );

  it('a same-origin request with the session’s token gets through (the refusals above are not blanket refusals)', async () => {
    const h = await world.headersFor('professional');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { ...h, host: 'ptce.example.cn', origin: 'http://ptce.example.cn', 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: '13912345678' }),
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('expired and logged-out cookies', () => {
  it('an expired session is deleted on the server: turning the clock back does not revive it', async () => {
    const p = await buildProfessional(t.db);
    setNow('2026-03-01T08:00:00+08:00', { freeze: true });
    const c = await loggedIn(t, p.username, PASSWORD);
    advance(31 * 60_000);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.accountId, p.id))).toHaveLength(0);
    setNow('2026-03-01T08:00:00+08:00', { freeze: true });
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('an expired cookie with its CSRF token cannot write', async () => {
    const p = await buildProfessional(t.db);
    setNow('2026-03-01T08:00:00+08:00', { freeze: true });
    const c = await loggedIn(t, p.username, PASSWORD);
    advance(31 * 60_000);
    const res = await c.patch('/api/me/profile', { phone: '13912345678' });
    expect([res.statusCode, errorOf(res)?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a logged-out cookie with its CSRF token cannot write; logout itself needs the token', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const forged = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect([forged.statusCode, errorOf(forged)?.code]).toEqual([403, 'CSRF']);
    expect((await c.get('/api/me')).statusCode).toBe(200); // a cross-site logout did not happen
    const cookie = c.cookie;
    const csrf = c.csrf;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = t.client();
    replay.cookie = cookie;
    replay.csrf = csrf;
    const res = await replay.patch('/api/me/profile', { phone: '13912345678' });
    expect([res.statusCode, errorOf(res)?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('logging out one browser leaves the person’s other sessions alone, and the cookie is cleared', async () => {
    const p = await buildProfessional(t.db);
    const a = await loggedIn(t, p.username, PASSWORD);
    const b = await loggedIn(t, p.username, PASSWORD);
    const out = await a.post('/api/auth/logout');
    const cleared = out.cookies.find((x) => x.name === 'ptce_sid');
    expect(cleared?.value).toBe('');
    expect((await b.get('/api/me')).statusCode).toBe(200);
  });
});

describe('login failures (no lock: a captcha after 3)', () => {
  it('counts ID-number case and login tabs as one username', async () => {
    const id = idNumber();
    const withX = id.slice(0, 17) + 'X';
    await buildProfessional(t.db, { idNumber: withX, username: withX });
    for (const [u, realm] of [
      [withX, 'person'],
      [withX.toLowerCase(), 'unit'],
      [` ${withX.toLowerCase()} `, undefined],
    ] as const) {
      expect((await t.client().login(u, 'Wrong1234', realm, { captcha: false })).statusCode).toBe(401);
    }
    const res = await t.client().login(withX, PASSWORD, 'person', { captcha: false });
    expect([res.statusCode, errorOf(res)?.code]).toEqual([401, 'CAPTCHA_REQUIRED']);
  });

  // Each attempt is counted before its check, so a concurrent burst cannot get more unchallenged
  // guesses than the three the captcha allows.
  it('a concurrent burst of wrong passwords gets no more than 3 guesses checked without a captcha', async () => {
    const p = await buildProfessional(t.db);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => t.client().login(p.username, 'Wrong1234', undefined, { captcha: false })),
    );
    const checked = burst.filter((r) => errorOf(r)?.code === 'INVALID_CREDENTIALS').length;
    const refused = burst.filter((r) => errorOf(r)?.code === 'CAPTCHA_REQUIRED').length;
    expect(checked + refused).toBe(20);
    expect(checked).toBeLessThanOrEqual(3);
  });

  it('after a concurrent burst the right password still gets in, with a captcha', async () => {
    const p = await buildProfessional(t.db);
    await Promise.all(
      Array.from({ length: 20 }, () => t.client().login(p.username, 'Wrong1234', undefined, { captcha: false })),
    );
    const [row] = await t.db
      .select()
      .from(loginFailures)
      .where(eq(loginFailures.usernameKey, usernameKey(p.username)));
    expect(row?.failures).toBeGreaterThanOrEqual(3);
    expect(errorOf(await t.client().login(p.username, PASSWORD, undefined, { captcha: false }))?.code).toBe(
      'CAPTCHA_REQUIRED',
    );
    expect((await t.client().login(p.username, PASSWORD, undefined, { captcha: true })).statusCode).toBe(200);
  });
});

describe('login failures and legitimate concurrency', () => {
  // Concurrent correct logins are counted while in flight; those past the count are asked for a
  // captcha (answered here), never refused for good, and nothing is recorded as a failure.
  it('concurrent correct logins of one person all get in and leave no failure behind', async () => {
    const p = await buildProfessional(t.db);
    const results = await Promise.all(Array.from({ length: 12 }, () => t.client().login(p.username, PASSWORD)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.captcha_required'), eq(auditLog.targetId, String(p.id))));
    expect(audits).toEqual([]);
    expect((await t.client().login(p.username, PASSWORD, undefined, { captcha: false })).statusCode).toBe(200);
  });
});

describe('production cookies', () => {
  it('are Secure, HttpOnly and SameSite=Lax when NODE_ENV=production', async () => {
    const prod = await createTestApp({ NODE_ENV: 'production', ENABLE_TEST_CLOCK: 'false' });
    try {
      const p = await buildProfessional(prod.db);
      const res = await prod.client().login(p.username, PASSWORD);
      const cookie = res.cookies.find((c) => c.name === 'ptce_sid')!;
      expect({
        secure: cookie.secure,
        httpOnly: cookie.httpOnly,
        sameSite: cookie.sameSite,
        path: cookie.path,
      }).toEqual({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      // And the test clock does not exist there.
      expect(
        (
          await prod.app.inject({
            method: 'POST',
            url: '/api/test/clock',
            headers: { 'content-type': 'application/json' },
            payload: '{"at":null}',
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
