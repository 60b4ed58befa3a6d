import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { hourRecords, publicCredits } from '../../db/schema/index';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  createRng,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';
import { refreshStats } from '../stats/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-10-15T10:00:00+08:00'));

async function personWith(
  professional: number,
  opts: { compulsory?: boolean; elective?: boolean; pending?: number } = {},
) {
  const unit = await buildUnit(t.db);
  const p = await buildProfessional(t.db, { unitId: unit.id });
  if (professional > 0)
    await buildRecord(t.db, { accountId: p.id, hours: professional, status: 'approved', unitId: unit.id });
  if (opts.compulsory ?? true) await creditPublic(t.db, p.id, 2024, 'compulsory');
  if (opts.elective ?? true) await creditPublic(t.db, p.id, 2024, 'elective');
  for (let i = 0; i < (opts.pending ?? 0); i++)
    await buildRecord(t.db, { accountId: p.id, hours: 4, status: 'pending', unitId: unit.id });
  return { unit, p, c: await loggedIn(t, p.username, PASSWORD) };
}

describe('the professional’s progress (用户管理中心)', () => {
  it('89 in total is not 达标 and says what is missing before which deadline', async () => {
    const { c } = await personWith(64);
    const s = (await c.get('/api/compliance/me?year=2024')).json();
    expect(s).toMatchObject({
      year: 2024,
      totalHours: 89,
      professionalHours: 64,
      publicHours: 25,
      met: false,
      mayBeExcellent: false,
      compulsoryDone: true,
    });
    expect(s.missing).toEqual([{ item: '专业科目学时还差1学时（须经单位审验通过）', deadline: '2025-03-31' }]);
  });

  it('90 with 65 professional is 达标', async () => {
    const { c } = await personWith(65);
    expect((await c.get('/api/compliance/me?year=2024')).json()).toMatchObject({
      totalHours: 90,
      met: true,
      mayBeExcellent: true,
      missing: [],
    });
  });

  it('a record still awaiting review never turns 达标 off: it is shown as 审核中 beside the approved hours', async () => {
    const { c } = await personWith(70, { pending: 1 });
    const s = (await c.get('/api/compliance/me?year=2024')).json();
    expect(s).toMatchObject({
      met: true,
      mayBeExcellent: true,
      totalHours: 95,
      professionalHours: 70,
      pendingHours: 4,
      missing: [],
    });
  });

  it('pending hours do not make an unmet year met, and the review is listed as missing', async () => {
    const { c } = await personWith(40, { pending: 2 });
    const s = (await c.get('/api/compliance/me?year=2024')).json();
    expect(s).toMatchObject({ met: false, totalHours: 65, pendingHours: 8 });
    expect(s.missing.map((m: { item: string }) => m.item)).toContain('2条专业科目学时登记待单位审核');
  });

  it('100 approved professional hours without this year’s compulsory course is 达标 but not 可评优秀 (notice 三(二))', async () => {
    const { c } = await personWith(100, { compulsory: false, elective: false });
    const s = (await c.get('/api/compliance/me?year=2024')).json();
    expect(s).toMatchObject({ met: true, compulsoryDone: false, mayBeExcellent: false, totalHours: 100 });
    expect(s.missing[0]).toEqual({ item: '完成公需科目必修课学习并通过考试（15学时）', deadline: '2024-12-31' });
  });

  it('defaults to the current year and lists earlier years', async () => {
    const { c } = await personWith(65);
    expect((await c.get('/api/compliance/me')).json().year).toBe(2024);
    const years = (await c.get('/api/compliance/me/years')).json().map((y: { year: number }) => y.year);
    expect(years[0]).toBe(2024);
    expect(years).toContain(2023);
  });
});

