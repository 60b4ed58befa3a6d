import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { annualPlans, auditLog, hourRecords } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildRecord, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { openYears, planFor } from './index';

/**
 * 年度计划管理: a new year's plan is copied from the last one as a draft nobody else sees, edited,
 * published (in force at once, without a restart); a published plan with records changes only as a
 * version with a reason; passed deadlines are reopened for the province, a unit or a person.
 * Years are chosen after the last plan of the test database, so the test holds on any date.
 */
let t: TestApp;
let op: TestClient;
let opName: string;
let N: number; // the new plan's year
beforeAll(async () => {
  t = await createTestApp();
  const [row] = await t.db.select({ y: sql<number>`max(${annualPlans.year})` }).from(annualPlans);
  N = Number(row!.y) + 1;
  opName = (await buildAccount(t.db, { kind: 'operator', name: '陆海燕' })).username;
});
afterAll(async () => t.close());
beforeEach(async () => {
  setNow(`${N - 1}-12-01T10:00:00+08:00`);
  op = await loggedIn(t, opName, PASSWORD, 'authority');
});
/** Moves the clock; sessions idle longer than allowed end, so everyone signs in again. */
async function at(instant: string) {
  setNow(instant);
  op = await loggedIn(t, opName, PASSWORD, 'authority');
}

const record = (year: number, over: Record<string, unknown> = {}) => ({
  activityType: 'training',
  title: '桂林市职称继续教育专业科目培训班',
  organizer: '桂林市人力资源和社会保障局',
  place: '桂林市',
  startDate: `${year}-01-01`,
  startHalf: 'am',
  endDate: `${year}-01-01`,
  endHalf: 'pm',
  remarks: '',
  declared: true,
  ...over,
});

async function person(unitName = '柳州市工人医院') {
  const unit = await buildUnit(t.db, { name: unitName });
  const p = await buildProfessional(t.db, { unitId: unit.id });
  return { unit, p, c: await loggedIn(t, p.username, PASSWORD) };
}

const audits = async (action: string, year: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(year))));

