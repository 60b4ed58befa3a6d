import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetClock } from '../../clock';
import { hashUnhashedPhones } from '../../db/pii-migrate';
import { accounts, auditLog, hourRecords, loginAddressFailures } from '../../db/schema/index';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { answersWith, atShanghai, compulsoryId, completeCourseInDb, paperOf, Y } from '../../../test/kits/learning';

let t: TestApp;
let operatorName: string;
let desk: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operatorName = (await buildAccount(t.db, { kind: 'operator', name: '客服热线坐席' })).username;
  desk = await loggedIn(t, operatorName, PASSWORD, 'authority');
});
afterAll(async () => t.close());
afterEach(() => resetClock());

const WRONG = 'Wrong1234';
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const audits = (action: string, targetId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));
const search = async (q: string) => {
  const res = await desk.get(`/api/helpdesk/people?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const file = async (id: number) => {
  const res = await desk.get(`/api/helpdesk/people/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Wrong passwords typed n times at the login page, each from the given client's address. */
async function failLogins(c: TestClient, username: string, n: number) {
  for (let i = 0; i < n; i++)
    expect(codeOf(await c.login(username, WRONG, 'person', { captcha: true }))).toBe('INVALID_CREDENTIALS');
}

describe('人员查询 — look-up', () => {
  it('finds a person by ID number exactly (masked in the list), with unit and department', async () => {
    const unit = await buildUnit(t.db, { name: '钦州市第一中学' });
    const dept = await buildDepartment(t.db, unit.id, '教务处');
    const p = await buildProfessional(t.db, { name: '莫晓琳', unitId: unit.id, departmentId: dept.id });
    const r = await search(p.idNumber!.toLowerCase());
    expect(r).toMatchObject({ kind: 'idNumber', truncated: false });
    expect(r.items).toEqual([
      expect.objectContaining({ id: p.id, name: '莫晓琳', unitName: '钦州市第一中学', departmentName: '教务处' }),
    ]);
    expect(r.items[0].idNumberMasked).toContain('****');
    expect(r.items[0].idNumberMasked).not.toBe(p.idNumber);
    // part of an ID number finds nobody (it is stored encrypted, found only whole)
    expect((await search(p.idNumber!.slice(0, 10))).items).toEqual([]);
  });

  it('finds a person by mobile number exactly, through its hash; a changed phone finds them under the new one only', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id, phone: '13977112345' });
    expect(await search('13977112345')).toMatchObject({ kind: 'phone', items: [{ id: p.id }] });
    expect((await search('13977112346')).items).toEqual([]);
    const self = await loggedIn(t, p.username, PASSWORD);
    expect((await self.patch('/api/me/profile', { phone: '18677100001' })).statusCode).toBe(200);
    expect((await search('13977112345')).items).toEqual([]);
    expect(await search('18677100001')).toMatchObject({ items: [{ id: p.id }] });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    expect(row!.phoneHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.phoneHmac).not.toContain('18677100001');
  });

  it('finds a phone stored before its look-up hash existed once the start-up step has hashed it', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id, phone: '15807712468' });
    await t.db.update(accounts).set({ phoneHmac: null }).where(eq(accounts.id, p.id));
    expect((await search('15807712468')).items).toEqual([]);
    expect(await hashUnhashedPhones(t.db)).toBeGreaterThanOrEqual(1);
    expect(await search('15807712468')).toMatchObject({ items: [{ id: p.id }] });
    expect(await hashUnhashedPhones(t.db)).toBe(0);
  });

  it('finds people by a name they start with first, then contain, with their units to tell namesakes apart', async () => {
    const a = await buildUnit(t.db, { name: '北海市人民医院' });
    const b = await buildUnit(t.db, { name: '玉林市疾病预防控制中心' });
    const p1 = await buildProfessional(t.db, { name: '覃丽华', unitId: a.id });
    const p2 = await buildProfessional(t.db, { name: '覃丽华', unitId: b.id });
    const p3 = await buildProfessional(t.db, { name: '陆覃丽', unitId: b.id });
    const r = await search('覃丽');
    expect(r.kind).toBe('name');
    const ids = r.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([p1.id, p2.id, p3.id]));
    expect(ids.indexOf(p3.id)).toBeGreaterThan(Math.max(ids.indexOf(p1.id), ids.indexOf(p2.id)));
    expect(
      r.items.filter((i: { name: string }) => i.name === '覃丽华').map((i: { unitName: string }) => i.unitName),
    ).toEqual(expect.arrayContaining(['北海市人民医院', '玉林市疾病预防控制中心']));
    // wildcards are typed text, not patterns
    expect((await search('%')).items).toEqual([]);
  });

  it('is the help desk’s only: a supervisor, an HR bureau or a professional is refused', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    for (const kind of ['authority', 'hr_bureau'] as const) {
      const a = await buildAccount(t.db, { kind });
      const c = await loggedIn(t, a.username, PASSWORD, 'authority');
      expect((await c.get(`/api/helpdesk/people?q=${p.idNumber}`)).statusCode).toBe(403);
      expect((await c.post(`/api/helpdesk/people/${p.id}/unlock`)).statusCode).toBe(403);
    }
    const self = await loggedIn(t, p.username, PASSWORD);
    expect((await self.get(`/api/helpdesk/people/${p.id}`)).statusCode).toBe(403);
  });
});

