import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, units } from '../../db/schema/index';
import { idNumberHash } from '../../db/pii';
import { creditCodeCheckChar } from '../../domain/credit-code';
import {
  buildAccount,
  buildAuthority,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditCode,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const audits = async (action: string, targetId: number | string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));

/** A unit with departments A (with sub-department A1) and B, a total admin, a department admin of A, and staff. */
async function unitFixture() {
  const unit = await buildUnit(t.db);
  const deptA = await buildDepartment(t.db, unit.id, '内科');
  const deptA1 = await buildDepartment(t.db, unit.id, '心血管内科', deptA.id);
  const deptB = await buildDepartment(t.db, unit.id, '外科');
  const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
  const deptAdmin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: deptA.id });
  const inA = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptA.id, name: '韦丽华' });
  const inA1 = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptA1.id, name: '覃志强' });
  const inB = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptB.id, name: '黄海燕' });
  const noDept = await buildProfessional(t.db, { unitId: unit.id, name: '莫晓东' });
  return { unit, deptA, deptA1, deptB, total, deptAdmin, inA, inA1, inB, noDept };
}

const asUnit = (username: string) => loggedIn(t, username, PASSWORD, 'unit');

describe('department (二级) admin scope', () => {
  it('sees only the staff of its department and sub-departments; the total admin sees the whole unit', async () => {
    const f = await unitFixture();
    const other = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    const dept = await asUnit(f.deptAdmin.username);
    const list = (await dept.get('/api/org/staff?pageSize=100')).json();
    expect(list.items.map((p: { id: number }) => p.id).sort()).toEqual([f.inA.id, f.inA1.id].sort());
    expect(list.total).toBe(2);
    // Filtering or searching for people outside the scope finds nothing.
    expect((await dept.get(`/api/org/staff?departmentId=${f.deptB.id}`)).json().total).toBe(0);
    expect((await dept.get(`/api/org/staff?q=${encodeURIComponent('黄海燕')}`)).json().total).toBe(0);
    expect((await dept.get(`/api/org/staff?q=${other.idNumber}`)).json().total).toBe(0);

    const total = await asUnit(f.total.username);
    const all = (await total.get('/api/org/staff?pageSize=100')).json();
    expect(all.items.map((p: { id: number }) => p.id).sort()).toEqual(
      [f.inA.id, f.inA1.id, f.inB.id, f.noDept.id].sort(),
    );
    expect(all.items.every((p: { idNumberMasked: string }) => /^\d{6}\*{8}[\dX]{4}$/.test(p.idNumberMasked))).toBe(
      true,
    );
    expect((await total.get(`/api/org/staff?q=${f.inB.idNumber}`)).json().items[0].id).toBe(f.inB.id);
  });

  it('gets 404 acting on a professional of another department or another unit; the total admin may', async () => {
    const f = await unitFixture();
    const other = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
    const dept = await asUnit(f.deptAdmin.username);
    for (const id of [f.inB.id, f.noDept.id, other.id]) {
      expect((await dept.patch(`/api/org/staff/${id}`, { phone: '13911112222' })).statusCode).toBe(404);
      expect((await dept.post(`/api/org/staff/${id}/reset-password`)).statusCode).toBe(404);
      expect((await dept.post(`/api/org/staff/${id}/remove`, {})).statusCode).toBe(404);
    }
    // It cannot move its own staff out of its department either.
    const move = await dept.patch(`/api/org/staff/${f.inA.id}`, { departmentId: f.deptB.id });
    expect(move.statusCode).toBe(400);
    expect((await dept.patch(`/api/org/staff/${f.inA.id}`, { departmentId: f.deptA1.id })).statusCode).toBe(200);

    const total = await asUnit(f.total.username);
    expect((await total.patch(`/api/org/staff/${f.inB.id}`, { departmentId: f.deptA.id })).statusCode).toBe(200);
    expect((await total.patch(`/api/org/staff/${other.id}`, { phone: '13911112222' })).statusCode).toBe(404);
    const [moved] = await t.db.select().from(accounts).where(eq(accounts.id, f.inB.id));
    expect(moved!.departmentId).toBe(f.deptA.id);
  });

  it('cannot manage departments or admins', async () => {
    const f = await unitFixture();
    const dept = await asUnit(f.deptAdmin.username);
    expect((await dept.post('/api/org/departments', { name: '新部门' })).statusCode).toBe(403);
    expect((await dept.get('/api/org/admins')).statusCode).toBe(403);
    expect(
      (await dept.post('/api/org/admins', { idNumber: idNumber(), name: '甘露', phone: '13800000001' })).statusCode,
    ).toBe(403);
  });
});

