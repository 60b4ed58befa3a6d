import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, resetClock } from '../../clock';
import { accounts, auditLog, sessions } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const errorOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const auditsOf = async (action: string) => await t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('login (登录)', () => {
  it('logs a professional in with the ID number and returns the session cookie and /api/me', async () => {
    const unit = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id, name: '黄振华' });
    const c = t.client();
    const res = await c.login(p.username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'ptce_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = (await c.get('/api/me')).json();
    expect(me).toMatchObject({ kind: 'professional', roles: ['professional'], name: '黄振华', unit: { id: unit.id } });
    expect(me.idNumberMasked).toBe(`${p.username.slice(0, 6)}********${p.username.slice(-4)}`);
    expect(JSON.stringify(me)).not.toContain(p.username);
  });

  it('accepts a lowercase x in an ID-number username', async () => {
    const p = await buildProfessional(t.db, { idNumber: '11010519491231002X', username: '11010519491231002X' });
    expect((await t.client().login('11010519491231002x', PASSWORD)).statusCode).toBe(200);
    expect(p.id).toBeGreaterThan(0);
  });

  it('gives one message for a wrong password and for an unknown user', async () => {
    const p = await buildProfessional(t.db);
    const wrong = await t.client().login(p.username, 'Wrong1234');
    const unknown = await t.client().login('450102199001010000', 'Wrong1234');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    expect(wrong.cookies.find((x) => x.name === 'ptce_sid')).toBeUndefined();
  });

  it('keeps the login tabs apart: a unit admin login is not a professional login', async () => {
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: (await buildUnit(t.db)).id });
    expect((await t.client().login(admin.username, PASSWORD, 'person')).statusCode).toBe(401);
    expect((await t.client().login(admin.username, PASSWORD, 'unit')).statusCode).toBe(200);
  });

  // More on failures (captcha, per-address delay, no lock) in test/security/login-throttle.test.ts.
  it('asks for a captcha after 3 failures on unknown usernames too, so it reveals nothing', async () => {
    for (let i = 0; i < 3; i++)
      expect(errorOf(await t.client().login('ghost-user', 'Wrong1234', 'authority', { captcha: false }))).toBe(
        'INVALID_CREDENTIALS',
      );
    expect(errorOf(await t.client().login('ghost-user', 'Wrong1234', 'authority', { captcha: false }))).toBe(
      'CAPTCHA_REQUIRED',
    );
  });

  it('a success resets the failure count', async () => {
    const p = await buildProfessional(t.db);
    for (let i = 0; i < 3; i++) await t.client().login(p.username, 'Wrong1234', undefined, { captcha: false });
    expect((await t.client().login(p.username, PASSWORD, undefined, { captcha: true })).statusCode).toBe(200);
    for (let i = 0; i < 3; i++)
      expect(errorOf(await t.client().login(p.username, 'Wrong1234', undefined, { captcha: false }))).toBe(
        'INVALID_CREDENTIALS',
      );
    expect(errorOf(await t.client().login(p.username, PASSWORD, undefined, { captcha: false }))).toBe(
      'CAPTCHA_REQUIRED',
    );
  });

  it('refuses an account whose login is disabled', async () => {
    const admin = await buildAccount(t.db, {
      kind: 'unit_admin',
      unitId: (await buildUnit(t.db)).id,
      loginEnabled: false,
    });
    const res = await t.client().login(admin.username, PASSWORD, 'unit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('LOGIN_DISABLED');
  });

  it('writes audit entries for login success and failure with the IP', async () => {
    const p = await buildProfessional(t.db);
    await t.client().login(p.username, 'Wrong1234');
    await t.client().login(p.username, PASSWORD);
    const entries = (await auditsOf('auth.login')).filter((a) => a.targetId === String(p.id));
    expect(entries.map((e) => e.result).sort()).toEqual(['failed', 'ok']);
    expect(entries.every((e) => e.ip)).toBe(true);
  });

  it('refuses a body that is not JSON, and malformed JSON, with a message', async () => {
    const c = t.client();
    const form = await c.request('POST', '/api/auth/login', 'username=a&password=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
    const broken = await c.request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBeTruthy();
    const missing = await c.post('/api/auth/login', { username: 'a' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('password');
  });
});

describe('sessions', () => {
  it('rotates the session id at login (no fixation)', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const first = c.cookie;
    await c.login(p.username, PASSWORD);
    expect(c.cookie).not.toBe(first);
    const stale = t.client();
    stale.cookie = first;
    expect((await stale.get('/api/me')).statusCode).toBe(401);
  });

  it('stores only a keyed hash of the session token', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const token = c.cookie!.split('=')[1]!;
    const rows = await t.db.select().from(sessions).where(eq(sessions.accountId, p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
  });

  it('expires after 30 idle minutes', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    advance(29 * 60_000);
    try {
      expect((await c.get('/api/me')).statusCode).toBe(200);
      advance(29 * 60_000); // activity above restarted the idle window
      expect((await c.get('/api/me')).statusCode).toBe(200);
      advance(31 * 60_000);
      const res = await c.get('/api/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    } finally {
      resetClock();
    }
  });

  it('moves the idle window at most once a minute, and never for an expired session', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const seen = async () =>
      (await t.db.select().from(sessions).where(eq(sessions.accountId, p.id)))[0]?.lastSeenAt.getTime();
    const first = await seen();
    try {
      advance(50_000);
      expect((await c.get('/api/me')).statusCode).toBe(200);
      expect(await seen()).toBe(first); // within the minute: no write
      advance(20_000);
      expect((await c.get('/api/me')).statusCode).toBe(200);
      expect(await seen()).toBeGreaterThanOrEqual(first! + 70_000); // the clock keeps ticking
      expect(await seen()).toBeLessThan(first! + 80_000);
      advance(31 * 60_000);
      expect((await c.get('/api/me')).statusCode).toBe(401);
      expect(await seen()).toBeUndefined(); // deleted, not revived by a touch
    } finally {
      resetClock();
    }
  });

  it('logout ends the session; the old cookie no longer works', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = t.client();
    replay.cookie = cookie;
    expect((await replay.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, with a forged one, or from another origin', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const none = await c.request('PATCH', '/api/me/profile', { phone: '13900000000' }, { 'x-csrf-token': '' });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('CSRF');
    const forged = await c.request(
      'PATCH',
      '/api/me/profile',
      { phone: '13900000000' },
      { 'x-csrf-token': 'A'.repeat(32) },
    );
    expect(forged.statusCode).toBe(403);
    const cross = await c.request(
      'PATCH',
      '/api/me/profile',
      { phone: '13900000000' },
      { origin: 'https://evil.example.com' },
    );
    expect(cross.statusCode).toBe(403);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    expect(row!.phone).toBe('13800138000');
    const ok = await c.patch('/api/me/profile', { phone: '13900000000' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().phone).toBe('13900000000');
  });

  it('ends every session of an account whose login is disabled', async () => {
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: (await buildUnit(t.db)).id });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    await t.db.update(accounts).set({ loginEnabled: false }).where(eq(accounts.id, admin.id));
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });
});
