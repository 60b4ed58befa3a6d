import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { accounts, hourRecords, publicCredits } from '../../db/schema/index';
import { idNumberAccountColumns } from '../../db/pii';
import { maskIdNumber } from '../../domain/id-number';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildUnit,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';
import { readWorkbook, unzipParts } from '../../../test/kits/excel';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));

type Status = 'draft' | 'pending' | 'approved' | 'rejected';
type Person = { id: number; unitId: number | null };

function recordValues(
  p: Person,
  status: Status,
  over: Partial<typeof hourRecords.$inferInsert> = {},
): typeof hourRecords.$inferInsert {
  const at = new Date('2024-06-01T02:00:00Z');
  return {
    accountId: p.id,
    year: 2024,
    activityType: 'training',
    title: '医院感染预防与控制专题培训班',
    organizer: '自治区卫健委',
    place: '南宁市',
    startDate: '2024-05-06',
    startHalf: 'am',
    endDate: '2024-05-07',
    endHalf: 'pm',
    hours: 16,
    remarks: '',
    declaredAt: at,
    status,
    source: 'unit',
    unitId: p.unitId,
    reviewTarget: status === 'draft' ? null : 'unit',
    opinion: status === 'rejected' ? '材料不全' : null,
    submittedAt: status === 'draft' ? null : at,
    decidedAt: status === 'approved' || status === 'rejected' ? at : null,
    createdBy: p.id,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

async function fixture() {
  const unit = await buildUnit(t.db);
  const deptA = await buildDepartment(t.db, unit.id, '内科');
  const deptB = await buildDepartment(t.db, unit.id, '外科');
  const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
  const adminA = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: deptA.id });
  const operator = await buildAccount(t.db, { kind: 'operator' });
  const a = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptA.id, name: '刘晓玲' });
  const b = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptB.id, name: '覃建华' });
  const other = await buildProfessional(t.db, { name: '外单位人员' });
  const otherUnit = await buildUnit(t.db);
  await t.db.update(accounts).set({ unitId: otherUnit.id }).where(eqId(other.id));
  const records = await t.db
    .insert(hourRecords)
    .values([
      recordValues(a, 'approved', {
        title: '=HYPERLINK("http://evil.example","点我")',
        organizer: '+1+1',
        place: '-2',
        remarks: '@SUM(A1)',
        opinion: '\t=1',
      }),
      recordValues(a, 'pending', { startDate: '2024-04-01', endDate: '2024-04-01', endHalf: 'am', hours: 4 }),
      recordValues(b, 'rejected'),
      recordValues(b, 'approved', { startDate: '2024-03-04', endDate: '2024-03-04', hours: 8, endHalf: 'pm' }),
      recordValues(b, 'draft', { year: 2024 }),
      recordValues({ id: other.id, unitId: otherUnit.id }, 'approved'),
    ])
    .returning();
  await t.db
    .insert(publicCredits)
    .values({ accountId: a.id, year: 2024, kind: 'compulsory', hours: 15, creditedAt: new Date(), source: 'exam' });
  return { unit, deptA, deptB, total, adminA, operator, a, b, other, records };
}

const eqId = (id: number) => eq(accounts.id, id);

const unitLogin = (x: { username: string }) => loggedIn(t, x.username, PASSWORD, 'unit');

async function download(c: Awaited<ReturnType<typeof unitLogin>>, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { res, ws, header: rows[0] as string[], rows: rows.slice(1) };
}

const col = (header: string[], rows: unknown[][], name: string) => rows.map((r) => r[header.indexOf(name)]);