describe('a professional', () => {
  it('cannot reach any unit-admin or operator route', async () => {
    const f = await unitFixture();
    const p = await loggedIn(t, f.inA.username, PASSWORD);
    const calls: Array<[string, () => Promise<{ statusCode: number }>]> = [
      ['staff', () => p.get('/api/org/staff')],
      ['staff update', () => p.patch(`/api/org/staff/${f.inB.id}`, { phone: '13900000000' })],
      ['reset', () => p.post(`/api/org/staff/${f.inB.id}/reset-password`)],
      ['departments', () => p.get('/api/org/departments')],
      ['new department', () => p.post('/api/org/departments', { name: 'X' })],
      ['admins', () => p.get('/api/org/admins')],
      ['units', () => p.get('/api/units')],
      ['new unit', () => p.post('/api/units', { name: 'X', creditCode: creditCode(), regionCode: '450103' })],
      // Refused before its input is examined: an invalid body still gets 403, not 400.
      ['new unit, invalid body', () => p.post('/api/units', { name: 42 })],
    ];
    for (const [label, call] of calls) expect([label, (await call()).statusCode]).toEqual([label, 403]);
  });

  it('changes own unit in 我的信息: the department is cleared and the change audited', async () => {
    const f = await unitFixture();
    const target = await buildUnit(t.db, { name: '广西壮族自治区交通规划勘察设计研究院' });
    const p = await loggedIn(t, f.inA.username, PASSWORD);
    const res = await p.put('/api/me/unit', { unitId: target.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: { id: target.id }, department: null });
    expect(await audits('org.me.unit.change', f.inA.id)).toHaveLength(1);
    expect((await p.put('/api/me/unit', { unitId: 987654 })).statusCode).toBe(400);
  });
});