describe('人员查询 — the person’s page', () => {
  it('shows the account, the ID number in full, hours and 达标 per year, certificates-free and audit entries', async () => {
    atShanghai();
    const unit = await buildUnit(t.db, { name: '梧州市工人医院' });
    const p = await buildProfessional(t.db, { name: '甘志强', unitId: unit.id, pendingConfirmation: true });
    await buildRecord(t.db, { accountId: p.id, hours: 40, status: 'approved', year: Y, unitId: unit.id });
    await creditPublic(t.db, p.id, Y, 'compulsory');
    await loggedIn(t, p.username, PASSWORD);
    const f = await file(p.id);
    expect(f).toMatchObject({
      id: p.id,
      name: '甘志强',
      idNumber: p.idNumber,
      phone: '13800138000',
      unit: { id: unit.id, name: '梧州市工人医院' },
      department: null,
      newRegistration: true,
      account: {
        username: p.idNumber,
        loginEnabled: true,
        failures: 0,
        captchaRequired: false,
        captchaReason: null,
        passwordState: 'normal',
        lastLoginAt: expect.any(String),
        lastLoginIp: expect.stringMatching(/^198\.18\./),
      },
      certificates: [],
    });
    expect(f.years.find((y: { year: number }) => y.year === Y)).toMatchObject({
      professionalHours: 40,
      compulsoryHours: 15,
      met: false,
    });
    expect(f.audit.map((e: { action: string }) => e.action)).toContain('auth.login');
    expect((await desk.get('/api/helpdesk/people/999999')).statusCode).toBe(404);
  });

  it('shows 3 recent failed logins as a required 图形验证码, and an initial or temporary password as one too', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    await failLogins(t.client(), p.username, 3);
    expect((await file(p.id)).account).toMatchObject({ failures: 3, captchaRequired: true, captchaReason: 'failures' });
    const q = await buildProfessional(t.db, {
      unitId: (await buildUnit(t.db)).id,
      mustChangePassword: true,
      passwordExpiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await file(q.id)).account).toMatchObject({
      failures: 0,
      captchaRequired: true,
      captchaReason: 'initial_password',
      passwordState: 'temporary',
    });
  });
});

