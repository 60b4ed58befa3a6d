import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { advance, now, resetClock, setNow } from '../../src/clock';
import { auditLog, loginAddressFailures } from '../../src/db/schema/index';
import { ADDRESS_BURST, CAPTCHA_CHARS, delayAfter } from '../../src/modules/auth/index';
import { buildAccount, buildProfessional, buildUnit, idNumber, PASSWORD } from '../factories';
import { createTestApp, solveCaptcha, TestClient } from '../helpers';

/**
 * Issue 14 item 2: wrong passwords never lock an account. Failures per username make its login need
 * an image captcha after 3; failures per client address make that address wait 2^n seconds from its
 * 5th; the right password with a right captcha always gets in. Item 4, login side: an initial or
 * temporary password needs the captcha at every login and stops working once expired.
 */
const t = await createTestApp();
afterAll(async () => t.close());
afterEach(() => resetClock());

const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const WRONG = 'Wrong1234';
const auditsFor = async (action: string, targetId?: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(
      targetId === undefined
        ? eq(auditLog.action, action)
        : and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))),
    );
const loginWith = (c: TestClient, body: Record<string, unknown>) => c.post('/api/auth/login', body);

describe('no lockout', () => {
  it('wrong passwords typed by others never keep the owner out: the right password with a captcha gets in', async () => {
    const p = await buildProfessional(t.db);
    for (let i = 0; i < 8; i++)
      expect(codeOf(await t.client().login(p.username, WRONG, 'person', { captcha: true }))).toBe(
        'INVALID_CREDENTIALS',
      );
    const owner = await t.client().login(p.username, PASSWORD, 'person');
    expect(owner.statusCode).toBe(200);
  });

  it('after 20 failures the right password with a right captcha gets in, and that is audited', async () => {
    const p = await buildProfessional(t.db);
    for (let i = 0; i < 20; i++) await t.client().login(p.username, WRONG, 'person', { captcha: true });
    const res = await t.client().login(p.username, PASSWORD, 'person', { captcha: true });
    expect(res.statusCode).toBe(200);
    const [after] = await auditsFor('auth.login_after_failures', p.id);
    expect(after?.result).toBe('ok');
    expect(after?.detail).toMatchObject({ failures: 20, captcha: true });
    // The count starts again: the next login needs no captcha.
    expect((await t.client().login(p.username, PASSWORD, 'person', { captcha: false })).statusCode).toBe(200);
  });
});