describe('单位管理员管理', () => {
  it('新增管理员: initial password is the last six of the ID number and must be changed at first login', async () => {
    const f = await unitFixture();
    const total = await asUnit(f.total.username);
    const id = idNumber({ region: '450103' });
    const res = await total.post('/api/org/admins', {
      idNumber: id,
      name: '蒙秀兰',
      phone: '13707711234',
      departmentId: f.deptB.id,
      loginEnabled: true,
    });
    expect(res.statusCode).toBe(201);
    const c = t.client();
    expect((await c.login(id, PASSWORD, 'unit')).statusCode).toBe(401);
    const login = await c.login(id, id.slice(-6), 'unit');
    expect(login.statusCode).toBe(200);
    expect(login.json().me.mustChangePassword).toBe(true);
    expect((await c.get('/api/org/staff')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await c.post('/api/me/password', { oldPassword: id.slice(-6), newPassword: 'Mengxl2024' })).statusCode,
    ).toBe(200);
    // No e-mail yet: the profile comes next.
    expect((await c.get('/api/org/staff')).json().error.code).toBe('PROFILE_INCOMPLETE');
    expect((await c.patch('/api/me/profile', { email: 'mengxl@example.cn' })).statusCode).toBe(200);
    const staff = (await c.get('/api/org/staff')).json();
    expect(staff.items.map((s: { id: number }) => s.id)).toEqual([f.inB.id]);
    expect(await audits('org.admin.create', res.json().id)).toHaveLength(1);
  });

  it('accepts an ID number typed with a lowercase x, stores it with X, and logs in with x or X (and the initial password with x)', async () => {
    const f = await unitFixture();
    const total = await asUnit(f.total.username);
    let id = idNumber({ region: '450103' });
    while (!id.endsWith('X')) id = idNumber({ region: '450103' });
    const lower = id.toLowerCase();
    const res = await total.post('/api/org/admins', { idNumber: lower, name: '韦秀英', phone: '13707711235' });
    expect(res.statusCode).toBe(201);
    const [stored] = await t.db.select().from(accounts).where(eq(accounts.id, res.json().id));
    expect(stored!.idNumber).toBe(id);
    expect(stored!.username).toBe(idNumberHash(id)); // the ID number only as its hash (db/pii.ts)
    const login = await t.client().login(lower, lower.slice(-6), 'unit');
    expect(login.statusCode).toBe(200);
    expect((await t.client().login(id, id.slice(-6), 'unit')).statusCode).toBe(200);
    // a wrong password with a lowercase x is still wrong
    expect((await t.client().login(lower, 'abcdex', 'unit')).statusCode).toBe(401);
  });

  it('refuses an invalid ID number and a duplicate admin', async () => {
    const f = await unitFixture();
    const total = await asUnit(f.total.username);
    const bad = await total.post('/api/org/admins', {
      idNumber: '450103199001011230',
      name: '李明',
      phone: '13707711234',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('idNumber');
    const dup = await total.post('/api/org/admins', {
      idNumber: f.deptAdmin.idNumber,
      name: '李明',
      phone: '13707711234',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('a disabled admin cannot log in (允许登录系统 off), and the change is audited', async () => {
    const f = await unitFixture();
    const total = await asUnit(f.total.username);
    const session = await asUnit(f.deptAdmin.username);
    expect((await total.patch(`/api/org/admins/${f.deptAdmin.id}`, { loginEnabled: false })).statusCode).toBe(200);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    const res = await t.client().login(f.deptAdmin.username, PASSWORD, 'unit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('禁止登录');
    expect(await audits('org.admin.disable', f.deptAdmin.id)).toHaveLength(1);
  });

  it('keeps at least one total admin: refuses deleting, moving or disabling the last one', async () => {
    const f = await unitFixture();
    const unitAccount = await buildAccount(t.db, {
      kind: 'unit_account',
      unitId: f.unit.id,
      username: f.unit.creditCode,
    });
    const c = await asUnit(unitAccount.username);
    for (const res of [
      await c.delete(`/api/org/admins/${f.total.id}`),
      await c.patch(`/api/org/admins/${f.total.id}`, { departmentId: f.deptA.id }),
      await c.patch(`/api/org/admins/${f.total.id}`, { loginEnabled: false }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('至少保留一名');
    }
    // With a second total admin, the first may go — but two concurrent removals leave one.
    const second = await buildAccount(t.db, { kind: 'unit_admin', unitId: f.unit.id });
    const results = await Promise.all([
      c.delete(`/api/org/admins/${f.total.id}`),
      c.delete(`/api/org/admins/${second.id}`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(
      (await c.get('/api/org/admins')).json().filter((a: { departmentId: number | null }) => a.departmentId === null),
    ).toHaveLength(1);
  });

  it('resets an admin password to a random temporary one shown once, ending their sessions, audited', async () => {
    const f = await unitFixture();
    const total = await asUnit(f.total.username);
    const victim = await asUnit(f.deptAdmin.username);
    const reset = await total.post(`/api/org/admins/${f.deptAdmin.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await victim.get('/api/me')).statusCode).toBe(401);
    expect((await t.client().login(f.deptAdmin.username, f.deptAdmin.idNumber!.slice(-6), 'unit')).statusCode).toBe(
      401,
    );
    const res = await t.client().login(f.deptAdmin.username, reset.json().password, 'unit');
    expect(res.json().me.mustChangePassword).toBe(true);
    expect(await audits('org.admin.password.reset', f.deptAdmin.id)).toHaveLength(1);
  });
});

describe('单位部门管理', () => {
  it('新增部门 with two levels at most; a duplicate name under one parent is refused', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    const top = await c.post('/api/org/departments', { name: '财务处' });
    expect(top.statusCode).toBe(201);
    const sub = await c.post('/api/org/departments', { name: '会计科', parentId: top.json().id });
    expect(sub.statusCode).toBe(201);
    const third = await c.post('/api/org/departments', { name: '出纳组', parentId: sub.json().id });
    expect(third.statusCode).toBe(400);
    expect(third.json().error.message).toContain('最多两级');
    const dup = await c.post('/api/org/departments', { name: '财务处' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('同一上级部门下已有同名部门');
    expect((await c.post('/api/org/departments', { name: '会计科' })).statusCode).toBe(201); // another parent: fine
    const rename = await c.patch(`/api/org/departments/${sub.json().id}`, { name: '会计科' });
    expect(rename.statusCode).toBe(200);
  });

  it('lists departments with their staff and admin counts', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    const rows = (await c.get('/api/org/departments')).json() as Array<{
      id: number;
      staffCount: number;
      adminCount: number;
    }>;
    expect(rows.find((d) => d.id === f.deptA.id)).toMatchObject({ staffCount: 1, adminCount: 1 });
    expect(rows.find((d) => d.id === f.deptA1.id)).toMatchObject({ staffCount: 1, adminCount: 0 });
    expect(rows.find((d) => d.id === f.deptB.id)).toMatchObject({ staffCount: 1, adminCount: 0 });
  });

  it('moves a department, but not one with sub-departments under another', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    expect((await c.patch(`/api/org/departments/${f.deptA.id}`, { parentId: f.deptB.id })).statusCode).toBe(400);
    expect((await c.patch(`/api/org/departments/${f.deptA1.id}`, { parentId: f.deptB.id })).statusCode).toBe(200);
    expect((await c.patch(`/api/org/departments/${f.deptA1.id}`, { parentId: null })).statusCode).toBe(200);
  });

  it('deletes only an empty department, with a clear reason otherwise', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    const withChild = await c.delete(`/api/org/departments/${f.deptA.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.message).toContain('下级部门');
    const withStaff = await c.delete(`/api/org/departments/${f.deptB.id}`);
    expect(withStaff.statusCode).toBe(409);
    expect(withStaff.json().error.message).toContain('1名人员');
    const empty = (await c.post('/api/org/departments', { name: '临时部门' })).json().id;
    expect((await c.delete(`/api/org/departments/${empty}`)).statusCode).toBe(200);
    expect(await audits('org.department.delete', empty)).toHaveLength(1);
    // Another unit's department does not exist for this admin.
    const foreign = await buildDepartment(t.db, (await buildUnit(t.db)).id);
    expect((await c.delete(`/api/org/departments/${foreign.id}`)).statusCode).toBe(404);
  });
});

describe('专业技术人员管理', () => {
  it('resets a forgotten password to a temporary one: the person must change it at next login; audited', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.deptAdmin.username);
    const reset = await c.post(`/api/org/staff/${f.inA.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await t.client().login(f.inA.username, PASSWORD)).statusCode).toBe(401);
    const res = await t.client().login(f.inA.username, reset.json().password);
    expect(res.json().me.mustChangePassword).toBe(true);
    expect(await audits('org.staff.password.reset', f.inA.id)).toHaveLength(1);
  });

  it('removes a person who left: they leave the list and keep their account', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    expect((await c.post(`/api/org/staff/${f.inB.id}/remove`, { reason: '调离本单位' })).statusCode).toBe(200);
    expect((await c.get(`/api/org/staff?q=${f.inB.idNumber}`)).json().total).toBe(0);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, f.inB.id));
    expect(row).toMatchObject({ unitId: null, departmentId: null });
    expect((await t.client().login(f.inB.username, PASSWORD)).statusCode).toBe(200);
    expect((await audits('org.staff.remove', f.inB.id))[0]!.detail).toMatchObject({
      reason: '调离本单位',
      unitId: f.unit.id,
    });
  });

  it('pages and searches by name prefix', async () => {
    const f = await unitFixture();
    const c = await asUnit(f.total.username);
    const p1 = (await c.get('/api/org/staff?pageSize=3&page=1')).json();
    const p2 = (await c.get('/api/org/staff?pageSize=3&page=2')).json();
    expect(p1.total).toBe(4);
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(1);
    expect(
      (await c.get(`/api/org/staff?q=${encodeURIComponent('韦')}`)).json().items.map((s: { name: string }) => s.name),
    ).toEqual(['韦丽华']);
    expect((await c.get('/api/org/staff?departmentId=0')).json().items.map((s: { id: number }) => s.id)).toEqual([
      f.noDept.id,
    ]);
  });
});

describe('单位 (units)', () => {
  let operator: TestClient;
  beforeAll(async () => {
    operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
  });

  it('creates a unit with its 单位账号 (credit code login, a random initial password, forced change)', async () => {
    const code = creditCode('450102');
    const res = await operator.post('/api/units', {
      name: '南宁市兴宁区人民医院',
      creditCode: code,
      regionCode: '450102',
      industryCode: 'Q',
      unitType: 'institution',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().account.username).toBe(code);
    const login = await t.client().login(code, res.json().account.password, 'unit');
    expect(login.statusCode).toBe(200);
    expect(login.json().me).toMatchObject({
      kind: 'unit_account',
      mustChangePassword: true,
      unit: { id: res.json().id },
    });
    expect(
      (await operator.post('/api/units', { name: '重复', creditCode: code, regionCode: '450102' })).statusCode,
    ).toBe(409);
  });

  it('refuses an invalid 统一社会信用代码 with the reason', async () => {
    const good = creditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await operator.post('/api/units', { name: '某公司', creditCode: wrongCheck, regionCode: '450103' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'creditCode' });
    expect(res.json().error.details[0].reason).toContain('校验');
    const withI = '91450103MA5KXXXXI';
    const r2 = await operator.post('/api/units', {
      name: '某公司',
      creditCode: withI + creditCodeCheckChar('91450103MA5KXXXX1'),
      regionCode: '450103',
    });
    expect(r2.statusCode).toBe(400);
    expect(await t.db.select().from(units).where(eq(units.name, '某公司'))).toHaveLength(0);
  });

  it('lets a city HR bureau create units only within its region, and list only those', async () => {
    const bureau = await buildAuthority(t.db, { kind: 'hr', regionCode: '450200', name: '柳州市人力资源和社会保障局' });
    const hr = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: bureau.id })).username,
      PASSWORD,
      'authority',
    );
    const inside = await hr.post('/api/units', {
      name: '柳州市柳北区疾病预防控制中心',
      creditCode: creditCode('450205'),
      regionCode: '450205',
    });
    expect(inside.statusCode).toBe(201);
    const outside = await hr.post('/api/units', {
      name: '南宁某单位',
      creditCode: creditCode('450103'),
      regionCode: '450103',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('本辖区');
    const list = (await hr.get('/api/units?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { regionCode: string }) => u.regionCode.startsWith('4502'))).toBe(true);
    const nanning = await buildUnit(t.db, { regionCode: '450103' });
    expect((await hr.patch(`/api/units/${nanning.id}`, { name: '改名' })).statusCode).toBe(404);
  });

  it('searches authorities by name for any logged-in user', async () => {
    await buildAuthority(t.db, { name: '广西壮族自治区卫生健康委员会' });
    const p = await loggedIn(t, (await buildProfessional(t.db)).username, PASSWORD);
    const res = (await p.get(`/api/authorities/search?q=${encodeURIComponent('卫生健康')}`)).json();
    expect(res[0].name).toBe('广西壮族自治区卫生健康委员会');
  });
});

describe('新注册 (self-registered people awaiting the unit)', () => {
  /** 注册 through the public API, as a person does it. */
  async function register(unitId: number, name: string) {
    const id = idNumber({ region: '450103' });
    const res = await t.client().register({ idNumber: id, name, phone: '13977112345', unitId, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as number, idNumber: id };
  }

  it('marks a self-registered person 新注册 in the staff list, with a filter and a count', async () => {
    const f = await unitFixture();
    const reg = await register(f.unit.id, '陆春燕');
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, reg.id));
    expect(row!.pendingConfirmation).toBe(true);
    const c = await asUnit(f.total.username);
    const all = (await c.get('/api/org/staff?pageSize=100')).json();
    expect(all.newRegistrationCount).toBe(1);
    expect(
      all.items.filter((s: { newRegistration: boolean }) => s.newRegistration).map((s: { id: number }) => s.id),
    ).toEqual([reg.id]);
    const only = (await c.get('/api/org/staff?newRegistration=true')).json();
    expect(only.items.map((s: { id: number }) => s.id)).toEqual([reg.id]);
    expect(only.total).toBe(1);
    const confirmed = (await c.get('/api/org/staff?newRegistration=false&pageSize=100')).json();
    expect(confirmed.items.map((s: { id: number }) => s.id)).not.toContain(reg.id);
    expect(confirmed.total).toBe(4);
    // The count is the scope's, not the page's: a department admin whose department has none sees 0.
    expect((await (await asUnit(f.deptAdmin.username)).get('/api/org/staff')).json().newRegistrationCount).toBe(0);
  });

  it('a professional who moves themselves into a unit is 新注册 there', async () => {
    const f = await unitFixture();
    const target = await buildUnit(t.db, { name: '广西壮族自治区桂林市第二人民医院', regionCode: '450300' });
    const p = await loggedIn(t, f.inA.username, PASSWORD);
    expect((await p.put('/api/me/unit', { unitId: target.id })).statusCode).toBe(200);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, f.inA.id));
    expect(row).toMatchObject({ unitId: target.id, pendingConfirmation: true });
  });

  it('is confirmed by the unit account or a total admin, by a department admin only within its department; audited', async () => {
    const f = await unitFixture();
    const a = await register(f.unit.id, '农丽萍');
    const b = await register(f.unit.id, '黄志刚');
    const dept = await asUnit(f.deptAdmin.username);
    // No department yet: outside the department admin's scope, like a person who does not exist.
    expect((await dept.post(`/api/org/staff/${a.id}/confirm`)).statusCode).toBe(404);
    // Another unit's total admin cannot see them either.
    const stranger = await buildAccount(t.db, { kind: 'unit_admin', unitId: (await buildUnit(t.db)).id });
    expect((await (await asUnit(stranger.username)).post(`/api/org/staff/${a.id}/confirm`)).statusCode).toBe(404);
    expect((await t.db.select().from(accounts).where(eq(accounts.id, a.id)))[0]!.pendingConfirmation).toBe(true);

    const unitAccount = await buildAccount(t.db, {
      kind: 'unit_account',
      unitId: f.unit.id,
      username: f.unit.creditCode,
    });
    const ua = await asUnit(unitAccount.username);
    expect((await ua.post(`/api/org/staff/${a.id}/confirm`)).statusCode).toBe(200);
    const again = await ua.post(`/api/org/staff/${a.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('无需再次确认');
    expect(await audits('org.staff.confirm', a.id)).toHaveLength(1);

    // Placed in department A by the total admin, the department admin may confirm them.
    const total = await asUnit(f.total.username);
    expect((await total.patch(`/api/org/staff/${b.id}`, { departmentId: f.deptA.id })).statusCode).toBe(200);
    expect((await dept.post(`/api/org/staff/${b.id}/confirm`)).statusCode).toBe(200);
    expect((await total.get('/api/org/staff')).json().newRegistrationCount).toBe(0);
    expect((await audits('org.staff.confirm', b.id))[0]).toMatchObject({
      actorAccountId: f.deptAdmin.id,
      result: 'ok',
    });
  });

  it('removing a 新注册 person from the unit clears the mark and says so in the audit', async () => {
    const f = await unitFixture();
    const reg = await register(f.unit.id, '蓝小梅');
    const c = await asUnit(f.total.username);
    expect((await c.post(`/api/org/staff/${reg.id}/remove`, { reason: '非本单位人员' })).statusCode).toBe(200);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, reg.id));
    expect(row).toMatchObject({ unitId: null, pendingConfirmation: false });
    expect((await audits('org.staff.remove', reg.id))[0]!.detail).toMatchObject({
      newRegistration: true,
      reason: '非本单位人员',
    });
  });

  it('hours of a 新注册 person reach the review list, marked for the reviewer', async () => {
    const f = await unitFixture();
    const reg = await register(f.unit.id, '梁秋菊');
    const pending = await buildRecord(t.db, {
      accountId: reg.id,
      unitId: f.unit.id,
      hours: 16,
      status: 'pending',
      submittedAt: new Date(),
    });
    const known = await buildRecord(t.db, {
      accountId: f.noDept.id,
      unitId: f.unit.id,
      hours: 8,
      status: 'pending',
      submittedAt: new Date(),
    });
    const queue = (await (await asUnit(f.total.username)).get('/api/hours/review/queue?pageSize=200')).json();
    const byId = new Map(
      queue.items.map((r: { id: number; personNewRegistration: boolean }) => [r.id, r.personNewRegistration]),
    );
    expect([byId.get(pending.id), byId.get(known.id)]).toEqual([true, false]);
  });
});
