import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usernameKey } from '../../src/modules/auth/index';
import { resetClock, setNow } from '../../src/clock';
import { accounts, auditLog, loginFailures } from '../../src/db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildProfessional,
  buildUnit,
  creditCode,
  idNumber,
  PASSWORD,
} from '../factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../helpers';

/**
 * Credentials nobody can guess: a unit account's initial password is random (its credit code is public),
 * shown once, changed at first login and no longer accepted after 7 days; an admin's initial password
 * keeps the notice's rule but expires after 7 days too; a reset by a unit admin sets a random temporary
 * password valid 72 hours. The public unit search does not hand out the credit code.
 */
let t: TestApp;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
});
afterAll(async () => t.close());
afterEach(() => resetClock());

const NOW = '2026-03-02T09:30:00+08:00';
const DAY = 24 * 3600_000;
const accountOf = async (id: number) => (await t.db.select().from(accounts).where(eq(accounts.id, id)))[0]!;
const unitAccountOf = async (unitId: number) =>
  (
    await t.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.unitId, unitId), eq(accounts.kind, 'unit_account')))
  )[0]!;
const audits = async (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));
const UNAMBIGUOUS = /^[A-HJ-NP-Za-km-z2-9]{12}$/;

describe('a new unit account', () => {
  it('gets a random 12-character password, not derivable from its credit code, shown once, expiring in 7 days', async () => {
    setNow(NOW);
    const codes = [creditCode('450102'), creditCode('450102')];
    const created = [];
    for (const [i, code] of codes.entries()) {
      const res = await operator.post('/api/units', {
        name: `南宁市兴宁区第${i + 1}中学`,
        creditCode: code,
        regionCode: '450102',
      });
      expect(res.statusCode).toBe(201);
      created.push(res.json() as { id: number; account: { username: string; password: string; expiresAt: string } });
    }
    const [a, b] = created as [(typeof created)[0], (typeof created)[0]];
    expect(a.account.username).toBe(codes[0]);
    expect(a.account.password).toMatch(UNAMBIGUOUS);
    expect(a.account.password).toMatch(/\d/);
    expect(a.account.password).toMatch(/[A-Za-z]/);
    expect(a.account.password).not.toBe(b.account.password);
    expect(a.account.password).not.toContain(codes[0]!.slice(-6));
    expect(new Date(a.account.expiresAt).getTime()).toBe(new Date(NOW).getTime() + 7 * DAY);

    // The last six of the credit code — the old rule — no longer opens the account.
    expect((await t.client().login(codes[0]!, codes[0]!.slice(-6), 'unit')).statusCode).toBe(401);
    const login = await t.client().login(codes[0]!, a.account.password, 'unit');
    expect(login.statusCode).toBe(200);
    expect(login.json().me.mustChangePassword).toBe(true);
    const row = await unitAccountOf(a.id);
    expect(row.passwordExpiresAt?.toISOString()).toBe(a.account.expiresAt);
    // Shown once: neither the unit list nor the audit log holds the password.
    const list = await operator.get(`/api/units?q=${codes[0]}`);
    expect(list.body).not.toContain(a.account.password);
    const logged = (await audits('org.unit.create')).find((e) => e.targetId === String(a.id))!;
    expect(JSON.stringify(logged.detail)).not.toContain(a.account.password);
  });

  it('is re-issued by the operator or the HR bureau of its region only; the old password stops, audited', async () => {
    setNow(NOW);
    const code = creditCode('450205');
    const created = (
      await operator.post('/api/units', { name: '柳州市柳北区妇幼保健院', creditCode: code, regionCode: '450205' })
    ).json();
    const first = created.account.password as string;
    setNow('2026-03-05T08:00:00+08:00');
    const session = await loggedIn(t, code, first, 'unit');

    const liuzhou = await buildAuthority(t.db, {
      kind: 'hr',
      regionCode: '450200',
      name: '柳州市人力资源和社会保障局',
    });
    const nanning = await buildAuthority(t.db, {
      kind: 'hr',
      regionCode: '450100',
      name: '南宁市人力资源和社会保障局',
    });
    const hrLiuzhou = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: liuzhou.id })).username,
      PASSWORD,
      'authority',
    );
    const hrNanning = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: nanning.id })).username,
      PASSWORD,
      'authority',
    );
    const unitAdmin = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: created.id })).username,
      PASSWORD,
      'unit',
    );
    const person = await loggedIn(t, (await buildProfessional(t.db, { unitId: created.id })).username, PASSWORD);

    const url = `/api/units/${created.id}/account-password`;
    expect((await hrNanning.post(url)).statusCode).toBe(404);
    expect((await unitAdmin.post(url)).statusCode).toBe(403);
    expect((await person.post(url)).statusCode).toBe(403);
    expect((await t.client().post(url)).statusCode).toBe(401);
    expect((await operator.post('/api/units/987654321/account-password')).statusCode).toBe(404);
    expect((await t.client().login(code, first, 'unit')).statusCode).toBe(200); // nothing changed yet

    const res = await hrLiuzhou.post(url);
    expect(res.statusCode).toBe(200);
    const again = res.json() as { username: string; password: string; expiresAt: string };
    expect(again.username).toBe(code);
    expect(again.password).toMatch(UNAMBIGUOUS);
    expect(again.password).not.toBe(first);
    expect(again.expiresAt).toBe(new Date(new Date('2026-03-05T08:00:00+08:00').getTime() + 7 * DAY).toISOString());
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await t.client().login(code, first, 'unit')).statusCode).toBe(401);
    const login = await t.client().login(code, again.password, 'unit');
    expect(login.json().me.mustChangePassword).toBe(true);
    expect((await operator.post(url)).statusCode).toBe(200);

    const account = await unitAccountOf(created.id);
    const entries = (await audits('org.unit.account.password.reissue')).filter(
      (e) => e.targetId === String(account.id),
    );
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(again.password);
  });
});