describe('图形验证码 after 3 failures on an account', () => {
  it('asks for it from the 4th attempt, refuses a wrong one, and lets the right password in with it', async () => {
    const p = await buildProfessional(t.db);
    for (let i = 0; i < 3; i++)
      expect(codeOf(await t.client().login(p.username, WRONG, undefined, { captcha: false }))).toBe(
        'INVALID_CREDENTIALS',
      );
    const [started] = await auditsFor('auth.captcha_required', p.id);
    expect(started?.detail).toMatchObject({ failures: 3 });
    expect(JSON.stringify(started?.detail)).not.toContain(p.username);

    const c = t.client();
    const asked = await c.login(p.username, PASSWORD, undefined, { captcha: false });
    expect([asked.statusCode, codeOf(asked)]).toEqual([401, 'CAPTCHA_REQUIRED']);
    expect(asked.json().error.message).toBe('请输入图形验证码后再登录');

    const { captchaId, captchaAnswer } = await solveCaptcha(t.app);
    const wrongAnswer = captchaAnswer === '2222' ? '3333' : '2222';
    const wrong = await loginWith(c, {
      username: p.username,
      password: PASSWORD,
      captchaId,
      captchaAnswer: wrongAnswer,
    });
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([400, 'CAPTCHA_INVALID']);
    expect(wrong.json().error.details).toEqual([
      { field: 'captchaAnswer', reason: '图形验证码错误或已过期，请换一张重新输入' },
    ]);
    expect((await c.login(p.username, PASSWORD, undefined, { captcha: true })).statusCode).toBe(200);
  });

  it('is used once, right or wrong, and its answer is read regardless of case', async () => {
    const p = await buildProfessional(t.db);
    const first = await solveCaptcha(t.app);
    const lower = {
      username: p.username,
      password: PASSWORD,
      captchaId: first.captchaId,
      captchaAnswer: first.captchaAnswer.toLowerCase(),
    };
    expect((await loginWith(t.client(), lower)).statusCode).toBe(200);
    expect(codeOf(await loginWith(t.client(), lower))).toBe('CAPTCHA_INVALID');

    const second = await solveCaptcha(t.app);
    expect(
      codeOf(
        await loginWith(t.client(), {
          username: p.username,
          password: PASSWORD,
          captchaId: second.captchaId,
          captchaAnswer: 'ZZZZ',
        }),
      ),
    ).toBe('CAPTCHA_INVALID');
    // A wrong answer used it up: the right one no longer works.
    expect(codeOf(await loginWith(t.client(), { username: p.username, password: PASSWORD, ...second }))).toBe(
      'CAPTCHA_INVALID',
    );
  });

  it('expires 2 minutes after it was drawn (server clock)', async () => {
    const p = await buildProfessional(t.db);
    const late = await solveCaptcha(t.app);
    const inTime = await solveCaptcha(t.app);
    advance(2 * 60_000 + 1000);
    expect(codeOf(await loginWith(t.client(), { username: p.username, password: PASSWORD, ...late }))).toBe(
      'CAPTCHA_INVALID',
    );
    resetClock();
    expect((await loginWith(t.client(), { username: p.username, password: PASSWORD, ...inTime })).statusCode).toBe(200);
  });

  it('refusals before the password is checked do not count as failures', async () => {
    const p = await buildProfessional(t.db);
    for (let i = 0; i < 3; i++) await t.client().login(p.username, WRONG, undefined, { captcha: false });
    for (let i = 0; i < 5; i++)
      expect(codeOf(await t.client().login(p.username, WRONG, undefined, { captcha: false }))).toBe('CAPTCHA_REQUIRED');
    expect((await t.client().login(p.username, PASSWORD, undefined, { captcha: true })).statusCode).toBe(200);
    expect((await auditsFor('auth.login_after_failures', p.id))[0]?.detail).toMatchObject({ failures: 3 });
  });

  it('the image is SVG drawing only: no text, no font, no answer characters in the document', async () => {
    const res = await t.client().get('/api/auth/captcha');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { captchaId, image } = res.json() as { captchaId: string; image: string };
    const svg = Buffer.from(image.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<text|<tspan|font|<use|<g[ >]|<title|<desc/i);
    const answer = ((await t.client().get(`/api/test/captcha/${captchaId}`)).json() as { answer: string }).answer;
    expect(answer).toMatch(new RegExp(`^[${CAPTCHA_CHARS}]{4}$`));
    // Only the element, attribute and colour names of SVG: none of the answer's letters as words.
    expect(svg).not.toContain(answer);
    expect(
      svg.replace(
        /<\/?(svg|rect|path|circle)\b|\b(xmlns|stroke-width|stroke-linecap|stroke-linejoin|stroke|width|height|viewBox|fill|opacity|round|none|hsl|cx|cy|r|d)\b|http:\/\/www\.w3\.org\/2000\/svg/g,
        '',
      ),
    ).not.toMatch(/[A-Za-z]{2,}/);
  });
});

