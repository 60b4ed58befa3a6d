import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { now, resetClock, setNow } from '../../clock';
import { ConfigError, loadConfig } from '../../config';
import { accounts, auditLog, wechatBindings, wechatLoginStates } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { startFakeOpenPlatform, type FakeOpenPlatform } from './fake-open-platform';
import { STATE_MESSAGES } from './login-state';
import { BIND_MESSAGES } from './bind-wechat';
import { WECHAT_ERROR_MESSAGES, WECHAT_UNREACHABLE } from './wechat-api';

let fake: FakeOpenPlatform;
let t: TestApp;
const wechatEnv = (f: FakeOpenPlatform, over: Record<string, string> = {}) => ({
  WECHAT_APP_ID: f.appId,
  WECHAT_APP_SECRET: f.appSecret,
  WECHAT_OPEN_URL: f.url,
  WECHAT_API_URL: f.url,
  PUBLIC_URL: 'http://ptce.test',
  ...over,
});
beforeAll(async () => {
  fake = await startFakeOpenPlatform();
  t = await createTestApp(wechatEnv(fake));
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
afterEach(() => resetClock());

const errorOf = (res: LightMyRequestResponse) =>
  (res.json() as { error?: { code?: string; message?: string } }).error ?? {};
const audits = (action: string, targetId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));

/** 扫码登录 started in this browser: the state from the QR-connect URL the server sends it to. */
async function start(b: TestClient): Promise<string> {
  const res = await b.post('/api/auth/wechat/start');
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json().url.replace(/#wechat_redirect$/, '')).searchParams.get('state')!;
}
/** WeChat's redirect coming back to this browser's callback page. */
const callback = (b: TestClient, body: { code?: string; state?: string }) => b.post('/api/auth/wechat/callback', body);
/** Scan and confirm as this WeChat user, end to end. */
async function scan(b: TestClient, user: string, nickname = user) {
  return callback(b, { code: fake.issueCode(user, nickname), state: await start(b) });
}
const bind = (b: TestClient, idNumber: string, password = PASSWORD, extra: Record<string, string> = {}) =>
  b.post('/api/auth/wechat/bind', { idNumber, password, ...extra });
let users = 0;
const newUser = () => `wx-user-${++users}-${Math.random().toString(36).slice(2, 8)}`;

describe('settings', () => {
  const base = { NODE_ENV: 'test', PII_KEY: Buffer.alloc(32, 1).toString('base64') };
  const fails = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('validates the AppID, requires the secret with it, and never repeats the secret', () => {
    const secret = 'S3cr3tValueThatMustNotLeak0123456';
    expect(fails({ WECHAT_APP_ID: 'not-an-appid', WECHAT_APP_SECRET: secret })).toMatch(/WECHAT_APP_ID/);
    expect(fails({ WECHAT_APP_ID: 'wx0123456789abcdef' })).toMatch(/WECHAT_APP_SECRET: required/);
    const bad = fails({ WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: `${secret}!` });
    expect(bad).toMatch(/WECHAT_APP_SECRET/);
    expect(bad).not.toContain(secret);
    expect(fails({ WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: secret, WECHAT_API_URL: 'nope' })).toMatch(
      /WECHAT_API_URL/,
    );
  });
  it('refuses the simulated WeChat in production and without demo data; defaults the redirect to PUBLIC_URL', () => {
    expect(fails({ NODE_ENV: 'production', WECHAT_FAKE: 'true' })).toMatch(/WECHAT_FAKE/);
    expect(fails({ WECHAT_FAKE: 'true', SEED_DEMO: 'false' })).toMatch(/WECHAT_FAKE/);
    const c = loadConfig({
      ...base,
      PUBLIC_URL: 'https://ptce.example.cn/',
      WECHAT_APP_ID: 'wx0123456789abcdef',
      WECHAT_APP_SECRET: '0123456789abcdef0123456789abcdef',
    });
    expect(c.wechat).toMatchObject({
      redirectUrl: 'https://ptce.example.cn/wechat/callback',
      openBaseUrl: 'https://open.weixin.qq.com',
      apiBaseUrl: 'https://api.weixin.qq.com',
      simulated: false,
    });
    expect(loadConfig(base).wechat).toBeNull();
  });
});

describe('not configured', () => {
  it('says so: config disabled, every step refused with the message, never a 500', async () => {
    const plain = await createTestApp();
    try {
      const c = plain.client();
      expect((await c.get('/api/auth/wechat/config')).json()).toEqual({ enabled: false, simulated: false });
      for (const res of [
        await c.post('/api/auth/wechat/start'),
        await c.post('/api/auth/wechat/callback', { code: 'x', state: 'y' }),
        await c.post('/api/auth/wechat/bind', { idNumber: '450103199001011234', password: 'x' }),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(errorOf(res)).toEqual({
          code: 'WECHAT_NOT_CONFIGURED',
          message: '微信扫码登录未配置，请使用用户名和密码登录',
        });
      }
    } finally {
      await plain.close();
    }
  });
});

describe('扫码登录 → 绑定 → 扫码登录', () => {
  it('sends the browser to qrconnect with a 128-bit state, kept as a hash and tied to an HttpOnly cookie', async () => {
    const b = t.client();
    const res = await b.post('/api/auth/wechat/start');
    const url = new URL(res.json().url);
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/connect/qrconnect`);
    expect(url.hash).toBe('#wechat_redirect');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      appid: fake.appId,
      redirect_uri: 'http://ptce.test/wechat/callback',
      response_type: 'code',
      scope: 'snsapi_login',
    });
    const state = url.searchParams.get('state')!;
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body).not.toContain(fake.appSecret);
    const cookie = res.cookies.find((c) => c.name === 'ptce_wx')!;
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth/wechat', sameSite: 'Lax' });
    const rows = await t.db.select().from(wechatLoginStates);
    expect(rows.some((r) => r.stateHash.includes(state))).toBe(false);
    // A second start in the same browser keeps its cookie and gets a different state.
    const again = await b.post('/api/auth/wechat/start');
    expect(again.cookies.find((c) => c.name === 'ptce_wx')).toBeUndefined();
    expect(new URL(again.json().url).searchParams.get('state')).not.toBe(state);
  });

  it('an unbound WeChat goes to 绑定; ID number and password bind it and log in; the next scan logs straight in', async () => {
    const p = await buildProfessional(t.db);
    const user = newUser();
    const b = t.client();
    const first = await scan(b, user, '壮乡阿明');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ status: 'bind_required', nickname: '壮乡阿明' });
    expect(first.cookies.find((c) => c.name === 'ptce_sid')).toBeUndefined();
    expect((await b.get('/api/auth/wechat/pending')).json()).toMatchObject({ nickname: '壮乡阿明' });

    const bound = await bind(b, p.username);
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json().me).toMatchObject({ id: p.id, kind: 'professional' });
    b.csrf = bound.json().me.csrfToken;
    expect((await b.get('/api/wechat/binding')).json()).toMatchObject({
      enabled: true,
      simulated: false,
      binding: { nickname: '壮乡阿明' },
    });
    const [row] = await t.db.select().from(wechatBindings).where(eq(wechatBindings.accountId, p.id));
    expect(row).toMatchObject({ wechatIdKind: 'unionid', appId: fake.appId });
    expect(await audits('wechat.bind', p.id)).toEqual([
      expect.objectContaining({ result: 'ok', actorAccountId: p.id }),
    ]);
    expect((await audits('auth.login', p.id)).map((a) => a.result)).toEqual(['ok']);
    // The 绑定 page is closed once bound.
    expect(errorOf(await b.get('/api/auth/wechat/pending')).code).toBe('WECHAT_BIND_EXPIRED');

    // Logged out, another browser: scanning the same WeChat logs straight in.
    await b.post('/api/auth/logout');
    const other = t.client();
    const second = await scan(other, user);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'logged_in', me: { id: p.id } });
    other.csrf = second.json().me.csrfToken;
    expect((await other.get('/api/me')).statusCode).toBe(200);
    const [login] = await audits('auth.wechat_login', p.id);
    expect(login).toMatchObject({ result: 'ok', actorAccountId: p.id, ip: other.address });
    const [acct] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    expect(acct!.lastLoginAt).not.toBeNull();
  });

  it('binds on the openid when WeChat gives no unionid', async () => {
    const p = await buildProfessional(t.db);
    const b = t.client();
    fake.withUnionId = false;
    try {
      expect((await scan(b, newUser())).json().status).toBe('bind_required');
      expect((await bind(b, p.username)).statusCode).toBe(200);
    } finally {
      fake.withUnionId = true;
    }
    const [row] = await t.db.select().from(wechatBindings).where(eq(wechatBindings.accountId, p.id));
    expect(row!.wechatIdKind).toBe('openid');
    expect(row!.wechatId.startsWith(`${fake.appId}:o`)).toBe(true);
  });

  it('a refused login of a bound person stays refused (允许登录 off)', async () => {
    const p = await buildProfessional(t.db);
    const user = newUser();
    const b = t.client();
    await scan(b, user);
    expect((await bind(b, p.username)).statusCode).toBe(200);
    await t.db.update(accounts).set({ loginEnabled: false }).where(eq(accounts.id, p.id));
    const res = await scan(t.client(), user);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('LOGIN_DISABLED');
    expect((await audits('auth.wechat_login', p.id)).map((a) => a.result)).toEqual(['failed']);
  });
});

describe('state refusals', () => {
  const refusedWith = (res: LightMyRequestResponse, message: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toEqual({
      code: 'WECHAT_STATE_INVALID',
      message,
      details: [{ field: 'state', reason: message }],
    });
  };
  it('missing', async () => {
    const b = t.client();
    await start(b);
    refusedWith(await callback(b, { code: fake.issueCode(newUser()) }), STATE_MESSAGES.missing);
  });
  it('unknown', async () => {
    const b = t.client();
    await start(b);
    refusedWith(await callback(b, { code: fake.issueCode(newUser()), state: 'f'.repeat(32) }), STATE_MESSAGES.unknown);
  });
  it('reused: a state is good once, even with a new code', async () => {
    const b = t.client();
    const state = await start(b);
    expect((await callback(b, { code: fake.issueCode(newUser()), state })).statusCode).toBe(200);
    refusedWith(await callback(b, { code: fake.issueCode(newUser()), state }), STATE_MESSAGES.reused);
  });
  it('used once under concurrency', async () => {
    const b = t.client();
    const state = await start(b);
    const answers = await Promise.all([1, 2, 3].map(() => callback(b, { code: fake.issueCode(newUser()), state })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400, 400]);
  });
  it('expired after 10 minutes', async () => {
    const b = t.client();
    const state = await start(b);
    setNow(new Date(now().getTime() + 10 * 60_000 + 1000));
    refusedWith(await callback(b, { code: fake.issueCode(newUser()), state }), STATE_MESSAGES.expired);
  });
  it('foreign: a callback in another browser (or without its cookie) is refused and leaves the state to its own', async () => {
    const b = t.client();
    const state = await start(b);
    const other = t.client();
    await start(other);
    refusedWith(await callback(other, { code: fake.issueCode(newUser()), state }), STATE_MESSAGES.foreign);
    refusedWith(await callback(t.client(), { code: fake.issueCode(newUser()), state }), STATE_MESSAGES.foreign);
    expect((await callback(b, { code: fake.issueCode(newUser()), state })).statusCode).toBe(200);
  });
  it('the person refused in WeChat: only the state comes back', async () => {
    const b = t.client();
    const res = await callback(b, { state: await start(b) });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('WECHAT_DENIED');
  });
});

describe("WeChat's error answers become clear messages, never a 500", () => {
  const refused = async (res: LightMyRequestResponse, code: string, message: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code, message });
    expect(res.body).not.toContain(fake.appSecret);
  };
  it('40029 invalid code', async () => {
    const b = t.client();
    await refused(
      await callback(b, { code: 'no-such-code', state: await start(b) }),
      'WECHAT_CODE_INVALID',
      WECHAT_ERROR_MESSAGES[40029]!,
    );
  });
  it('40163 code been used', async () => {
    const b = t.client();
    const code = fake.issueCode(newUser());
    expect((await callback(b, { code, state: await start(b) })).statusCode).toBe(200);
    await refused(
      await callback(b, { code, state: await start(b) }),
      'WECHAT_CODE_INVALID',
      WECHAT_ERROR_MESSAGES[40163]!,
    );
  });
  it('40125 invalid appsecret (the secret itself is never shown)', async () => {
    const wrong = await createTestApp(wechatEnv(fake, { WECHAT_APP_SECRET: 'WrongSecret0123456789abcdefABCDEF' }));
    try {
      const b = wrong.client();
      const res = await b.post('/api/auth/wechat/callback', {
        code: fake.issueCode(newUser()),
        state: await (async () => {
          const r = await b.post('/api/auth/wechat/start');
          return new URL(r.json().url).searchParams.get('state')!;
        })(),
      });
      await refused(res, 'WECHAT_CODE_INVALID', WECHAT_ERROR_MESSAGES[40125]!);
      expect(res.body).not.toContain('WrongSecret0123456789abcdefABCDEF');
    } finally {
      await wrong.close();
    }
    // The fake saw the secret masked in its own request log: the exchange did send it.
    expect(fake.requests.some((r) => r.startsWith('/sns/oauth2/access_token') && r.includes('secret=***'))).toBe(true);
  });
  it('-1 system busy, an unknown errcode, a malformed answer', async () => {
    const b = t.client();
    fake.answerNextTokenWith({ errcode: -1, errmsg: 'system error' });
    await refused(
      await callback(b, { code: fake.issueCode(newUser()), state: await start(b) }),
      'WECHAT_CODE_INVALID',
      '微信系统繁忙，请稍后再试',
    );
    fake.answerNextTokenWith({ errcode: 48001, errmsg: 'api unauthorized' });
    await refused(
      await callback(b, { code: fake.issueCode(newUser()), state: await start(b) }),
      'WECHAT_CODE_INVALID',
      '微信登录失败（微信错误码 48001），请重新扫码登录',
    );
    fake.answerNextTokenWith({ access_token: 42, openid: null });
    const odd = await callback(b, { code: fake.issueCode(newUser()), state: await start(b) });
    expect(odd.statusCode).toBe(502);
    expect(errorOf(odd).code).toBe('WECHAT_UNAVAILABLE');
    fake.answerNextTokenWith('<html>502 Bad Gateway</html>');
    expect((await callback(b, { code: fake.issueCode(newUser()), state: await start(b) })).statusCode).toBe(502);
  });
  it('WeChat unreachable', async () => {
    const gone = await startFakeOpenPlatform();
    const url = gone.url;
    await gone.close();
    const off = await createTestApp(wechatEnv(fake, { WECHAT_API_URL: url }));
    try {
      const b = off.client();
      const r = await b.post('/api/auth/wechat/start');
      const res = await b.post('/api/auth/wechat/callback', {
        code: 'abc',
        state: new URL(r.json().url).searchParams.get('state')!,
      });
      expect(res.statusCode).toBe(502);
      expect(errorOf(res)).toEqual({ code: 'WECHAT_UNAVAILABLE', message: WECHAT_UNREACHABLE });
    } finally {
      await off.close();
    }
  });
});

describe('绑定 refusals', () => {
  it('a 单位账号 or an admin-only account cannot bind: "单位账号不能绑定微信"', async () => {
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const unitAccount = await buildAccount(t.db, { kind: 'unit_account', unitId: unit.id, username: unit.creditCode });
    for (const who of [admin, unitAccount]) {
      const b = t.client();
      await scan(b, newUser());
      const res = await bind(b, who.username);
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res)).toEqual({ code: 'WECHAT_UNIT_ACCOUNT', message: '单位账号不能绑定微信' });
      expect(res.cookies.find((c) => c.name === 'ptce_sid')).toBeUndefined();
      expect(await audits('wechat.bind', who.id)).toEqual([
        expect.objectContaining({ result: 'failed', detail: { reason: 'unit_account' } }),
      ]);
    }
    expect(await t.db.select().from(wechatBindings).where(eq(wechatBindings.accountId, admin.id))).toEqual([]);
  });

  it('an account bound to another WeChat is refused; so is a WeChat bound meanwhile to another account', async () => {
    const a = await buildProfessional(t.db);
    const b2 = await buildProfessional(t.db);
    const userA = newUser();
    const first = t.client();
    await scan(first, userA);
    expect((await bind(first, a.username)).statusCode).toBe(200);

    const second = t.client();
    await scan(second, newUser());
    const res = await bind(second, a.username);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toEqual({ code: 'WECHAT_ALREADY_BOUND', message: BIND_MESSAGES.accountBound });

    // Two browsers scanned the same new WeChat; the first binds it, the second is refused for another person.
    const userC = newUser();
    const x = t.client();
    const y = t.client();
    await scan(x, userC);
    await scan(y, userC);
    const c1 = await buildProfessional(t.db);
    expect((await bind(x, c1.username)).statusCode).toBe(200);
    const late = await bind(y, b2.username);
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toEqual({ code: 'WECHAT_ALREADY_BOUND', message: BIND_MESSAGES.wechatBound });
    expect(await t.db.select().from(wechatBindings).where(eq(wechatBindings.accountId, b2.id))).toEqual([]);
  });

  it('no scan, or a scan older than 10 minutes: back to 扫码登录', async () => {
    const p = await buildProfessional(t.db);
    const fresh = t.client();
    expect(errorOf(await bind(fresh, p.username)).code).toBe('WECHAT_BIND_EXPIRED');
    const b = t.client();
    await scan(b, newUser());
    setNow(new Date(now().getTime() + 10 * 60_000 + 1000));
    const res = await bind(b, p.username);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'WECHAT_BIND_EXPIRED', message: BIND_MESSAGES.expired });
  });

  it('a wrong password is the login’s refusal and counts; after 3 the 图形验证码 is required, as at the login', async () => {
    const p = await buildProfessional(t.db);
    const b = t.client();
    await scan(b, newUser());
    for (let i = 0; i < 3; i++)
      expect(errorOf(await bind(b, p.username, 'Wrong1234')).code).toBe('INVALID_CREDENTIALS');
    expect(errorOf(await bind(b, p.username)).code).toBe('CAPTCHA_REQUIRED');
    const cap = await b.get('/api/auth/captcha');
    const { captchaId } = cap.json();
    const { answer } = (await b.get(`/api/test/captcha/${captchaId}`)).json();
    const ok = await bind(b, p.username, PASSWORD, { captchaId, captchaAnswer: answer });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('解除绑定', () => {
  it('by the person, with the password; the next scan asks to bind again', async () => {
    const p = await buildProfessional(t.db);
    const user = newUser();
    const b = t.client();
    await scan(b, user);
    const me = (await bind(b, p.username)).json().me;
    b.csrf = me.csrfToken;
    const wrong = await b.post('/api/wechat/unbind', { password: 'Wrong1234' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).message).toBe('密码不正确');
    expect((await b.post('/api/wechat/unbind', { password: PASSWORD })).statusCode).toBe(200);
    expect((await b.get('/api/wechat/binding')).json()).toEqual({ enabled: true, simulated: false, binding: null });
    expect(await audits('wechat.unbind', p.id)).toEqual([expect.objectContaining({ actorAccountId: p.id })]);
    expect((await b.post('/api/wechat/unbind', { password: PASSWORD })).statusCode).toBe(409);
    expect((await scan(t.client(), user)).json().status).toBe('bind_required');
  });

  it('by the help desk (人员查询), audited; shown on the person file; refused to others', async () => {
    const op = await buildAccount(t.db, { kind: 'operator' });
    const desk = await loggedIn(t, op.username, PASSWORD, 'authority');
    const p = await buildProfessional(t.db);
    const b = t.client();
    await scan(b, newUser(), '桂林小李');
    const me = (await bind(b, p.username)).json().me;
    b.csrf = me.csrfToken;
    expect((await desk.get(`/api/helpdesk/people/${p.id}`)).json().account.wechat).toMatchObject({
      nickname: '桂林小李',
    });
    expect((await b.delete(`/api/helpdesk/people/${p.id}/wechat`)).statusCode).toBe(403);
    expect((await desk.delete(`/api/helpdesk/people/${p.id}/wechat`)).statusCode).toBe(200);
    expect((await desk.get(`/api/helpdesk/people/${p.id}`)).json().account.wechat).toBeNull();
    expect(await audits('helpdesk.wechat.unbind', p.id)).toEqual([
      expect.objectContaining({ actorAccountId: op.id, detail: { nickname: '桂林小李' } }),
    ]);
    expect((await desk.delete(`/api/helpdesk/people/${p.id}/wechat`)).statusCode).toBe(409);
  });
});