describe('导出Excel: 专业科目学时审核结果', () => {
  it('exports exactly the rows of the current filter, with full ID numbers for the unit', async () => {
    const f = await fixture();
    const c = await unitLogin(f.total);
    const all = await download(c, '/api/exports/hours/results');
    expect(all.rows).toHaveLength(5);
    const approved = await download(c, '/api/exports/hours/results?status=approved');
    expect(col(approved.header, approved.rows, '审核状态')).toEqual(['通过认定', '通过认定']);
    expect(col(approved.header, approved.rows, '姓名').sort()).toEqual(['刘晓玲', '覃建华'].sort());
    expect(col(approved.header, approved.rows, '身份证号码').sort()).toEqual([f.a.idNumber, f.b.idNumber].sort());
    const byName = await download(c, `/api/exports/hours/results?q=${encodeURIComponent('覃建华')}&status=rejected`);
    expect(byName.rows).toHaveLength(1);
    expect(byName.rows[0]![byName.header.indexOf('审核意见')]).toBe('材料不全');
    // One whole row, as a user sees it: numbers as numbers, dates as typed, times in Shanghai time.
    const march = approved.rows.find((r) => r[approved.header.indexOf('开始日期')] === '2024-03-04')!;
    expect(Object.fromEntries(approved.header.map((h, i) => [h, march[i]]))).toEqual({
      姓名: '覃建华',
      身份证号码: f.b.idNumber,
      所属部门: '外科',
      年度: 2024,
      培训类型: '培训班/研修班/进修班',
      培训内容: '医院感染预防与控制专题培训班',
      主办单位: '自治区卫健委',
      培训地点: '南宁市',
      开始日期: '2024-03-04',
      开始时段: '上午',
      结束日期: '2024-03-04',
      结束时段: '下午',
      申请学时: 8,
      审核状态: '通过认定',
      审核单位: f.unit.name,
      提交时间: '2024-06-01 10:00',
      审核时间: '2024-06-01 10:00',
      来源: '单位登记',
    });
    const dept = await download(c, `/api/exports/hours/results?departmentId=${f.deptA.id}`);
    expect(new Set(col(dept.header, dept.rows, '姓名'))).toEqual(new Set(['刘晓玲']));
    // The list API with the same filter agrees.
    const list = (await c.get('/api/hours/unit/results?status=approved&pageSize=200')).json();
    expect(list.items.map((r: { id: number }) => r.id).length).toBe(approved.rows.length);
  });

  it('styles, freezes and filters the header; names the file in Chinese (RFC 5987)', async () => {
    const f = await fixture();
    const c = await unitLogin(f.total);
    const { res, ws } = await download(c, '/api/exports/hours/results');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___________20240615.xlsx"; filename*=UTF-8''${encodeURIComponent('专业科目学时审核结果_20240615.xlsx')}`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const xml = unzipParts(res.rawPayload)
      .find((p) => p.name === 'xl/worksheets/sheet1.xml')!
      .data.toString();
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain('<autoFilter ref="A1:T1"/>');
  });

  it('writes formula-like values as plain text cells (no formula), readable as entered', async () => {
    const f = await fixture();
    const c = await unitLogin(f.total);
    const { res, header, rows, ws } = await download(c, '/api/exports/hours/results?status=approved');
    const xml = unzipParts(res.rawPayload)
      .find((p) => p.name === 'xl/worksheets/sheet1.xml')!
      .data.toString();
    expect(xml).not.toContain('<f>');
    const r = rows.find((x) => x[header.indexOf('姓名')] === '刘晓玲')!;
    expect(r[header.indexOf('培训内容')]).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(r[header.indexOf('主办单位')]).toBe('+1+1');
    expect(r[header.indexOf('培训地点')]).toBe('-2');
    expect(r[header.indexOf('备注')]).toBe('@SUM(A1)');
    expect(r[header.indexOf('审核意见')]).toBe('\t=1');
    const rowNumber = rows.indexOf(r) + 2;
    for (const name of ['培训内容', '主办单位', '培训地点', '备注', '审核意见']) {
      const cell = ws.getRow(rowNumber).getCell(header.indexOf(name) + 1);
      expect(cell.type).toBe(3); // ValueType.String
      expect(cell.numFmt).toBe('@');
    }
  });

  it('masks ID numbers for those who only supervise (the operator)', async () => {
    const f = await fixture();
    const op = await loggedIn(t, f.operator.username, PASSWORD, 'authority');
    const { header, rows } = await download(op, `/api/exports/hours/results?q=${f.a.idNumber}`);
    expect(rows).toHaveLength(2);
    expect(new Set(col(header, rows, '身份证号码'))).toEqual(new Set([maskIdNumber(f.a.idNumber!)]));
    const years = await download(op, `/api/exports/hours/person-years?q=${f.a.idNumber}`);
    expect(col(years.header, years.rows, '身份证号码')).toEqual([maskIdNumber(f.a.idNumber!)]);
    expect((await op.get('/api/exports/org/staff')).statusCode).toBe(403);
  });

  it('gives a department admin only the records of their department', async () => {
    const f = await fixture();
    const c = await unitLogin(f.adminA);
    const { header, rows } = await download(c, '/api/exports/hours/results');
    expect(rows).toHaveLength(2);
    expect(new Set(col(header, rows, '姓名'))).toEqual(new Set(['刘晓玲']));
    const staff = await download(c, '/api/exports/org/staff');
    expect(col(staff.header, staff.rows, '姓名')).toEqual(['刘晓玲']);
    const years = await download(c, '/api/exports/hours/person-years');
    expect(new Set(col(years.header, years.rows, '姓名'))).toEqual(new Set(['刘晓玲']));
  });

  it('pages through the whole result (more rows than one page) in order, without repeats', async () => {
    const f = await fixture();
    const values = Array.from({ length: 4500 }, (_, i) =>
      recordValues(f.a, 'approved', { title: `培训${i}`, startDate: '2024-01-02', endDate: '2024-01-02' }),
    );
    for (let i = 0; i < values.length; i += 1000) await t.db.insert(hourRecords).values(values.slice(i, i + 1000));
    const c = await unitLogin(f.total);
    const { header, rows } = await download(c, '/api/exports/hours/results?status=approved');
    const titles = col(header, rows, '培训内容');
    expect(titles).toHaveLength(4502);
    expect(new Set(titles).size).toBe(4502);
    expect(titles[0]).toBe('培训4499');
  }, 60_000);
});