describe('a new year: copy, edit the draft, publish', () => {
  it('copies the latest plan into the new year as a draft with its dates and courses moved along', async () => {
    const res = await op.post('/api/plans', { year: N });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({
      year: N,
      status: 'draft',
      version: 1,
      publicDeadline: `${N}-12-31`,
      professionalDeadline: `${N + 1}-03-31`,
      hasRecords: false,
    });
    expect(plan.courses.filter((c: { kind: string }) => c.kind === 'compulsory')).toHaveLength(1);
    expect(await audits('plan.create', N)).toHaveLength(1);
    const again = await op.post('/api/plans', { year: N });
    expect([again.statusCode, again.json().error.details[0].field]).toEqual([409, 'year']);
    expect(
      (await op.get('/api/plans')).json().map((p: { year: number; status: string }) => [p.year, p.status])[0],
    ).toEqual([N, 'draft']);
  });

  it('a draft is seen by nobody but the operator: in its year professionals are told the plan is not published', async () => {
    await at(`${N}-01-01T09:00:00+08:00`);
    const { c } = await person();
    const me = await c.get('/api/compliance/me');
    expect([me.statusCode, me.json().error.code, me.json().error.message]).toEqual([
      422,
      'YEAR_CLOSED',
      `${N}年度计划尚未发布`,
    ]);
    const reg = await c.post('/api/hours/records', record(N));
    expect([reg.statusCode, reg.json().error.code, reg.json().error.details[0]]).toEqual([
      422,
      'YEAR_CLOSED',
      { field: 'startDate', reason: `${N}年度计划尚未发布` },
    ]);
    expect((await c.get('/api/reference/plans')).json().map((p: { year: number }) => p.year)).not.toContain(N);
    const preview = await c.get(`/api/hours/preview?startDate=${N}-01-01&startHalf=am&endDate=${N}-01-01&endHalf=pm`);
    expect([preview.statusCode, preview.json().error.message]).toEqual([422, `${N}年度计划尚未发布`]);
    expect(await planFor(t.db, N)).toBeNull();
    expect((await planFor(t.db, N, { drafts: true }))?.status).toBe('draft');
    expect((await c.get('/api/plans/notices')).json()).toContainEqual({
      kind: 'not_published',
      year: N,
      message: `${N}年度计划尚未发布`,
    });
    // Last year's professional hours stay open until its Mar 31.
    const last = await c.post(
      '/api/hours/records',
      record(N - 1, { startDate: `${N - 1}-12-28`, endDate: `${N - 1}-12-28` }),
    );
    expect(last.statusCode, last.body).toBe(201);
    const sub = await c.post('/api/hours/records/submit', { ids: [last.json().id], target: 'unit' });
    expect(sub.json().done).toEqual([last.json().id]);
    expect(await openYears(t.db, new Date(`${N}-03-31T23:00:00+08:00`))).toContain(N - 1);
    expect(await openYears(t.db, new Date(`${N}-04-01T00:00:00+08:00`))).not.toContain(N - 1);
  });

  it('edits every number of a draft without a version; each invalid number names its field', async () => {
    const bad = await op.request('PUT', `/api/plans/${N}`, { passScore: 500 });
    expect([bad.statusCode, bad.json().error.details[0].field]).toEqual([400, 'passScore']);
    const sum = await op.request('PUT', `/api/plans/${N}`, { compulsoryHours: 60, electiveHours: 40 });
    expect([sum.statusCode, sum.json().error.details[0].field]).toEqual([400, 'electiveHours']);
    const type = await op.request('PUT', `/api/plans/${N}`, { maxAttempts: 0 });
    expect(type.statusCode).toBe(400);
    expect(JSON.stringify(type.json())).toContain('maxAttempts');
    const ok = await op.request('PUT', `/api/plans/${N}`, {
      totalHours: 100,
      compulsoryHours: 20,
      maxAttempts: 2,
      activityCaps: { academic: 24 },
      revealKeyAfterPass: false,
      examConfig: {
        minutes: 90,
        single: { count: 30, points: 2 },
        multiple: { count: 10, points: 2 },
        judge: { count: 10, points: 2 },
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      totalHours: 100,
      compulsoryHours: 20,
      maxAttempts: 2,
      activityCaps: { academic: 24 },
      revealKeyAfterPass: false,
      version: 1,
      status: 'draft',
    });
    expect((await op.get(`/api/plans/${N}/versions`)).json()).toEqual([]);
    expect((await audits('plan.update', N)).at(-1)!.detail).toMatchObject({
      diff: { totalHours: { from: 90, to: 100 } },
    });
  });

  it('publishing puts the plan in force at once, without a restart', async () => {
    await at(`${N}-01-01T09:00:00+08:00`);
    const { c } = await person();
    expect((await c.get('/api/compliance/me')).statusCode).toBe(422);
    const pub = await op.post(`/api/plans/${N}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published' });
    expect((await op.post(`/api/plans/${N}/publish`)).statusCode).toBe(409);
    const me = await c.get('/api/compliance/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ year: N, totalHours: 0 });
    expect(
      me
        .json()
        .missing.map((m: { item: string }) => m.item)
        .join(),
    ).toContain('100');
    const reg = await c.post('/api/hours/records', record(N));
    expect(reg.statusCode, reg.body).toBe(201);
    expect(await audits('plan.publish', N)).toHaveLength(1);
  });

  it('a published plan with records changes only with a reason, as a version whose diff is kept', async () => {
    await at(`${N}-02-01T09:00:00+08:00`);
    const { p } = await person();
    await buildRecord(t.db, { accountId: p.id, hours: 8, status: 'approved', year: N });
    const noReason = await op.request('PUT', `/api/plans/${N}`, { totalHours: 90 });
    expect([noReason.statusCode, noReason.json().error.details[0].field]).toEqual([400, 'reason']);
    const res = await op.request('PUT', `/api/plans/${N}`, {
      totalHours: 90,
      reason: '按自治区人社厅2027年补充通知调整',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totalHours: 90, version: 2 });
    const versions = (await op.get(`/api/plans/${N}/versions`)).json();
    expect(versions).toEqual([
      expect.objectContaining({
        version: 2,
        reason: '按自治区人社厅2027年补充通知调整',
        diff: { totalHours: { from: 100, to: 90 } },
        actorName: '陆海燕',
      }),
    ]);
  });

  it('the cache follows a change made elsewhere (another server process) at once', async () => {
    expect((await planFor(t.db, N))!.passScore).toBe(60);
    await t.db.update(annualPlans).set({ passScore: 70 }).where(eq(annualPlans.year, N));
    expect((await planFor(t.db, N))!.passScore).toBe(70);
    await t.db.update(annualPlans).set({ passScore: 60 }).where(eq(annualPlans.year, N));
    expect((await planFor(t.db, N))!.passScore).toBe(60);
  });

  it('links the compulsory course and electives; a course of the wrong kind is refused by field', async () => {
    const plan = (await op.get(`/api/plans/${N}`)).json();
    const compulsory = plan.courses.find((c: { kind: string }) => c.kind === 'compulsory');
    const electives = plan.courses
      .filter((c: { kind: string }) => c.kind === 'elective')
      .map((c: { id: number }) => c.id);
    if (electives.length) {
      const wrong = await op.request('PUT', `/api/plans/${N}/courses`, {
        compulsoryCourseId: electives[0],
        electiveCourseIds: [],
        reason: '调整',
      });
      expect([wrong.statusCode, wrong.json().error.details[0].field]).toEqual([400, 'compulsoryCourseId']);
      const res = await op.request('PUT', `/api/plans/${N}/courses`, {
        compulsoryCourseId: compulsory.id,
        electiveCourseIds: electives.slice(1),
        reason: '减少一门选修课',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().courses).toHaveLength(electives.length);
      expect((await op.get(`/api/plans/${N}/versions`)).json()[0]).toMatchObject({
        version: 3,
        diff: { courses: expect.anything() },
      });
    }
    const noCourse = await op.request('PUT', `/api/plans/${N}/courses`, {
      compulsoryCourseId: 987654,
      electiveCourseIds: [],
      reason: 'x',
    });
    expect([noCourse.statusCode, noCourse.json().error.details[0].field]).toEqual([400, 'compulsoryCourseId']);
  });
});

describe('reopening a passed deadline', () => {
  // After Mar 31 of N+1 the year N is closed for professional hours.
  const after = () => at(`${N + 1}-04-10T10:00:00+08:00`);

  it('refuses a reopening that ends before the deadline, and one for an unknown unit, naming the field', async () => {
    await after();
    const early = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'province',
      deadline: 'professional',
      until: `${N + 1}-03-01`,
      reason: '系统故障',
    });
    expect([early.statusCode, early.json().error.details[0].field]).toEqual([400, 'until']);
    const unknown = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'unit',
      unitCreditCode: '91450100000000000X',
      deadline: 'professional',
      until: `${N + 1}-04-30`,
      reason: '系统故障',
    });
    expect([unknown.statusCode, unknown.json().error.details[0].field]).toEqual([400, 'unitCreditCode']);
  });

  it('for one person: only they may register, submit and be reviewed again; they see a notice', async () => {
    await after();
    const a = await person('玉林市第一人民医院');
    const b = await person('钦州市妇幼保健院');
    const closed = await a.c.post('/api/hours/records', record(N, { startDate: `${N}-11-02`, endDate: `${N}-11-02` }));
    expect([closed.statusCode, closed.json().error.code]).toEqual([422, 'YEAR_CLOSED']);
    const res = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'person',
      personIdNumber: a.p.idNumber,
      deadline: 'professional',
      until: `${N + 1}-04-30`,
      reason: '本人住院治疗，未能按期登记',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()[0]).toMatchObject({ scope: 'person', personName: a.p.name, until: `${N + 1}-04-30` });
    expect(await audits('plan.reopen', N)).toHaveLength(1);
    const reg = await a.c.post('/api/hours/records', record(N, { startDate: `${N}-11-02`, endDate: `${N}-11-02` }));
    expect(reg.statusCode, reg.body).toBe(201);
    const sub = await a.c.post('/api/hours/records/submit', { ids: [reg.json().id], target: 'unit' });
    expect(sub.json().done).toEqual([reg.json().id]);
    const admin = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: a.unit.id })).username,
      PASSWORD,
      'unit',
    );
    const review = await admin.post('/api/hours/review/approve', { ids: [reg.json().id] });
    expect(review.statusCode, review.body).toBe(200);
    expect((await t.db.select().from(hourRecords).where(eq(hourRecords.id, reg.json().id)))[0]!.status).toBe(
      'approved',
    );
    expect(
      (await b.c.post('/api/hours/records', record(N, { startDate: `${N}-11-02`, endDate: `${N}-11-02` }))).statusCode,
    ).toBe(422);
    expect((await a.c.get('/api/plans/notices')).json()).toContainEqual({
      kind: 'reopened',
      year: N,
      message: `${N}年度专业科目学时登记、提交和审核已重新开放至${N + 1}年4月30日`,
    });
    expect((await b.c.get('/api/plans/notices')).json().filter((x: { kind: string }) => x.kind === 'reopened')).toEqual(
      [],
    );
    setNow(`${N + 1}-05-01T00:00:00+08:00`);
    a.c = await loggedIn(t, a.p.username, PASSWORD);
    expect(
      (await a.c.post('/api/hours/records', record(N, { startDate: `${N}-11-03`, endDate: `${N}-11-03` }))).statusCode,
    ).toBe(422);
  });

  it('for one unit: its people may register again, others not', async () => {
    await after();
    const a = await person('北海市人民医院');
    const b = await person('梧州市红十字会医院');
    const res = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'unit',
      unitCreditCode: a.unit.creditCode,
      deadline: 'professional',
      until: `${N + 1}-04-20`,
      reason: '单位系统切换',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await a.c.post('/api/hours/records', record(N, { startDate: `${N}-10-08`, endDate: `${N}-10-08` }))).statusCode,
    ).toBe(201);
    expect(
      (await b.c.post('/api/hours/records', record(N, { startDate: `${N}-10-08`, endDate: `${N}-10-08` }))).statusCode,
    ).toBe(422);
  });

  it('for the province: everyone may register again', async () => {
    await after();
    const b = await person('百色市人民医院');
    expect(
      (await b.c.post('/api/hours/records', record(N, { startDate: `${N}-09-08`, endDate: `${N}-09-08` }))).statusCode,
    ).toBe(422);
    const res = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'province',
      deadline: 'professional',
      until: `${N + 1}-04-15`,
      reason: '全区系统升级顺延',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await b.c.post('/api/hours/records', record(N, { startDate: `${N}-09-08`, endDate: `${N}-09-08` }))).statusCode,
    ).toBe(201);
    expect(await openYears(t.db, new Date(`${N + 1}-04-10T10:00:00+08:00`))).toContain(N);
    expect((await op.get(`/api/plans/${N}/reopenings`)).json().map((r: { scope: string }) => r.scope)).toEqual([
      'province',
      'unit',
      'person',
    ]);
  });

  it('of the public subjects for one person: their electives of the closed year open again until the new date', async () => {
    await at(`${N + 1}-01-05T10:00:00+08:00`);
    const a = await person('贺州市人民医院');
    const before = (await a.c.get(`/api/learning/years/${N}`)).json();
    expect(before.electives.length).toBeGreaterThan(0);
    expect(before.electives[0].window).toMatchObject({ open: false });
    const res = await op.post(`/api/plans/${N}/reopenings`, {
      scope: 'person',
      personIdNumber: a.p.idNumber,
      deadline: 'public',
      until: `${N + 1}-01-20`,
      reason: '公需科目学习平台故障顺延',
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await a.c.get(`/api/learning/years/${N}`)).json();
    expect(after.electives[0].window).toMatchObject({ open: true });
    expect((await a.c.get('/api/plans/notices')).json()).toContainEqual({
      kind: 'reopened',
      year: N,
      message: `${N}年度公需科目学习和考试已重新开放至${N + 1}年1月20日`,
    });
  });
});