describe('解除锁定', () => {
  it('forgets the failures: the person logs in with the password alone, no captcha; audited', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    await failLogins(t.client(), p.username, 3);
    const before = await t.client().login(p.username, PASSWORD, 'person', { captcha: false });
    expect(codeOf(before)).toBe('CAPTCHA_REQUIRED');

    const res = await desk.post(`/api/helpdesk/people/${p.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ failuresCleared: 3 });
    expect((await file(p.id)).account).toMatchObject({ failures: 0, captchaRequired: false });
    expect((await t.client().login(p.username, PASSWORD, 'person', { captcha: false })).statusCode).toBe(200);
    const [entry] = await audits('helpdesk.account.unlock', p.id);
    expect(entry).toMatchObject({ actorName: '客服热线坐席', result: 'ok', detail: { failuresCleared: 3 } });
  });

  it('lifts the delay of an address that failed only on this account, keeps it for one guessing at others too', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    const other = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    const own = t.client();
    await failLogins(own, p.username, 5); // past the free failures: the address waits
    const guesser = t.client();
    await failLogins(guesser, p.username, 3);
    await failLogins(guesser, other.username, 2);
    const delayed = async (c: TestClient) =>
      (await t.db.select().from(loginAddressFailures).where(eq(loginAddressFailures.address, c.address)))[0]
        ?.delayedUntil ?? null;
    expect(await delayed(own)).not.toBeNull();
    expect(await delayed(guesser)).not.toBeNull();

    const res = await desk.post(`/api/helpdesk/people/${p.id}/unlock`);
    expect(res.json()).toMatchObject({ addressesCleared: 1, addressesKept: 1 });
    expect(await delayed(own)).toBeNull();
    expect(await delayed(guesser)).not.toBeNull();
    // from their own address, at once: no delay, no captcha
    expect((await own.login(p.username, PASSWORD, 'person', { captcha: false })).statusCode).toBe(200);
  });

  it('leaves the captcha of a temporary password (every such login asks for it) and says so on the page', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    await desk.post(`/api/helpdesk/people/${p.id}/reset-password`);
    await desk.post(`/api/helpdesk/people/${p.id}/unlock`);
    expect((await file(p.id)).account).toMatchObject({ captchaRequired: true, captchaReason: 'initial_password' });
  });
});

describe('重置密码', () => {
  it('sets a random temporary password shown once: the old one stops working, the new one must be changed; audited', async () => {
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    const session = await loggedIn(t, p.username, PASSWORD);
    const res = await desk.post(`/api/helpdesk/people/${p.id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json();
    expect(issued).toMatchObject({ username: p.idNumber, password: expect.stringMatching(/^[A-Za-z2-9]{12}$/) });
    expect((await session.get('/api/me')).statusCode).toBe(401); // sessions ended
    expect(codeOf(await t.client().login(p.username, PASSWORD, 'person'))).toBe('INVALID_CREDENTIALS');
    const login = await t.client().login(p.username, issued.password, 'person');
    expect(login.statusCode).toBe(200);
    expect(login.json().me).toMatchObject({ mustChangePassword: true });
    const [entry] = await audits('helpdesk.password.reset', p.id);
    expect(entry!.detail).toMatchObject({ expiresAt: issued.expiresAt });
    expect(JSON.stringify(entry!.detail)).not.toContain(issued.password);
    expect((await file(p.id)).account.passwordState).toBe('temporary');
  });
});

describe('补考授权', () => {
  it('grants a makeup to a person with 3 failed attempts (shown on the page), not to one with attempts left', async () => {
    atShanghai();
    const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    await completeCourseInDb(t.db, p.id, Y, await compulsoryId(t.db));
    const c = await loggedIn(t, p.username, PASSWORD);
    const attempt = async () => {
      const s = await c.post(`/api/exams/years/${Y}/attempts`);
      expect(s.statusCode, s.body).toBe(200);
      const answers = answersWith(await paperOf(t.db, s.json().id), { single: 5 });
      expect((await c.post(`/api/exams/attempts/${s.json().id}/submit`, { answers })).statusCode).toBe(200);
    };
    await attempt();
    const early = await desk.post(`/api/helpdesk/people/${p.id}/makeups`, { year: Y, reason: '本人来电申请补考' });
    expect(early.statusCode).toBe(409);
    await attempt();
    await attempt();
    const exams = (await file(p.id)).exams;
    expect(exams[0]).toMatchObject({ year: Y, canGrant: true, rounds: [{ roundNo: 1, attempts: [{}, {}, {}] }] });

    const res = await desk.post(`/api/helpdesk/people/${p.id}/makeups`, {
      year: Y,
      reason: '本人致电0771-966111申请补考',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ canGrant: false, rounds: [{ roundNo: 1 }, { roundNo: 2, kind: 'makeup' }] });
    expect(await audits('exam.makeup_grant', p.id)).toHaveLength(1);
    expect((await file(p.id)).audit.map((e: { action: string }) => e.action)).toContain('exam.makeup_grant');
    const short = await desk.post(`/api/helpdesk/people/${p.id}/makeups`, { year: Y, reason: '补考' });
    expect(short.statusCode).toBe(400);
  });
});

describe('人员调动', () => {
  it('moves the person: approved and submitted hours keep the old unit, drafts follow, the new unit sees 新注册', async () => {
    atShanghai();
    const from = await buildUnit(t.db, { name: '贺州市八步区人民医院' });
    const to = await buildUnit(t.db, { name: '来宾市人民医院' });
    const dept = await buildDepartment(t.db, to.id, '检验科');
    const p = await buildProfessional(t.db, { unitId: from.id });
    const approved = await buildRecord(t.db, {
      accountId: p.id,
      hours: 16,
      status: 'approved',
      year: Y,
      unitId: from.id,
    });
    const pending = await buildRecord(t.db, { accountId: p.id, hours: 8, status: 'pending', year: Y, unitId: from.id });
    const draft = await buildRecord(t.db, { accountId: p.id, hours: 8, status: 'draft', year: Y, unitId: from.id });

    const res = await desk.post(`/api/helpdesk/people/${p.id}/transfer`, {
      unitId: to.id,
      departmentId: dept.id,
      reason: '工作调动，本人来电',
    });
    expect(res.statusCode, res.body).toBe(200);
    const unitOf = async (id: number) =>
      (await t.db.select({ u: hourRecords.unitId }).from(hourRecords).where(eq(hourRecords.id, id)))[0]!.u;
    expect(await unitOf(approved.id)).toBe(from.id);
    expect(await unitOf(pending.id)).toBe(from.id);
    expect(await unitOf(draft.id)).toBe(to.id);
    expect(await file(p.id)).toMatchObject({
      unit: { id: to.id },
      department: { id: dept.id, name: '检验科' },
      newRegistration: true,
    });
    // the new unit's admin sees them as 新注册
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: to.id });
    const ac = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const staff = (await ac.get('/api/org/staff?newRegistration=true')).json();
    expect(staff.items.map((s: { id: number }) => s.id)).toContain(p.id);
    // the approved hours still count for the person's year
    expect((await file(p.id)).years.find((y: { year: number }) => y.year === Y)).toMatchObject({
      professionalHours: 16,
    });
    const [entry] = await audits('helpdesk.person.transfer', p.id);
    expect(entry!.detail).toMatchObject({
      from: { unitId: from.id, unitName: '贺州市八步区人民医院' },
      to: { unitId: to.id, departmentId: dept.id, unitName: '来宾市人民医院' },
      draftsMoved: 1,
      reason: '工作调动，本人来电',
    });
  });

  it('refuses the unit the person is in, a department of another unit, and a unit that does not exist', async () => {
    const unit = await buildUnit(t.db);
    const elsewhere = await buildDepartment(t.db, (await buildUnit(t.db)).id);
    const target = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id });
    const same = await desk.post(`/api/helpdesk/people/${p.id}/transfer`, { unitId: unit.id, reason: '工作调动' });
    expect(same.statusCode).toBe(409);
    const dept = await desk.post(`/api/helpdesk/people/${p.id}/transfer`, {
      unitId: target.id,
      departmentId: elsewhere.id,
      reason: '工作调动',
    });
    expect(dept.statusCode).toBe(400);
    expect(dept.json().error.details).toEqual([expect.objectContaining({ field: 'departmentId' })]);
    const none = await desk.post(`/api/helpdesk/people/${p.id}/transfer`, { unitId: 999999, reason: '工作调动' });
    expect(none.statusCode).toBe(400);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    expect(row!.unitId).toBe(unit.id);
    expect(await audits('helpdesk.person.transfer', p.id)).toHaveLength(0);
  });
});
