import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, departments, hourRecords, units } from '../../db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { MERGE_KEEPS, MERGE_MOVES } from './merge-units';

let t: TestApp;
let operator: TestClient;
let liuzhouHr: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
  const bureau = await buildAuthority(t.db, { kind: 'hr', regionCode: '450200', name: '柳州市人力资源和社会保障局' });
  liuzhouHr = await loggedIn(
    t,
    (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: bureau.id })).username,
    PASSWORD,
    'authority',
  );
});
afterAll(async () => t.close());

const audits = async (action: string, targetId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));

/** A unit with a department tree, a total admin, its 单位账号, staff (one 新注册) and their records. */
async function unitWithPeople(name: string, regionCode = '450103', deptNames = ['内科', '外科']) {
  const unit = await buildUnit(t.db, { name, regionCode });
  const top = await buildDepartment(t.db, unit.id, deptNames[0]);
  const child = await buildDepartment(t.db, unit.id, '心血管内科', top.id);
  const other = await buildDepartment(t.db, unit.id, deptNames[1]);
  const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
  const account = await buildAccount(t.db, { kind: 'unit_account', unitId: unit.id, username: unit.creditCode });
  const people = [
    await buildProfessional(t.db, { unitId: unit.id, departmentId: top.id }),
    await buildProfessional(t.db, { unitId: unit.id, departmentId: child.id }),
    await buildProfessional(t.db, { unitId: unit.id, departmentId: other.id, pendingConfirmation: true }),
  ];
  for (const p of people) {
    await buildRecord(t.db, { accountId: p.id, unitId: unit.id, hours: 16, status: 'approved' });
    await buildRecord(t.db, {
      accountId: p.id,
      unitId: unit.id,
      hours: 8,
      status: 'pending',
      startDate: '2024-06-03',
      endDate: '2024-06-03',
    });
  }
  return { unit, top, child, other, admin, account, people };
}

async function totals(unitId: number) {
  const { rows } = await t.db.execute<{ people: number; records: number; approved: string }>(sql`
    SELECT (SELECT count(*)::int FROM accounts WHERE unit_id = ${unitId} AND kind = 'professional') AS people,
           (SELECT count(*)::int FROM hour_records WHERE unit_id = ${unitId}) AS records,
           (SELECT coalesce(sum(hours), 0)::text FROM hour_records WHERE unit_id = ${unitId} AND status = 'approved') AS approved`);
  return { people: Number(rows[0]!.people), records: Number(rows[0]!.records), approved: Number(rows[0]!.approved) };
}

