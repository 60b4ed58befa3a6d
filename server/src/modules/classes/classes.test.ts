import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { now } from '../../clock';
import {
  accounts,
  auditLog,
  certificates,
  hourRecords,
  trainingBases,
  trainingClassTrainees,
  trainingFilings,
} from '../../db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildProfessional,
  buildUnit,
  creditPublic,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestClient } from '../../../test/helpers';
import { multipartFile, readWorkbook } from '../../../test/kits/excel';

/**
 * 培训班 and 导入学员学时 over HTTP: an organiser's class, the all-or-nothing Excel import with its per-row
 * report, the hours landing approved with the class as source, a new person's 注册 claiming them, one class
 * per person, overlaps flagged, the organiser's correction and withdrawal (certificate rule), the exports
 * and the scope of each organiser.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
beforeEach(() => setNow(NOW));
const t = await createTestApp();
afterAll(async () => t.close());

const hospital = await buildUnit(t.db, { name: '南宁市第一人民医院', industryCode: 'Q', regionCode: '450103' });
const school = await buildUnit(t.db, { name: '柳州市第二中学', industryCode: 'P', regionCode: '450202' });
const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: hospital.id });
const otherAdmin = await buildAccount(t.db, { kind: 'unit_admin', unitId: school.id });
const wjw = await buildAuthority(t.db, { name: '测试卫生健康委员会', kind: 'industry', industryCode: 'Q' });
const authority = await buildAccount(t.db, { kind: 'authority', authorityId: wjw.id });
const nurse = await buildProfessional(t.db, { unitId: hospital.id, name: '黄丽萍' });
const teacher = await buildProfessional(t.db, { unitId: school.id, name: '覃志强' });

const organiser = await loggedIn(t, admin.username, PASSWORD, 'unit');
const other = await loggedIn(t, otherAdmin.username, PASSWORD, 'unit');
const industry = await loggedIn(t, authority.username, PASSWORD, 'authority');

const CLASS = {
  title: '急危重症护理新技术培训班',
  category: '护理',
  place: '南宁市青秀区',
  startDate: '2024-05-06',
  startHalf: 'am',
  endDate: '2024-05-08',
  endHalf: 'pm',
};

async function traineesWorkbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员学时');
  ws.addRow(['姓名', '身份证号码', '工作单位', '实际学时', '考核结果']);
  ws.getColumn(2).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(c: TestClient, classId: number, file: Buffer) {
  const { payload, contentType } = multipartFile(file, '学员学时.xlsx');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports/class-trainees/jobs?classId=${classId}`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType },
    payload,
  });
  if (res.statusCode !== 202) return { status: res.statusCode, body: res.json() };
  for (let i = 0; i < 2000; i++) {
    const job = (await c.get(`/api/imports/jobs/${res.json().id}`)).json();
    if (job.status !== 'validating' && job.status !== 'writing') return { status: 202, body: job };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const errorsOf = async (c: TestClient, id: number) =>
  (await c.get(`/api/imports/jobs/${id}/errors?pageSize=200`)).json().items as Array<{
    row: number;
    problems: Array<{ column: string | null; reason: string }>;
  }>;

const count = async (q: ReturnType<typeof sql>) => Number((await t.db.execute(q)).rows[0]!.n);

let classId: number;
const newcomers = Array.from({ length: 48 }, (_, i) => ({
  name: `学员${String(i + 1).padStart(2, '0')}号`,
  id: idNumber({ region: '450103', birth: `19${80 + (i % 15)}0${(i % 9) + 1}1${i % 10}` }),
}));

describe('培训班 of a unit', () => {
  it('新增培训班: 项目学时 is the half days × 4, never typed', async () => {
    const res = await organiser.post('/api/classes', CLASS);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      organiserKind: 'unit',
      organiserName: '南宁市第一人民医院',
      hours: 24,
      year: 2024,
    });
    classId = res.json().id;
    const bad = await organiser.post('/api/classes', { ...CLASS, endDate: '2025-01-02' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('endDate');
  });

  it('imports nothing while a row is bad, reporting each bad row; fixed, imports all with approved hours', async () => {
    const rows = (fix: boolean): Array<Array<string | number>> => [
      ['黄丽萍', nurse.username, '南宁市第一人民医院', 24, '合格'],
      ...newcomers.map((p, i) => [
        p.name,
        !fix && i === 5 ? p.id.slice(0, 17) + (p.id.endsWith('X') ? '1' : 'X') : p.id,
        '南宁市第一人民医院',
        !fix && i === 20 ? 30 : i === 47 ? 20 : 24,
        i === 46 ? '不合格' : '合格',
      ]),
    ];
    const before = await count(sql`SELECT count(*)::int AS n FROM hour_records WHERE source = 'class'`);
    const rejected = await importFile(organiser, classId, await traineesWorkbook(rows(false)));
    expect(rejected.body).toMatchObject({ status: 'rejected', dataRows: 49, errorRows: 2, importedRows: 0 });
    const errors = await errorsOf(organiser, rejected.body.id);
    expect(errors.map((e) => e.row)).toEqual([8, 23]);
    expect(errors[0]!.problems[0]!.column).toBe('身份证号码');
    expect(errors[1]!.problems[0]).toEqual({ column: '实际学时', reason: '实际学时不能超过项目学时（24学时）' });
    expect(await count(sql`SELECT count(*)::int AS n FROM hour_records WHERE source = 'class'`)).toBe(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM training_class_trainees`)).toBe(0);

    const done = await importFile(organiser, classId, await traineesWorkbook(rows(true)));
    expect(done.body).toMatchObject({ status: 'done', importedRows: 49, errorRows: 0 });
    const cls = (await organiser.get(`/api/classes/${classId}`)).json();
    expect(cls).toMatchObject({ traineeCount: 49, passedCount: 48 });
    // 48 passed → 48 approved records of source class; the 不合格 trainee has none.
    const recs = await t.db.select().from(hourRecords).where(eq(hourRecords.trainingClassId, classId));
    expect(recs).toHaveLength(48);
    expect(
      recs.every((r) => r.status === 'approved' && r.source === 'class' && r.organizer === '南宁市第一人民医院'),
    ).toBe(true);
    expect(recs.find((r) => r.accountId === nurse.id)!.hours).toBe(24);
    // New people exist without a password, in the unit named.
    const [p] = await t.db.select().from(accounts).where(eq(accounts.name, newcomers[0]!.name));
    expect(p).toMatchObject({ passwordHash: '', loginEnabled: false, unitId: hospital.id });
    // The trainee list masks ID numbers; the roster export has them in full for the organiser.
    const list = (await organiser.get(`/api/classes/${classId}/trainees?pageSize=100`)).json();
    expect(list.total).toBe(49);
    expect(list.items[0].idNumberMasked).toMatch(/\*{8}/);
    expect(list.items.find((x: { name: string }) => x.name === newcomers[0]!.name).registered).toBe(false);
    const roster = await organiser.get(`/api/exports/classes/${classId}/roster`);
    expect(roster.statusCode).toBe(200);
    const ws = (await readWorkbook(roster.rawPayload)).worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('身份证号码');
    expect(ws.getRow(2).getCell(2).value).toBe(nurse.username);
    expect(ws.rowCount).toBe(50);
  });

  it('the trainee sees the class in 学时查询 with its source; the unit sees it in its results and cannot delete it', async () => {
    const me = await loggedIn(t, nurse.username, PASSWORD, 'person');
    const mine = (await me.get('/api/hours/my/records?year=2024')).json();
    const rec = mine.items.find((r: { source: string }) => r.source === 'class');
    expect(rec).toMatchObject({
      status: 'approved',
      hours: 24,
      classSource: { classId, title: CLASS.title, organiserName: '南宁市第一人民医院', filingNumber: null },
    });
    const overview = (await me.get('/api/hours/my/overview')).json();
    expect(overview.find((y: { year: number }) => y.year === 2024).professionalHours).toBe(24);
    const results = (await organiser.get('/api/hours/unit/results?status=approved&pageSize=100')).json();
    expect(results.items.some((r: { id: number; source: string }) => r.id === rec.id && r.source === 'class')).toBe(
      true,
    );
    const del = await organiser.delete(`/api/hours/records/${rec.id}`, { reason: '错误' });
    expect(del.statusCode).toBe(403);
    expect(del.json().error.message).toContain('举办机构');
  });

  it('a trainee without an account registers and finds the hours', async () => {
    const p = newcomers[0]!;
    const res = await t
      .client()
      .register({ idNumber: p.id, name: p.name, phone: '13907710002', unitId: hospital.id, password: 'Guangxi2024' });
    expect(res.statusCode, res.body).toBe(201);
    const me = await loggedIn(t, p.id, 'Guangxi2024', 'person');
    expect((await me.patch('/api/me/profile', { email: 'xueyuan01@example.com' })).statusCode).toBe(200);
    const mine = (await me.get('/api/hours/my/records?year=2024')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ source: 'class', hours: 24, status: 'approved' });
  });

  it('a person cannot hold the same class twice; overlapping classes are flagged', async () => {
    const again = await organiser.post(`/api/classes/${classId}/trainees`, {
      name: '黄丽萍',
      idNumber: nurse.username,
      unit: '南宁市第一人民医院',
      hours: 8,
      result: 'passed',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0]).toMatchObject({ field: 'idNumber' });
    const second = (
      await organiser.post('/api/classes', {
        ...CLASS,
        title: '院感防控培训',
        startDate: '2024-05-08',
        endDate: '2024-05-09',
      })
    ).json();
    const added = await organiser.post(`/api/classes/${second.id}/trainees`, {
      name: '黄丽萍',
      idNumber: nurse.username,
      unit: '南宁市第一人民医院',
      hours: 16,
      result: 'passed',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().overlapsWith).toEqual([CLASS.title]);
    expect(added.json().trainee.overlaps).toBe(true);
    const flagged = await t.db
      .select()
      .from(trainingClassTrainees)
      .where(and(eq(trainingClassTrainees.classId, classId), eq(trainingClassTrainees.accountId, nurse.id)));
    expect(flagged[0]!.overlaps).toBe(true);
    // A file naming someone twice is refused on the second row.
    const dup = await importFile(
      organiser,
      second.id,
      await traineesWorkbook([
        [newcomers[1]!.name, newcomers[1]!.id, '南宁市第一人民医院', 8, '合格'],
        [newcomers[1]!.name, newcomers[1]!.id, '南宁市第一人民医院', 8, '合格'],
      ]),
    );
    expect(dup.body.status).toBe('rejected');
    expect((await errorsOf(organiser, dup.body.id))[0]!.problems[0]!.reason).toContain('与第2行的身份证号码重复');
  });

  it('the organiser corrects and withdraws a trainee, audited; lowered hours revoke the certificate', async () => {
    // The nurse meets 2024 with public hours and the classes, and prints the certificate.
    await creditPublic(t.db, nurse.id, 2024, 'compulsory');
    await creditPublic(t.db, nurse.id, 2024, 'elective');
    await t.db.execute(
      sql`UPDATE hour_records SET hours = 60 WHERE account_id = ${nurse.id} AND source = 'class' AND training_class_id <> ${classId}`,
    );
    await t.db.execute(
      sql`UPDATE training_class_trainees SET hours = 60 WHERE account_id = ${nurse.id} AND class_id <> ${classId}`,
    );
    const me = await loggedIn(t, nurse.username, PASSWORD, 'person');
    const cert = await me.post('/api/certificates', { kind: 'ce', year: 2024 });
    expect(cert.statusCode, cert.body).toBe(200);

    const trainees = (await organiser.get(`/api/classes/${classId}/trainees?q=${encodeURIComponent('黄丽萍')}`)).json();
    const tr = trainees.items[0];
    const noReason = await organiser.put(`/api/classes/${classId}/trainees/${tr.id}`, { hours: 16, result: 'passed' });
    expect(noReason.statusCode).toBe(400);
    const over = await organiser.put(`/api/classes/${classId}/trainees/${tr.id}`, {
      hours: 25,
      result: 'passed',
      reason: '签到表核对',
    });
    expect(over.statusCode).toBe(400);
    const fixed = await organiser.put(`/api/classes/${classId}/trainees/${tr.id}`, {
      hours: 16,
      result: 'passed',
      reason: '签到表核对：缺席一天',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().hours).toBe(16);
    const [c] = await t.db.select().from(certificates).where(eq(certificates.accountId, nurse.id));
    expect(c!.revokedAt).not.toBeNull();
    expect(c!.revokeReason).toContain('签到表核对：缺席一天');
    const [rec] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, tr.recordId));
    expect(rec!.hours).toBe(16);

    const gone = await organiser.delete(`/api/classes/${classId}/trainees/${tr.id}`, { reason: '未参加培训' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await t.db.select().from(hourRecords).where(eq(hourRecords.id, tr.recordId))).toHaveLength(0);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetType, 'training_class'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'classes.create',
        'classes.trainee.add',
        'classes.trainee.correct',
        'classes.trainee.withdraw',
      ]),
    );
  });
});

describe('scope', () => {
  it("another organiser sees none of the unit's classes, trainees or roster (404)", async () => {
    expect((await other.get('/api/classes')).json().total).toBe(0);
    expect((await other.get(`/api/classes/${classId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/classes/${classId}/trainees`)).statusCode).toBe(404);
    expect((await other.get(`/api/exports/classes/${classId}/roster`)).statusCode).toBe(404);
    const imp = await importFile(
      other,
      classId,
      await traineesWorkbook([[teacher.name, teacher.username, '柳州市第二中学', 8, '合格']]),
    );
    expect(imp.status).toBe(404);
  });

  it("a unit's class takes only its own staff; an authority's only units of its industry", async () => {
    const own = (await other.post('/api/classes', { ...CLASS, title: '班主任培训' })).json();
    const res = await other.post(`/api/classes/${own.id}/trainees`, {
      name: '黄丽萍',
      idNumber: nurse.username,
      unit: '南宁市第一人民医院',
      hours: 8,
      result: 'passed',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不是本单位人员');
    const ind = (await industry.post('/api/classes', { ...CLASS, title: '全区护理质量培训' })).json();
    expect(ind.organiserKind).toBe('authority');
    const out = await industry.post(`/api/classes/${ind.id}/trainees`, {
      name: teacher.name,
      idNumber: teacher.username,
      unit: '柳州市第二中学',
      hours: 8,
      result: 'passed',
    });
    expect(out.statusCode).toBe(400);
    const inScope = await industry.post(`/api/classes/${ind.id}/trainees`, {
      name: newcomers[2]!.name,
      idNumber: newcomers[2]!.id,
      unit: '南宁市第一人民医院',
      hours: 8,
      result: 'passed',
    });
    expect(inScope.statusCode, inScope.body).toBe(200);
  });

  it('a class not yet over takes no trainees', async () => {
    const future = (
      await organiser.post('/api/classes', {
        ...CLASS,
        title: '下半年培训',
        startDate: '2024-09-02',
        endDate: '2024-09-03',
      })
    ).json();
    const res = await organiser.post(`/api/classes/${future.id}/trainees`, {
      name: '黄丽萍',
      idNumber: nurse.username,
      unit: '南宁市第一人民医院',
      hours: 8,
      result: 'passed',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('培训班结束');
  });

  it('the yearly summary lists the organiser’s classes of the year', async () => {
    const res = await organiser.get('/api/exports/classes/summary?year=2024');
    expect(res.statusCode).toBe(200);
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    const titles = ws.getColumn(1).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining([CLASS.title, '院感防控培训']));
    expect(titles).not.toContain('班主任培训');
  });
});

describe('培训班 of a training base', () => {
  it('is made from one of its filings 已备案 (备案号, 项目学时 from the filing), and its records carry the 备案号', async () => {
    const [base] = await t.db.select().from(trainingBases).where(eq(trainingBases.name, '广西大学'));
    const acc = await buildAccount(t.db, { kind: 'base', baseId: base!.id });
    const gxu = await loggedIn(t, acc.username, PASSWORD, 'authority');
    const at = now();
    const filing = (status: 'filed' | 'pending', no: string | null) => ({
      baseId: base!.id,
      status,
      filingNo: no,
      name: '数字经济专题研修班',
      industryCode: 'I',
      field: '信息技术',
      form: 'onsite' as const,
      startDate: '2024-05-13',
      startHalf: 'am' as const,
      endDate: '2024-05-15',
      endHalf: 'pm' as const,
      place: '南宁市西乡塘区大学东路100号',
      plannedTrainees: 60,
      hours: 24,
      organiser: '广西大学',
      enrolment: 'public' as const,
      year: 2024,
      createdBy: acc.id,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      filedAt: status === 'filed' ? at : null,
    });
    const [filed] = await t.db.insert(trainingFilings).values(filing('filed', '桂继教备〔2024〕0007号')).returning();
    const [pending] = await t.db.insert(trainingFilings).values(filing('pending', null)).returning();

    const typed = await gxu.post('/api/classes', CLASS);
    expect(typed.statusCode).toBe(400);
    expect((await gxu.post('/api/classes', { filingId: pending!.id })).statusCode).toBe(400);
    expect((await organiser.post('/api/classes', { filingId: filed!.id })).statusCode).toBe(403);
    const made = await gxu.post('/api/classes', { filingId: filed!.id });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ organiserKind: 'base', filingNumber: '桂继教备〔2024〕0007号', hours: 24 });
    expect((await gxu.post('/api/classes', { filingId: filed!.id })).statusCode).toBe(409);

    // A base records trainees of any unit; the records name the base and the 备案号.
    const added = await gxu.post(`/api/classes/${made.json().id}/trainees`, {
      name: teacher.name,
      idNumber: teacher.username,
      unit: '柳州市第二中学',
      hours: 24,
      result: 'passed',
    });
    expect(added.statusCode, added.body).toBe(200);
    const me = await loggedIn(t, teacher.username, PASSWORD, 'person');
    const rec = (await me.get('/api/hours/my/records?year=2024')).json().items[0];
    expect(rec.classSource).toMatchObject({
      organiserName: '广西大学继续教育基地',
      filingNumber: '桂继教备〔2024〕0007号',
    });
    expect(rec.remarks).toBe('备案号：桂继教备〔2024〕0007号');
    // The base sees only its own classes.
    expect((await gxu.get('/api/classes')).json().items.map((c: { id: number }) => c.id)).toEqual([made.json().id]);
    expect((await gxu.get(`/api/classes/${classId}`)).statusCode).toBe(404);
  });
});