describe('the unit’s compliance list', () => {
  it('a person with 100 approved professional hours but no compulsory course is not 可评优秀; a pending record leaves 达标 on', async () => {
    const unit = await buildUnit(t.db);
    const noCourse = await buildProfessional(t.db, { unitId: unit.id, name: '甲无必修' });
    await buildRecord(t.db, { accountId: noCourse.id, hours: 100, status: 'approved', unitId: unit.id });
    const reviewing = await buildProfessional(t.db, { unitId: unit.id, name: '乙审核中' });
    await buildRecord(t.db, { accountId: reviewing.id, hours: 65, status: 'approved', unitId: unit.id });
    await buildRecord(t.db, { accountId: reviewing.id, hours: 8, status: 'pending', unitId: unit.id });
    await creditPublic(t.db, reviewing.id, 2024, 'compulsory');
    await creditPublic(t.db, reviewing.id, 2024, 'elective');
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const list = (await c.get('/api/compliance/unit?year=2024')).json();
    const row = (name: string) => list.items.find((r: { personName: string }) => r.personName === name);
    expect(row('甲无必修')).toMatchObject({ met: true, compulsoryDone: false, mayBeExcellent: false });
    expect(row('乙审核中')).toMatchObject({ met: true, mayBeExcellent: true, pendingHours: 8, totalHours: 90 });
  });

  it('lists the staff in scope with 达标, 公需必修 and may-be-优秀, filters and summarises', async () => {
    const unit = await buildUnit(t.db);
    const dept = await buildDepartment(t.db, unit.id, '放射科');
    const other = await buildDepartment(t.db, unit.id, '检验科');
    const ok = await buildProfessional(t.db, { unitId: unit.id, departmentId: dept.id, name: '甲达标' });
    const short = await buildProfessional(t.db, { unitId: unit.id, departmentId: dept.id, name: '乙未达标' });
    const elsewhere = await buildProfessional(t.db, { unitId: unit.id, departmentId: other.id, name: '丙其他部门' });
    await buildRecord(t.db, { accountId: ok.id, hours: 65, status: 'approved', unitId: unit.id });
    await creditPublic(t.db, ok.id, 2024, 'compulsory');
    await creditPublic(t.db, ok.id, 2024, 'elective');
    await buildRecord(t.db, { accountId: short.id, hours: 30, status: 'approved', unitId: unit.id });
    const deptAdmin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: dept.id });
    const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const c = await loggedIn(t, deptAdmin.username, PASSWORD, 'unit');
    const list = (await c.get('/api/compliance/unit?year=2024')).json();
    expect(list.summary).toEqual({ people: 2, met: 1, compulsoryDone: 1 });
    expect(list.items.map((r: { personName: string; met: boolean }) => [r.personName, r.met])).toEqual([
      ['乙未达标', false],
      ['甲达标', true],
    ]);
    expect(
      (await c.get('/api/compliance/unit?year=2024&met=false'))
        .json()
        .items.map((r: { accountId: number }) => r.accountId),
    ).toEqual([short.id]);
    const all = (
      await (await loggedIn(t, total.username, PASSWORD, 'unit')).get('/api/compliance/unit?year=2024')
    ).json();
    expect(all.items.map((r: { accountId: number }) => r.accountId)).toContain(elsewhere.id);
    const prof = await loggedIn(t, ok.username, PASSWORD);
    expect((await prof.get('/api/compliance/unit?year=2024')).statusCode).toBe(403);
    expect((await prof.get('/api/compliance/unit/export?year=2024')).statusCode).toBe(403);

    // 导出Excel: the whole filtered list of the department admin's scope.
    const file = await c.get('/api/compliance/unit/export?year=2024');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names).toEqual(['乙未达标', '甲达标']);
    expect(sheet.getRow(3).getCell(9).value).toBe('达标');
    expect(sheet.rowCount).toBe(3);
    const noPlan = await c.get('/api/compliance/unit/export?year=2001');
    expect(noPlan.statusCode).toBe(404);
    expect(noPlan.json().error.message).toContain('没有年度计划');
  });
});

/**
 * Status is computed on read from the records (and from the statistics' kept years where they are current); this
 * checks it against an independent model kept by the test over a random sequence of approvals, rejections,
 * deletions, pending records and credits, with the statistics refreshed every third step.
 */
describe('consistency over random operations', () => {
  it('always equals a from-scratch recomputation', async () => {
    const rng = createRng(7);
    const unit = await buildUnit(t.db);
    const people = await Promise.all([0, 1, 2].map(() => buildProfessional(t.db, { unitId: unit.id })));
    type Model = { compulsory: number; elective: number; approved: Map<number, number>; pending: Set<number> };
    const model = new Map<number, Model>(
      people.map((p) => [p.id, { compulsory: 0, elective: 0, approved: new Map(), pending: new Set() }]),
    );
    const viewer = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id })).username,
      PASSWORD,
      'unit',
    );
    for (let step = 0; step < 60; step++) {
      const p = people[Math.floor(rng() * people.length)]!;
      const m = model.get(p.id)!;
      const op = Math.floor(rng() * 6);
      if (op <= 1) {
        const hours = Math.round(rng() * 300) / 10 + 0.5;
        const r = await buildRecord(t.db, { accountId: p.id, hours, status: 'approved', unitId: unit.id });
        m.approved.set(r.id, hours);
      } else if (op === 2 && m.approved.size) {
        const id = [...m.approved.keys()][0]!;
        await t.db.delete(hourRecords).where(eq(hourRecords.id, id));
        m.approved.delete(id);
      } else if (op === 3) {
        const r = await buildRecord(t.db, { accountId: p.id, hours: 4, status: 'pending', unitId: unit.id });
        m.pending.add(r.id);
      } else if (op === 4 && m.pending.size) {
        const id = [...m.pending][0]!;
        const approve = rng() < 0.5;
        await t.db
          .update(hourRecords)
          .set({ status: approve ? 'approved' : 'rejected', opinion: approve ? null : '不符合' })
          .where(eq(hourRecords.id, id));
        m.pending.delete(id);
        if (approve) m.approved.set(id, 4);
      } else if (op === 5) {
        const kind = rng() < 0.5 ? 'compulsory' : 'elective';
        if (m[kind] === 0) {
          await creditPublic(t.db, p.id, 2024, kind);
          m[kind] = kind === 'compulsory' ? 15 : 10;
        }
      }
      if (step % 3 === 2) expect(await refreshStats(t.db, { year: 2024 })).toHaveLength(1);
      const list = (await viewer.get('/api/compliance/unit?year=2024&pageSize=10')).json();
      for (const q of people) {
        const mm = model.get(q.id)!;
        const professional = [...mm.approved.values()].reduce((a, b) => a + b, 0);
        const total = professional + mm.compulsory + mm.elective;
        const expected = {
          professionalHours: Math.round(professional * 10) / 10,
          totalHours: Math.round(total * 10) / 10,
          met: Math.round(total * 10) >= 900 && Math.round(professional * 10) * 3 >= Math.round(total * 10) * 2,
        };
        const row = list.items.find((r: { accountId: number }) => r.accountId === q.id);
        expect({
          step,
          ...(row && { professionalHours: row.professionalHours, totalHours: row.totalHours, met: row.met }),
        }).toEqual({ step, ...expected });
      }
    }
    expect((await t.db.select().from(publicCredits)).length).toBeGreaterThan(0);
  });
});