describe('修改 (edit a unit)', () => {
  it('renames a unit and edits its contact; the audit keeps the old and the new name', async () => {
    const u = await unitWithPeople('南宁市青秀区卫生院');
    const res = await operator.patch(`/api/units/${u.unit.id}`, {
      name: '南宁市青秀区中心卫生院',
      contactName: '韦丽华',
      contactPhone: '0771-5551234',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.select().from(units).where(eq(units.id, u.unit.id));
    expect(row).toMatchObject({ name: '南宁市青秀区中心卫生院', contactName: '韦丽华', contactPhone: '0771-5551234' });
    const [acc] = await t.db.select().from(accounts).where(eq(accounts.id, u.account.id));
    expect(acc!.name).toBe('南宁市青秀区中心卫生院');
    const [entry] = await audits('org.unit.rename', u.unit.id);
    expect(entry!.detail).toMatchObject({
      changes: {
        name: { from: '南宁市青秀区卫生院', to: '南宁市青秀区中心卫生院' },
        contactName: { from: null, to: '韦丽华' },
      },
    });
    const bad = await operator.patch(`/api/units/${u.unit.id}`, { contactPhone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'contactPhone' });
  });
});

describe('停用 / 启用 (disable / enable)', () => {
  it("refuses the disabled unit's account and admins at login, lets its people in, hides it from the pickers", async () => {
    const u = await unitWithPeople('柳州市柳北区妇幼保健院', '450205');
    const adminSession = await loggedIn(t, u.admin.username, PASSWORD, 'unit');
    expect((await liuzhouHr.put(`/api/units/${u.unit.id}/enabled`, { enabled: false })).statusCode).toBe(200);

    for (const who of [u.admin, u.account]) {
      const res = await t.client().login(who.username, PASSWORD, 'unit');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/^单位已停用，请联系/);
    }
    // The admin who was signed in is signed out.
    expect((await adminSession.get('/api/org/staff')).statusCode).toBe(401);
    // A professional of the unit still logs in.
    expect((await t.client().login(u.people[0]!.username, PASSWORD, 'person')).statusCode).toBe(200);
    // Gone from 注册 / 更改所在单位.
    const found = await t.client().get(`/api/units/search?q=${encodeURIComponent('柳北区妇幼保健院')}`);
    expect(found.json()).toEqual([]);
    const reg = await t.client().register({
      idNumber: idNumber({ region: '450205' }),
      name: '蓝秋萍',
      phone: '13977112345',
      unitId: u.unit.id,
      password: PASSWORD,
    });
    expect(reg.statusCode).toBe(400);
    expect(reg.json().error.details[0]).toMatchObject({ field: 'unitId', reason: '所选单位已停用，请选择其他单位' });

    const list = (await operator.get(`/api/units?status=disabled&q=${encodeURIComponent('柳北区妇幼')}`)).json();
    expect(list.items.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([[u.unit.id, 'disabled']]);
    expect((await audits('org.unit.disable', u.unit.id)).length).toBe(1);

    expect((await operator.put(`/api/units/${u.unit.id}/enabled`, { enabled: true })).statusCode).toBe(200);
    expect((await t.client().login(u.admin.username, PASSWORD, 'unit')).statusCode).toBe(200);
    expect((await audits('org.unit.enable', u.unit.id)).length).toBe(1);
  });
});

describe('合并单位 (merge B into A)', () => {
  it('moves people, departments, admins, records and 新注册 marks to A; totals stay equal; B is disabled and marked', async () => {
    const a = await unitWithPeople('南宁市第八人民医院', '450103', ['内科', '检验科']);
    const b = await unitWithPeople('南宁市第八人民医院分院', '450102', ['内科', '药剂科']);
    const before = { a: await totals(a.unit.id), b: await totals(b.unit.id) };

    const preview = await operator.get(`/api/units/${a.unit.id}/merge-preview?sourceId=${b.unit.id}`);
    expect(preview.statusCode, preview.body).toBe(200);
    const counts = {
      people: 3,
      departments: 3,
      renamedDepartments: 1,
      admins: 1,
      records: 6,
      pendingConfirmations: 1,
    };
    expect(preview.json()).toMatchObject({ target: { id: a.unit.id }, source: { id: b.unit.id }, counts });

    const res = await operator.post(`/api/units/${a.unit.id}/merge`, { sourceId: b.unit.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(counts);

    const after = { a: await totals(a.unit.id), b: await totals(b.unit.id) };
    expect(after.a).toEqual({
      people: before.a.people + before.b.people,
      records: before.a.records + before.b.records,
      approved: before.a.approved + before.b.approved,
    });
    expect(after.b).toEqual({ people: 0, records: 0, approved: 0 });

    const depts = await t.db.select().from(departments).where(eq(departments.unitId, a.unit.id));
    expect(depts.map((d) => d.name).sort()).toEqual(
      ['内科', '检验科', '心血管内科', '心血管内科', '内科（原南宁市第八人民医院分院）', '药剂科'].sort(),
    );
    // The sub-department stays under its moved parent.
    const [movedChild] = await t.db.select().from(departments).where(eq(departments.id, b.child.id));
    expect(movedChild).toMatchObject({ unitId: a.unit.id, parentId: b.top.id });
    const [person] = await t.db.select().from(accounts).where(eq(accounts.id, b.people[2]!.id));
    expect(person).toMatchObject({ unitId: a.unit.id, departmentId: b.other.id, pendingConfirmation: true });
    const [admin] = await t.db.select().from(accounts).where(eq(accounts.id, b.admin.id));
    expect(admin!.unitId).toBe(a.unit.id);
    const [bAccount] = await t.db.select().from(accounts).where(eq(accounts.id, b.account.id));
    expect(bAccount!.unitId).toBe(b.unit.id);
    const [bRow] = await t.db.select().from(units).where(eq(units.id, b.unit.id));
    expect(bRow!.mergedIntoId).toBe(a.unit.id);
    expect(bRow!.disabledAt).not.toBeNull();
    const recs = await t.db.select().from(hourRecords).where(eq(hourRecords.accountId, b.people[0]!.id));
    expect(recs.every((r) => r.unitId === a.unit.id)).toBe(true);

    // B's admin now works in A and sees A's and B's people; B's own account cannot log in.
    const moved = await loggedIn(t, b.admin.username, PASSWORD, 'unit');
    expect((await moved.get('/api/org/staff?pageSize=100')).json().total).toBe(6);
    const refused = await t.client().login(b.account.username, PASSWORD, 'unit');
    expect(refused.json().error.message).toMatch(/^单位已停用/);

    const list = (await operator.get(`/api/units?status=merged&q=${encodeURIComponent('第八人民医院分院')}`)).json();
    expect(list.items[0]).toMatchObject({
      status: 'merged',
      mergedInto: { id: a.unit.id, name: '南宁市第八人民医院' },
    });
    const [entry] = await audits('org.unit.merge', a.unit.id);
    expect(entry!.detail).toMatchObject({ source: { id: b.unit.id }, counts });
    expect(await audits('org.unit.merged-away', b.unit.id)).toHaveLength(1);

    // A merged unit cannot be merged again, nor enabled.
    expect((await operator.post(`/api/units/${a.unit.id}/merge`, { sourceId: b.unit.id })).statusCode).toBe(409);
    expect((await operator.put(`/api/units/${b.unit.id}/enabled`, { enabled: true })).statusCode).toBe(409);
  });

  it('refuses merging a unit into itself or into a disabled unit', async () => {
    const a = await buildUnit(t.db, { name: '钦州市第一中学' });
    const b = await buildUnit(t.db, { name: '钦州市第一中学初中部' });
    expect((await operator.post(`/api/units/${a.id}/merge`, { sourceId: a.id })).statusCode).toBe(400);
    await operator.put(`/api/units/${a.id}/enabled`, { enabled: false });
    const res = await operator.post(`/api/units/${a.id}/merge`, { sourceId: b.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已停用');
  });

  it('every column referencing units is either moved by the merge or deliberately kept', async () => {
    const { rows } = await t.db.execute<{ tbl: string; col: string }>(sql`
      SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'units'::regclass`);
    const handled = [...MERGE_MOVES, ...MERGE_KEEPS].map((x) => x.split(' ')[0]);
    for (const r of rows) expect(handled, `${r.tbl}.${r.col}`).toContain(`${r.tbl}.${r.col}`);
  });
});

describe("an HR bureau and another region's unit", () => {
  it('cannot edit, disable, preview or merge a unit outside its region (404), nor merge across regions', async () => {
    const nanning = await buildUnit(t.db, { name: '南宁市良庆区人民医院', regionCode: '450108' });
    const liuzhou = await buildUnit(t.db, { name: '柳州市柳北区人民医院', regionCode: '450205' });
    expect((await liuzhouHr.patch(`/api/units/${nanning.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await liuzhouHr.put(`/api/units/${nanning.id}/enabled`, { enabled: false })).statusCode).toBe(404);
    expect((await liuzhouHr.get(`/api/units/${liuzhou.id}/merge-preview?sourceId=${nanning.id}`)).statusCode).toBe(404);
    expect((await liuzhouHr.post(`/api/units/${liuzhou.id}/merge`, { sourceId: nanning.id })).statusCode).toBe(404);
    expect((await liuzhouHr.post(`/api/units/${nanning.id}/merge`, { sourceId: liuzhou.id })).statusCode).toBe(404);
    // Nor move its own unit out of its region.
    const out = await liuzhouHr.patch(`/api/units/${liuzhou.id}`, { regionCode: '450103' });
    expect(out.statusCode).toBe(400);
    const [n] = await t.db.select().from(units).where(eq(units.id, nanning.id));
    expect(n).toMatchObject({ name: '南宁市良庆区人民医院', disabledAt: null, mergedIntoId: null });
    const [l] = await t.db.select().from(units).where(eq(units.id, liuzhou.id));
    expect(l).toMatchObject({ regionCode: '450205', mergedIntoId: null });
  });

  it('an authority may list units but not change them', async () => {
    const unit = await buildUnit(t.db, { name: '广西某某研究院' });
    const authority = await buildAuthority(t.db);
    const a = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'authority', authorityId: authority.id })).username,
      PASSWORD,
      'authority',
    );
    expect((await a.put(`/api/units/${unit.id}/enabled`, { enabled: false })).statusCode).toBe(403);
    expect((await a.post(`/api/units/${unit.id}/merge`, { sourceId: unit.id })).statusCode).toBe(403);
  });
});
