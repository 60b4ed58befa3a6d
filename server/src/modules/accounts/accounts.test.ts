import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog } from '../../db/schema/index';
import { idNumberIs } from '../../db/pii-lookup';
import { idNumberHash } from '../../db/pii';
import { idCheckChar } from '../../domain/id-number';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildUnit,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const registration = (unitId: number, over: Record<string, unknown> = {}) => ({
  idNumber: idNumber({ region: '450203', birth: '19880315', gender: 'female' }),
  name: '覃美玲',
  phone: '13977112345',
  unitId,
  password: 'Guangxi2024',
  ...over,
});

describe('注册 (registration of a professional)', () => {
  it('registers with gender and birth date derived from the ID number; first login asks for contact details', async () => {
    const unit = await buildUnit(t.db, { name: '柳州市工人医院' });
    const body = registration(unit.id);
    const res = await t.client().register(body);
    expect(res.statusCode).toBe(201);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, res.json().id));
    expect(row).toMatchObject({
      kind: 'professional',
      idNumber: body.idNumber,
      username: idNumberHash(body.idNumber),
      gender: 'female',
      birthDate: '1988-03-15',
      unitId: unit.id,
    });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const c = await loggedIn(t, body.idNumber, 'Guangxi2024', 'person');
    const me = (await c.get('/api/me')).json();
    expect(me.profileComplete).toBe(false); // no e-mail yet
    const done = await c.patch('/api/me/profile', { email: 'qinml@example.com' });
    expect(done.json().profileComplete).toBe(true);
  });

  it('refuses a duplicate ID number, also when two registrations race', async () => {
    const unit = await buildUnit(t.db);
    const body = registration(unit.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => t.client().register(body)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.message).toContain('已注册');
    }
    expect(await t.db.select().from(accounts).where(idNumberIs(body.idNumber))).toHaveLength(1);
  });

  it.each([
    ['a wrong check digit', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'), '身份证号码校验位错误'],
    [
      'an impossible birth date (Feb 30)',
      () => {
        const f = '45010219900230123';
        return f + idCheckChar(f);
      },
      '出生日期无效',
    ],
    [
      'a future birth date',
      () => {
        const f = '45010220991231123';
        return f + idCheckChar(f);
      },
      '出生日期无效',
    ],
    ['17 characters', (id: string) => id.slice(0, 17), '身份证号码应为18位'],
  ])('refuses an ID number with %s, naming the field', async (_label, mutate, reason) => {
    const unit = await buildUnit(t.db);
    const body = registration(unit.id);
    const res = await t.client().register({ ...body, idNumber: mutate(body.idNumber) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field: 'idNumber', reason });
  });

  it('refuses a weak password and an unknown unit, writing nothing', async () => {
    const unit = await buildUnit(t.db);
    const weak = registration(unit.id, { password: 'abcdefgh' });
    const r1 = await t.client().register(weak);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details[0]).toMatchObject({
      field: 'password',
      reason: '密码至少8位，且须同时包含字母和数字',
    });
    const r2 = await t.client().register(registration(999999));
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0].field).toBe('unitId');
    for (const b of [weak])
      expect(
        await t.db
          .select()
          .from(accounts)
          .where(idNumberIs(b.idNumber as string)),
      ).toHaveLength(0);
  });
});

describe('我的信息 and passwords', () => {
  it('chooses 所属部门 among the own unit’s departments only', async () => {
    const unit = await buildUnit(t.db);
    const other = await buildUnit(t.db);
    const dept = await buildDepartment(t.db, unit.id, '财务处');
    const foreign = await buildDepartment(t.db, other.id, '财务处');
    const p = await buildProfessional(t.db, { unitId: unit.id });
    const c = await loggedIn(t, p.username, PASSWORD);
    expect((await c.get('/api/me/departments')).json()).toEqual([{ id: dept.id, name: '财务处', parentId: null }]);
    const bad = await c.patch('/api/me/profile', { departmentId: foreign.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('departmentId');
    const ok = await c.patch('/api/me/profile', { departmentId: dept.id });
    expect(ok.json().department).toEqual({ id: dept.id, name: '财务处' });
    const cleared = await c.patch('/api/me/profile', { departmentId: null });
    expect(cleared.json().department).toBeNull();
  });

  it('forces an initial password to be changed before anything else, then lets the person in', async () => {
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, mustChangePassword: true });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    expect((await c.get('/api/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/me/departments');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await c.post('/api/me/password', { oldPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    const ok = await c.post('/api/me/password', { oldPassword: PASSWORD, newPassword: 'NewPass2024' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/me/departments')).statusCode).toBe(200);
    expect((await t.client().login(admin.username, 'NewPass2024', 'unit')).statusCode).toBe(200);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.password.change'));
    expect(audits.some((a) => a.targetId === String(admin.id) && a.result === 'ok')).toBe(true);
  });

  it('refuses a wrong old password and ends other sessions after a change', async () => {
    const p = await buildProfessional(t.db);
    const a = await loggedIn(t, p.username, PASSWORD);
    const b = await loggedIn(t, p.username, PASSWORD);
    const wrong = await a.post('/api/me/password', { oldPassword: 'Nope12345', newPassword: 'Another2024' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('oldPassword');
    expect((await a.post('/api/me/password', { oldPassword: PASSWORD, newPassword: 'Another2024' })).statusCode).toBe(
      200,
    );
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });
});

describe('authorization', () => {
  it('keeps a professional out of operator routes, and anonymous callers out of everything private', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    const res = await c.get('/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await t.client().get('/api/audit')).statusCode).toBe(401);
    expect((await t.client().get('/api/me')).statusCode).toBe(401);
  });

  it('lets an operator search the audit log by action and target', async () => {
    const op = await buildAccount(t.db, { kind: 'operator' });
    const p = await buildProfessional(t.db);
    await t.client().login(p.username, 'Wrong1234');
    const c = await loggedIn(t, op.username, PASSWORD, 'authority');
    const res = await c.get(`/api/audit?action=auth.login&targetId=${p.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ action: 'auth.login', result: 'failed', targetId: String(p.id) });
  });
});