describe('a new unit admin', () => {
  it('keeps the notice’s initial password (last six of the ID number) but it expires in 7 days; changing it clears the expiry', async () => {
    setNow(NOW);
    const unit = await buildUnit(t.db);
    const total = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id })).username,
      PASSWORD,
      'unit',
    );
    const id = idNumber({ region: '450103' });
    const res = await total.post('/api/org/admins', {
      idNumber: id,
      name: '覃美玲',
      phone: '13707711234',
      loginEnabled: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().passwordExpiresAt).toBe(new Date(new Date(NOW).getTime() + 7 * DAY).toISOString());
    const row = await accountOf(res.json().id);
    expect(row.mustChangePassword).toBe(true);
    expect(row.passwordExpiresAt?.getTime()).toBe(new Date(NOW).getTime() + 7 * DAY);

    const c = t.client();
    expect((await c.login(id, id.slice(-6), 'unit')).statusCode).toBe(200);
    expect(
      (await c.post('/api/me/password', { oldPassword: id.slice(-6), newPassword: 'Qinml2026a' })).statusCode,
    ).toBe(200);
    expect(await accountOf(res.json().id)).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
  });
});

describe('a password reset by a unit admin', () => {
  it('sets a random temporary password shown once, valid 72 hours, changed at first login, clearing failures; audited', async () => {
    setNow(NOW);
    const unit = await buildUnit(t.db);
    const total = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id })).username,
      PASSWORD,
      'unit',
    );
    const person = await buildProfessional(t.db, { unitId: unit.id });
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    for (const [url, target, action] of [
      [`/api/org/staff/${person.id}/reset-password`, person, 'org.staff.password.reset'],
      [`/api/org/admins/${admin.id}/reset-password`, admin, 'org.admin.password.reset'],
    ] as const) {
      const realm = target.kind === 'professional' ? 'person' : 'unit';
      const failuresOf = async () =>
        (await t.db.select().from(loginFailures)).filter((f) => f.usernameKey.includes(usernameKey(target.username)));
      expect((await t.client().login(target.username, 'wrong-password-1', realm)).statusCode).toBe(401);
      expect(await failuresOf()).not.toEqual([]);
      const res = await total.post(url);
      expect(res.statusCode).toBe(200);
      const issued = res.json() as { username: string; password: string; expiresAt: string };
      expect(issued.username).toBe(target.username);
      expect(issued.password).toMatch(UNAMBIGUOUS);
      expect(issued.password).not.toContain(target.idNumber!.slice(-6));
      expect(issued.expiresAt).toBe(new Date(new Date(NOW).getTime() + 72 * 3600_000).toISOString());
      const row = await accountOf(target.id);
      expect(row.mustChangePassword).toBe(true);
      expect(row.passwordExpiresAt?.toISOString()).toBe(issued.expiresAt);
      expect(await failuresOf()).toEqual([]);
      // The notice's old reset value (last six of the ID number) does not open the account.
      expect((await t.client().login(target.username, target.idNumber!.slice(-6), realm)).statusCode).toBe(401);
      expect((await t.client().login(target.username, issued.password, realm)).statusCode).toBe(200);
      const logged = (await audits(action)).filter((e) => e.targetId === String(target.id));
      expect(logged).toHaveLength(1);
      expect(JSON.stringify(logged)).not.toContain(issued.password);
    }
  });
});