describe('导出Excel: 专业科目学时查询 and 专业技术人员管理', () => {
  it('exports the same per-person, per-year figures as the query list', async () => {
    const f = await fixture();
    const c = await unitLogin(f.total);
    const list = (await c.get('/api/hours/unit/person-years?year=2024&pageSize=200')).json();
    const { header, rows } = await download(c, '/api/exports/hours/person-years?year=2024');
    expect(header).toEqual([
      '姓名',
      '身份证号码',
      '所属部门',
      '年度',
      '公需科目学时',
      '专业科目学时',
      '总学时',
      '登记条数',
    ]);
    const fromList = list.items.map(
      (r: {
        personName: string;
        year: number;
        publicHours: number;
        professionalHours: number;
        totalHours: number;
        recordCount: number;
      }) => [r.personName, r.year, r.publicHours, r.professionalHours, r.totalHours, r.recordCount].join('|'),
    );
    const fromFile = rows.map((r) => [r[0], r[3], r[4], r[5], r[6], r[7]].join('|'));
    expect(fromFile.sort()).toEqual(fromList.sort());
    expect(fromFile).toContain('刘晓玲|2024|15|16|31|2');
    expect(col(header, rows, '身份证号码')).toContain(f.a.idNumber);
  });

  it('exports the staff list with its filter, paged by name, ID numbers as text', async () => {
    const f = await fixture();
    const at = new Date();
    const many = Array.from({ length: 2100 }, (_, i) => {
      const id = idNumber();
      return {
        kind: 'professional' as const,
        realm: 'person' as const,
        ...idNumberAccountColumns(id),
        passwordHash: 'x',
        mustChangePassword: false,
        loginEnabled: true,
        name: `批量${String(i).padStart(4, '0')}`,
        unitId: f.unit.id,
        departmentId: f.deptB.id,
        createdAt: at,
        updatedAt: at,
      };
    });
    for (let i = 0; i < many.length; i += 700) await t.db.insert(accounts).values(many.slice(i, i + 700));
    const c = await unitLogin(f.total);
    const all = await download(c, '/api/exports/org/staff');
    expect(all.header).toEqual([
      '姓名',
      '身份证号码',
      '性别',
      '手机号码',
      '电子邮箱',
      '所属部门',
      '最近登录时间',
      '人员状态',
    ]);
    const names = col(all.header, all.rows, '姓名') as string[];
    expect(names).toHaveLength(2102);
    expect(new Set(names).size).toBe(2102);
    expect(names.filter((n) => n.startsWith('批量'))).toEqual(many.map((m) => m.name));
    const ids = col(all.header, all.rows, '身份证号码');
    expect(ids.every((x) => typeof x === 'string' && x.length === 18)).toBe(true);
    expect(all.ws.getColumn(2).numFmt).toBe('@');
    const dept = await download(c, `/api/exports/org/staff?departmentId=${f.deptA.id}`);
    expect(col(dept.header, dept.rows, '姓名')).toEqual(['刘晓玲']);
    const search = await download(c, `/api/exports/org/staff?q=${f.b.idNumber}`);
    expect(col(search.header, search.rows, '姓名')).toEqual(['覃建华']);
    // 新注册 people are marked, and the list's 人员状态 filter applies.
    await t.db.update(accounts).set({ pendingConfirmation: true }).where(eq(accounts.id, f.b.id));
    const fresh = await download(c, '/api/exports/org/staff?newRegistration=true');
    expect(col(fresh.header, fresh.rows, '姓名')).toEqual(['覃建华']);
    expect(col(fresh.header, fresh.rows, '人员状态')).toEqual(['新注册']);
    expect(col(all.header, all.rows, '人员状态').every((x) => x === '已确认')).toBe(true);
  }, 60_000);
});