describe('per-address delay', () => {
  it('from the 5th failure an address waits 2^n seconds (429 LOGIN_DELAYED, Retry-After); another address does not', async () => {
    setNow(now()); // frozen, so the waits below are exact
    const p = await buildProfessional(t.db);
    const attacker = t.client();
    // Different usernames each time, so no account needs a captcha: only the address counts.
    for (let i = 0; i < 5; i++)
      expect(codeOf(await attacker.login(`guess${i}-${p.id}`, WRONG, 'person', { captcha: false }))).toBe(
        'INVALID_CREDENTIALS',
      );
    const [row] = await t.db
      .select()
      .from(loginAddressFailures)
      .where(eq(loginAddressFailures.address, attacker.address));
    expect(row?.failures).toBe(5);

    const delayed = await attacker.login(p.username, PASSWORD, 'person', { captcha: false });
    expect([delayed.statusCode, codeOf(delayed)]).toEqual([429, 'LOGIN_DELAYED']);
    expect(delayed.headers['retry-after']).toBe('2');
    expect(delayed.json().error.message).toBe('登录失败次数过多，请2秒后再试');
    // Refused attempts are not counted, and the owner elsewhere is not delayed.
    expect((await t.client().login(p.username, PASSWORD, 'person', { captcha: false })).statusCode).toBe(200);

    advance(2_000);
    expect(codeOf(await attacker.login(`guess5-${p.id}`, WRONG, 'person', { captcha: false }))).toBe(
      'INVALID_CREDENTIALS',
    );
    const next = await attacker.login(p.username, PASSWORD, 'person', { captcha: false });
    expect([next.statusCode, next.headers['retry-after']]).toEqual([429, '4']);
    advance(4_000);
    expect((await attacker.login(p.username, PASSWORD, 'person', { captcha: false })).statusCode).toBe(200);

    const delays = (await auditsFor('auth.login_delayed'))
      .filter((a) => a.ip === attacker.address)
      .sort((a, b) => a.id - b.id);
    expect(delays.map((d) => d.detail)).toEqual([
      expect.objectContaining({ addressFailures: 5, delaySeconds: 2 }),
      expect.objectContaining({ addressFailures: 6, delaySeconds: 4 }),
    ]);
  });

  it('forgets an address quiet for a day', async () => {
    const old = t.client();
    await old.login(`quiet-${now().getTime()}`, WRONG, 'person', { captcha: false });
    const rowOf = async (address: string) =>
      (await t.db.select().from(loginAddressFailures).where(eq(loginAddressFailures.address, address)))[0];
    expect((await rowOf(old.address))?.failures).toBe(1);
    advance(24 * 3600_000 + 60_000);
    await t.client().login(`quiet-${now().getTime()}`, WRONG, 'person', { captcha: false });
    expect(await rowOf(old.address)).toBeUndefined();
  });

  it('doubles up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 13, 14, 50].map(delayAfter)).toEqual([0, 0, 2, 4, 8, 512, 900, 900]);
  });

  it(`a concurrent burst of guesses from one address gets at most ${ADDRESS_BURST} checked before it waits`, async () => {
    const c = t.client();
    const burst = await Promise.all(
      Array.from({ length: ADDRESS_BURST + 15 }, (_, i) =>
        c.login(`burst${i}-${now().getTime()}`, WRONG, 'person', { captcha: false }),
      ),
    );
    const codes = burst.map(codeOf);
    expect(codes.filter((x) => x === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(ADDRESS_BURST);
    expect(codes.filter((x) => x !== 'INVALID_CREDENTIALS').length).toBeGreaterThanOrEqual(15);
    // Asked to wait: busy while the allowance is used up by checks in flight, delayed once failures started the wait.
    expect(codes.filter((x) => x !== 'INVALID_CREDENTIALS' && x !== 'LOGIN_BUSY' && x !== 'LOGIN_DELAYED')).toEqual([]);
    // Once the failures started the delay, the next attempt from there waits, right password or not.
    expect(codeOf(await c.login(`after-${now().getTime()}`, WRONG, 'person', { captcha: false }))).toBe(
      'LOGIN_DELAYED',
    );
  });

  it('many people behind one address log in at once with right passwords: none is refused', async () => {
    const unit = await buildUnit(t.db);
    const people = await Promise.all(Array.from({ length: 25 }, () => buildProfessional(t.db, { unitId: unit.id })));
    const office = t.client();
    const logins = await Promise.all(
      people.map((p) => {
        const c = new TestClient(t.app, office.address);
        return c.login(p.username, PASSWORD, 'person', { captcha: false });
      }),
    );
    expect(logins.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    const [row] = await t.db
      .select()
      .from(loginAddressFailures)
      .where(eq(loginAddressFailures.address, office.address));
    expect([row!.failures, row!.inFlight, row!.delayedUntil]).toEqual([0, 0, null]);
  });

  it('past its allowance an address is asked to wait a second, told why', async () => {
    const c = t.client();
    await t.db.insert(loginAddressFailures).values({
      address: c.address,
      failures: 0,
      inFlight: ADDRESS_BURST,
      refused: false,
      updatedAt: now(),
    });
    const res = await c.login(`busy-${now().getTime()}`, WRONG, 'person', { captcha: false });
    expect([res.statusCode, codeOf(res), res.headers['retry-after']]).toEqual([429, 'LOGIN_BUSY', '1']);
    expect(res.json().error.message).toContain('正在登录的人数较多');
    // Its password was not looked at: no failure is counted, for the address or the username.
    const [row] = await t.db.select().from(loginAddressFailures).where(eq(loginAddressFailures.address, c.address));
    expect(row!.failures).toBe(0);
    // A count left in flight for over a minute (its process died) no longer holds the address.
    advance(61_000);
    expect(codeOf(await c.login(`busy-${now().getTime()}`, WRONG, 'person', { captcha: false }))).toBe(
      'INVALID_CREDENTIALS',
    );
  });
});

describe('initial and temporary passwords (issue 14 item 4, login side)', () => {
  it('an account still on its initial password needs the captcha at every login', async () => {
    const admin = await buildAccount(t.db, {
      kind: 'unit_admin',
      unitId: (await buildUnit(t.db)).id,
      mustChangePassword: true,
    });
    const res = await t.client().login(admin.username, PASSWORD, 'unit', { captcha: false });
    expect([res.statusCode, codeOf(res)]).toEqual([401, 'CAPTCHA_REQUIRED']);
    expect((await t.client().login(admin.username, PASSWORD, 'unit', { captcha: true })).statusCode).toBe(200);
    expect(codeOf(await t.client().login(admin.username, PASSWORD, 'unit', { captcha: false }))).toBe(
      'CAPTCHA_REQUIRED',
    );
  });

  it('an expired password answers 403 PASSWORD_EXPIRED, only once the password is right', async () => {
    const admin = await buildAccount(t.db, {
      kind: 'unit_admin',
      unitId: (await buildUnit(t.db)).id,
      mustChangePassword: true,
      passwordExpiresAt: new Date(now().getTime() - 60_000),
    });
    expect(codeOf(await t.client().login(admin.username, WRONG, 'unit', { captcha: true }))).toBe(
      'INVALID_CREDENTIALS',
    );
    const res = await t.client().login(admin.username, PASSWORD, 'unit', { captcha: true });
    expect([res.statusCode, codeOf(res)]).toEqual([403, 'PASSWORD_EXPIRED']);
    expect(res.json().error.message).toContain('已过期');
    expect(res.cookies.find((x) => x.name === 'ptce_sid')).toBeUndefined();
    const [audit] = (await auditsFor('auth.login', admin.id)).filter(
      (a) => a.result === 'failed' && (a.detail as { reason?: string }).reason === 'password_expired',
    );
    expect(audit).toBeTruthy();
  });

  it('a temporary password not yet expired works (with the captcha)', async () => {
    const p = await buildProfessional(t.db, {
      mustChangePassword: true,
      passwordExpiresAt: new Date(now().getTime() + 60_000),
    });
    expect((await t.client().login(p.username, PASSWORD, 'person')).statusCode).toBe(200);
  });
});

describe('注册 needs the captcha', () => {
  it('refuses a registration without or with a wrong captcha, and takes one with the right one', async () => {
    const unit = await buildUnit(t.db);
    const body = () => ({
      idNumber: idNumber(),
      name: '韦志强',
      phone: '13977112345',
      unitId: unit.id,
      password: 'Abcdefg123',
    });
    const missing = await t.client().post('/api/auth/register', body());
    expect([missing.statusCode, codeOf(missing)]).toEqual([400, 'CAPTCHA_INVALID']);
    expect(missing.json().error.details).toEqual([{ field: 'captchaAnswer', reason: '请输入图形验证码' }]);
    const { captchaId } = await solveCaptcha(t.app);
    expect(codeOf(await t.client().post('/api/auth/register', { ...body(), captchaId, captchaAnswer: 'ZZZZ' }))).toBe(
      'CAPTCHA_INVALID',
    );
    expect(
      (await t.client().post('/api/auth/register', { ...body(), ...(await solveCaptcha(t.app)) })).statusCode,
    ).toBe(201);
  });
});

describe('the captcha answer route', () => {
  it('answers only for a captcha it drew', async () => {
    expect((await t.client().get('/api/test/captcha/nope')).statusCode).toBe(404);
  });

  it('does not exist unless ENABLE_TEST_CLOCK=true', async () => {
    const plain = await createTestApp({ ENABLE_TEST_CLOCK: 'false' });
    try {
      const drawn = await plain.client().get('/api/auth/captcha');
      expect(drawn.statusCode).toBe(200);
      const res = await plain.client().get(`/api/test/captcha/${drawn.json().captchaId}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('answer');
    } finally {
      await plain.close();
    }
  });
});