describe('expiry at login', () => {
  it('an unused initial or temporary password is refused once expired; a re-issue or a change ends that', async () => {
    setNow(NOW);
    const code = creditCode('450103');
    const unit = (
      await operator.post('/api/units', {
        name: '南宁市青秀区南湖街道社区卫生服务中心',
        creditCode: code,
        regionCode: '450103',
      })
    ).json();
    const total = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id })).username,
      PASSWORD,
      'unit',
    );
    const adminId = idNumber({ region: '450103' });
    expect(
      (
        await total.post('/api/org/admins', {
          idNumber: adminId,
          name: '黄丽娟',
          phone: '13707711235',
          loginEnabled: true,
        })
      ).statusCode,
    ).toBe(201);
    const person = await buildProfessional(t.db, { unitId: unit.id });
    const temp = (await total.post(`/api/org/staff/${person.id}/reset-password`)).json().password as string;

    // 72 hours and a minute later: the temporary password is gone, the 7-day ones still work.
    setNow(new Date(new Date(NOW).getTime() + 72 * 3600_000 + 60_000));
    const expired = await t.client().login(person.username, temp);
    expect([expired.statusCode, expired.json().error.code]).toEqual([403, 'PASSWORD_EXPIRED']);
    expect((await t.client().login(adminId, adminId.slice(-6), 'unit')).statusCode).toBe(200);

    // 7 days and a minute later: the unit account's and the admin's initial passwords are gone too.
    setNow(new Date(new Date(NOW).getTime() + 7 * DAY + 60_000));
    for (const [u, pw] of [
      [code, unit.account.password],
      [adminId, adminId.slice(-6)],
    ] as const) {
      const res = await t.client().login(u, pw, 'unit');
      expect([u, res.statusCode, res.json().error.code]).toEqual([u, 403, 'PASSWORD_EXPIRED']);
    }
    // The operator re-issues the unit account's password: it works, and once changed it never expires.
    const op = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
    const again = (await op.post(`/api/units/${unit.id}/account-password`)).json().password as string;
    const c = t.client();
    expect((await c.login(code, again, 'unit')).statusCode).toBe(200);
    expect((await c.post('/api/me/password', { oldPassword: again, newPassword: 'Nanhu2026ok' })).statusCode).toBe(200);
    setNow(new Date(new Date(NOW).getTime() + 60 * DAY));
    expect((await t.client().login(code, 'Nanhu2026ok', 'unit')).statusCode).toBe(200);
  });
});

describe('the public unit search (注册)', () => {
  it('names units without handing out their full 统一社会信用代码', async () => {
    const code = creditCode('450103');
    await buildUnit(t.db, { name: '南宁市青秀区凤岭社区卫生服务中心', creditCode: code, regionCode: '450103' });
    for (const q of ['凤岭社区卫生', code]) {
      const res = await t.client().get(`/api/units/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const [hit] = res.json();
      expect(hit.name).toBe('南宁市青秀区凤岭社区卫生服务中心');
      expect(hit.creditCodeMasked).toBe(`${code.slice(0, 8)}**********`);
      expect(res.body).not.toContain(code.slice(-6));
      expect(hit).not.toHaveProperty('creditCode');
    }
  });
});
