import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, hourRecords, trainingBases, trainingFilings } from '../../db/schema/index';
import { buildAccount, buildAuthority, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';

const NOW = '2024-04-10T10:00:00+08:00';
setNow(NOW);

let t: TestApp;
let operator: TestClient;
/** A base supervised by authority Q, and another base, each with a login. */
let baseA: TestClient;
let baseB: TestClient;
let authorityQ: TestClient;
let otherAuthority: TestClient;
let professional: TestClient;
let baseAId: number;
let baseBId: number;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b] = await t.db.select().from(trainingBases).orderBy(trainingBases.id).limit(2);
  baseAId = a!.id;
  baseBId = b!.id;
  const q = await buildAuthority(t.db, { industryCode: 'P' });
  const other = await buildAuthority(t.db);
  await t.db.update(trainingBases).set({ supervisingAuthorityId: q.id }).where(eq(trainingBases.id, baseAId));
  const login = async (over: Parameters<typeof buildAccount>[1]) =>
    loggedIn(
      t,
      (await buildAccount(t.db, over)).username,
      PASSWORD,
      over.kind === 'professional' ? 'person' : 'authority',
    );
  operator = await login({ kind: 'operator' });
  baseA = await login({ kind: 'base', baseId: baseAId });
  baseB = await login({ kind: 'base', baseId: baseBId });
  authorityQ = await login({ kind: 'authority', authorityId: q.id });
  otherAuthority = await login({ kind: 'authority', authorityId: other.id });
  professional = await login({ kind: 'professional' });
});
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

const days = (dates: string[]) =>
  dates.flatMap((date) =>
    (['am', 'pm'] as const).map((half) => ({
      date,
      half,
      topic: `${date}${half === 'am' ? '上午' : '下午'}专题`,
      teacher: '黄志强',
    })),
  );

const filing = (over: Record<string, unknown> = {}) => ({
  name: '新时代教师专业能力提升研修班',
  industryCode: 'P',
  field: '基础教育',
  form: 'onsite',
  startDate: '2024-05-13',
  startHalf: 'am',
  endDate: '2024-05-15',
  endHalf: 'pm',
  place: '南宁市西乡塘区大学东路100号',
  plannedTrainees: 50,
  organiser: '广西师范大学',
  coOrganiser: '',
  feePerPerson: 1200,
  feeNote: '含资料费、场地费',
  enrolment: 'public',
  needsApproval: true,
  teachers: [{ name: '黄志强', title: '教授', employer: '广西师范大学' }],
  sessions: days(['2024-05-13', '2024-05-14', '2024-05-15']),
  ...over,
});

async function draft(c: TestClient = baseA, over: Record<string, unknown> = {}): Promise<number> {
  const res = await c.post('/api/filings', filing(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

async function submitted(c: TestClient = baseA, over: Record<string, unknown> = {}): Promise<number> {
  const id = await draft(c, over);
  const res = await c.post(`/api/filings/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

const audits = async (id: number) =>
  (
    await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'training_filing'), eq(auditLog.targetId, String(id))))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

describe('培训备案: 草稿 → 待审核 → 已备案 | 退回', () => {
  it('computes 项目学时 from the schedule: a 3-day class at 4 hours a half day is 24', async () => {
    const id = await draft();
    const f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({ status: 'draft', hours: 24, year: 2024, filingNo: null, baseId: baseAId });
    expect(f.sessions).toHaveLength(6);
  });

  it('ignores hours typed by the client: the schedule decides', async () => {
    const id = await draft(baseA, { hours: 99, sessions: days(['2024-05-13']) });
    expect((await baseA.get(`/api/filings/${id}`)).json().hours).toBe(8);
  });

  it('files a submitted class on approval with the next 备案号 of its year, audited all the way', async () => {
    const id = await submitted();
    expect((await baseA.get(`/api/filings/${id}`)).json().status).toBe('pending');
    const res = await operator.post(`/api/filings/${id}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().filingNo).toMatch(/^桂继教备〔2024〕\d{4}号$/);
    const f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({ status: 'filed', filingNo: res.json().filingNo, decidedByName: expect.any(String) });
    const second = await submitted();
    const no2 = (await operator.post(`/api/filings/${second}/approve`)).json().filingNo as string;
    expect(Number(no2.slice(8, 12))).toBe(Number((res.json().filingNo as string).slice(8, 12)) + 1);
    expect(await audits(id)).toEqual(['bases.filing.create', 'bases.filing.submit', 'bases.filing.approve']);
  });

  it('returns a filing with a reason; the base edits it and submits again', async () => {
    const id = await submitted();
    const noReason = await operator.post(`/api/filings/${id}/return`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await operator.post(`/api/filings/${id}/return`, { reason: '课程安排与师资不符' })).statusCode).toBe(200);
    const f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({ status: 'returned', returnReason: '课程安排与师资不符' });
    expect((await baseA.put(`/api/filings/${id}`, filing({ place: '桂林市七星区' }))).statusCode).toBe(200);
    expect((await baseA.post(`/api/filings/${id}/submit`)).statusCode).toBe(200);
    expect((await baseA.get(`/api/filings/${id}`)).json()).toMatchObject({ status: 'pending', place: '桂林市七星区' });
    expect(await audits(id)).toEqual([
      'bases.filing.create',
      'bases.filing.submit',
      'bases.filing.return',
      'bases.filing.update',
      'bases.filing.submit',
    ]);
  });

  it('files an internal, free class that needs no review on submission', async () => {
    const id = await draft(baseA, { enrolment: 'internal', feePerPerson: 0, needsApproval: false });
    const res = await baseA.post(`/api/filings/${id}/submit`);
    expect(res.json()).toMatchObject({ status: 'filed', filingNo: expect.stringMatching(/^桂继教备〔2024〕/) });
  });

  it('refuses to skip review for a public or paid class', async () => {
    const res = await baseA.post('/api/filings', filing({ needsApproval: false }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'needsApproval', reason: '公开招生或收费的培训项目须经审核后备案' },
    ]);
  });

  it('refuses a session outside the dates and a half day twice, naming the session, and writes nothing', async () => {
    const before = await t.db.$count(trainingFilings);
    const outside = await baseA.post(
      '/api/filings',
      filing({
        sessions: [...days(['2024-05-13']), { date: '2024-05-16', half: 'am', topic: '多出的课', teacher: '' }],
      }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      { field: 'sessions.2.date', reason: '课程安排2024-05-16上午不在培训起止时间内' },
    ]);
    const twice = await baseA.post(
      '/api/filings',
      filing({ sessions: [...days(['2024-05-13']), ...days(['2024-05-13'])] }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].field).toBe('sessions.2.date');
    const crossYear = await baseA.post(
      '/api/filings',
      filing({ startDate: '2024-12-30', endDate: '2025-01-02', sessions: days(['2024-12-30']) }),
    );
    expect(crossYear.statusCode).toBe(400);
    expect(await t.db.$count(trainingFilings)).toBe(before);
  });

  it('does not let a filed class be edited, deleted or submitted again: only a 变更', async () => {
    const id = await submitted();
    await operator.post(`/api/filings/${id}/approve`);
    expect((await baseA.put(`/api/filings/${id}`, filing({ place: '柳州' }))).json().error.message).toBe(
      '已备案的培训项目只能通过“变更”修改',
    );
    expect((await baseA.delete(`/api/filings/${id}`)).statusCode).toBe(409);
    expect((await baseA.post(`/api/filings/${id}/submit`)).statusCode).toBe(409);
    expect((await operator.post(`/api/filings/${id}/approve`)).statusCode).toBe(409);
  });

  it('deletes a draft, and nothing else', async () => {
    const id = await draft();
    expect((await baseA.delete(`/api/filings/${id}`)).statusCode).toBe(200);
    expect((await baseA.get(`/api/filings/${id}`)).statusCode).toBe(404);
    const pending = await submitted();
    expect((await baseA.delete(`/api/filings/${pending}`)).statusCode).toBe(409);
  });
});

describe('变更 of a filed class', () => {
  it('keeps the filed content until the change is approved, then applies it with the 备案号 unchanged, audited before → after', async () => {
    const id = await submitted();
    const { filingNo } = (await operator.post(`/api/filings/${id}/approve`)).json();
    const change = {
      reason: '增加一天实践课程',
      content: filing({
        endDate: '2024-05-16',
        sessions: days(['2024-05-13', '2024-05-14', '2024-05-15', '2024-05-16']),
      }),
    };
    expect((await baseA.post(`/api/filings/${id}/changes`, change)).statusCode).toBe(201);
    expect((await baseA.post(`/api/filings/${id}/changes`, change)).statusCode).toBe(409);
    let f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({
      status: 'filed',
      hours: 24,
      endDate: '2024-05-15',
      change: { status: 'pending', reason: '增加一天实践课程' },
    });
    expect(f.change.proposed.hours).toBe(32);
    const queue = (await operator.get('/api/filings?changePending=true&pageSize=100')).json().items as Array<{
      id: number;
      changePending: boolean;
      ageDays: number;
    }>;
    expect(queue.find((r) => r.id === id)).toMatchObject({ changePending: true, ageDays: 0 });
    expect((await operator.post(`/api/filings/${id}/changes/approve`)).statusCode).toBe(200);
    f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({
      status: 'filed',
      filingNo,
      hours: 32,
      endDate: '2024-05-16',
      change: { status: 'approved' },
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bases.filing.change.approve'), eq(auditLog.targetId, String(id))));
    expect((entry!.detail as { diff: Record<string, unknown> }).diff).toMatchObject({
      hours: { from: 24, to: 32 },
      endDate: { from: '2024-05-15', to: '2024-05-16' },
    });
  });

  it('its 培训班 and the trainees’ records follow an approved change; a change below a trainee’s hours is refused', async () => {
    // A class already over (in March), so that trainees can be added.
    const march = (dates: string[]) => ({
      startDate: dates[0],
      endDate: dates[dates.length - 1],
      sessions: days(dates),
    });
    const id = await submitted(baseA, march(['2024-03-11', '2024-03-12', '2024-03-13']));
    expect((await operator.post(`/api/filings/${id}/approve`)).statusCode).toBe(200);
    const made = await baseA.post('/api/classes', { filingId: id });
    expect(made.statusCode, made.body).toBe(200);
    const cls = made.json() as { id: number };
    const person = await buildAccount(t.db, { kind: 'professional', name: '覃海燕' });
    const added = await baseA.post(`/api/classes/${cls.id}/trainees`, {
      name: '覃海燕',
      idNumber: person.username,
      unit: '南宁市第三中学',
      hours: 20,
      result: 'passed',
    });
    expect(added.statusCode, added.body).toBe(200);

    // Two days (16 学时) would leave the trainee's 20 学时 above the 项目学时.
    const shorter = await baseA.post(`/api/filings/${id}/changes`, {
      reason: '压缩为两天',
      content: filing(march(['2024-03-11', '2024-03-12'])),
    });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json().error.message).toBe(
      '培训班已导入的学员实际学时最多为20学时，超过变更后的项目学时（16学时）：请先更正这些学员的学时',
    );

    const longer = await baseA.post(`/api/filings/${id}/changes`, {
      reason: '增加一天实践课程',
      content: filing({
        name: '新时代教师专业能力提升研修班（含实践）',
        ...march(['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14']),
      }),
    });
    expect(longer.statusCode, longer.body).toBe(201);
    expect((await operator.post(`/api/filings/${id}/changes/approve`)).statusCode).toBe(200);
    expect((await baseA.get(`/api/classes/${cls.id}`)).json()).toMatchObject({
      title: '新时代教师专业能力提升研修班（含实践）',
      endDate: '2024-03-14',
      hours: 32,
    });
    const [record] = await t.db.select().from(hourRecords).where(eq(hourRecords.trainingClassId, cls.id));
    expect(record).toMatchObject({
      title: '新时代教师专业能力提升研修班（含实践）',
      endDate: '2024-03-14',
      hours: 20,
      status: 'approved',
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bases.filing.change.approve'), eq(auditLog.targetId, String(id))));
    expect(entry!.detail).toMatchObject({ classId: cls.id, classRecords: 1 });
  });

  it('returns a change with a reason and leaves the filing as filed', async () => {
    const id = await submitted();
    await operator.post(`/api/filings/${id}/approve`);
    await baseA.post(`/api/filings/${id}/changes`, { reason: '更换地点', content: filing({ place: '北海市' }) });
    expect(
      (await authorityQ.post(`/api/filings/${id}/changes/return`, { reason: '地点变更需附场地证明' })).statusCode,
    ).toBe(200);
    const f = (await baseA.get(`/api/filings/${id}`)).json();
    expect(f).toMatchObject({
      place: '南宁市西乡塘区大学东路100号',
      change: { status: 'returned', returnReason: '地点变更需附场地证明' },
    });
  });

  it('refuses a change that changes nothing, or of a class not filed', async () => {
    const id = await submitted();
    expect((await baseA.post(`/api/filings/${id}/changes`, { reason: '调整', content: filing() })).statusCode).toBe(
      409,
    );
    await operator.post(`/api/filings/${id}/approve`);
    const same = await baseA.post(`/api/filings/${id}/changes`, { reason: '调整', content: filing() });
    expect([same.statusCode, same.json().error.message]).toEqual([400, '变更内容与已备案内容相同']);
  });
});

describe('who reaches what', () => {
  it('a base sees only its own filings; another base gets 404 for them and cannot act on them', async () => {
    const id = await draft(baseA);
    const mine = (await baseA.get('/api/filings?pageSize=200')).json().items as Array<{ id: number; baseId: number }>;
    expect(mine.every((r) => r.baseId === baseAId)).toBe(true);
    expect(mine.some((r) => r.id === id)).toBe(true);
    const theirs = (await baseB.get('/api/filings?pageSize=200')).json().items as Array<{ id: number }>;
    expect(theirs.some((r) => r.id === id)).toBe(false);
    expect((await baseB.get(`/api/filings/${id}`)).statusCode).toBe(404);
    expect((await baseB.put(`/api/filings/${id}`, filing())).statusCode).toBe(404);
    expect((await baseB.post(`/api/filings/${id}/submit`)).statusCode).toBe(404);
    expect((await baseB.delete(`/api/filings/${id}`)).statusCode).toBe(404);
  });

  it('reviewers never see drafts; the supervising authority sees its bases’ filings, another authority none', async () => {
    const d = await draft(baseA);
    const p = await submitted(baseA);
    const pb = await submitted(baseB);
    expect((await operator.get(`/api/filings/${d}`)).statusCode).toBe(404);
    expect((await operator.post(`/api/filings/${d}/approve`)).statusCode).toBe(404);
    expect((await authorityQ.get(`/api/filings/${p}`)).statusCode).toBe(200);
    expect((await authorityQ.get(`/api/filings/${pb}`)).statusCode).toBe(404);
    expect((await authorityQ.post(`/api/filings/${pb}/approve`)).statusCode).toBe(404);
    expect((await otherAuthority.get(`/api/filings/${p}`)).statusCode).toBe(404);
    expect((await otherAuthority.post(`/api/filings/${p}/return`, { reason: '不在范围' })).statusCode).toBe(404);
    const otherList = (await otherAuthority.get('/api/filings?pageSize=200')).json();
    expect(otherList.total).toBe(0);
    const qList = (await authorityQ.get('/api/filings?status=pending&pageSize=200')).json().items as Array<{
      baseId: number;
      ageDays: number;
    }>;
    expect(qList.length).toBeGreaterThan(0);
    expect(qList.every((r) => r.baseId === baseAId)).toBe(true);
    expect((await authorityQ.post(`/api/filings/${p}/approve`)).statusCode).toBe(200);
  });

  it('shows the age of a waiting filing in whole days', async () => {
    const id = await submitted();
    await t.db
      .update(trainingFilings)
      .set({ submittedAt: new Date('2024-04-07T09:00:00+08:00') })
      .where(eq(trainingFilings.id, id));
    const rows = (await operator.get('/api/filings?status=pending&pageSize=200')).json().items as Array<{
      id: number;
      ageDays: number;
    }>;
    expect(rows.find((r) => r.id === id)!.ageDays).toBe(3);
  });

  it('a base may not review, and a professional reaches nothing', async () => {
    const id = await submitted();
    expect((await baseA.post(`/api/filings/${id}/approve`)).statusCode).toBe(403);
    expect((await professional.get(`/api/filings/${id}`)).statusCode).toBe(403);
    expect((await professional.post('/api/filings', filing())).statusCode).toBe(403);
  });
});

describe('培训项目公示', () => {
  it('lists public filed classes to anyone, searchable; internal and unfiled ones never', async () => {
    const pub = await submitted(baseA, { name: '壮乡非遗传承人研修班' });
    await operator.post(`/api/filings/${pub}/approve`);
    const internal = await draft(baseA, {
      name: '壮乡内部培训班',
      enrolment: 'internal',
      feePerPerson: 0,
      needsApproval: false,
    });
    await baseA.post(`/api/filings/${internal}/submit`);
    await submitted(baseA, { name: '壮乡待审核研修班' });
    const anon = t.client();
    const res = await anon.get(`/api/public/filings?q=${encodeURIComponent('壮乡')}`);
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Array<{ name: string }>).map((r) => r.name)).toEqual(['壮乡非遗传承人研修班']);
    const byNo = (await operator.get(`/api/filings/${pub}`)).json().filingNo as string;
    const found = await anon.get(`/api/public/filings?q=${encodeURIComponent(byNo)}`);
    expect(found.json().items).toEqual([
      expect.objectContaining({ filingNo: byNo, hours: 24, baseName: expect.any(String) }),
    ]);
  });
});

describe('基地管理 and a suspended base', () => {
  it('a suspended base cannot file, submit or request a change; resumed, it can', async () => {
    const id = await draft(baseB);
    const res = await operator.post(`/api/bases/${baseBId}/status`, { status: 'suspended', reason: '年度评估不合格' });
    expect(res.statusCode, res.body).toBe(200);
    const refused = await baseB.post('/api/filings', filing());
    expect([refused.statusCode, refused.json().error.message]).toEqual([
      403,
      '本基地已暂停（年度评估不合格），不能提交培训备案',
    ]);
    expect((await baseB.post(`/api/filings/${id}/submit`)).statusCode).toBe(403);
    expect((await baseB.get('/api/base-console')).json()).toMatchObject({
      canFile: false,
      refusal: expect.stringContaining('暂停'),
    });
    expect((await operator.post(`/api/bases/${baseBId}/status`, { status: 'active' })).statusCode).toBe(200);
    expect((await baseB.post(`/api/filings/${id}/submit`)).statusCode).toBe(200);
  });

  it('a base outside its valid period cannot file', async () => {
    const detail = (await operator.get(`/api/bases/${baseBId}`)).json();
    const input = {
      name: detail.name,
      level: detail.level,
      regionalBatch: detail.regionalBatch,
      phone: detail.phone,
      cityCode: detail.cityCode,
      validFrom: '2020-01-01',
      validTo: '2023-12-31',
      contactName: '陆小红',
      contactPhone: '0771-3230000',
      address: null,
      supervisingAuthorityId: null,
    };
    expect((await operator.put(`/api/bases/${baseBId}`, input)).statusCode).toBe(200);
    const refused = await baseB.post('/api/filings', filing());
    expect([refused.statusCode, refused.json().error.message]).toEqual([
      403,
      '本基地有效期已于2023-12-31届满，不能提交培训备案',
    ]);
    expect((await operator.put(`/api/bases/${baseBId}`, { ...input, validTo: '2026-12-31' })).statusCode).toBe(200);
    expect((await baseB.post('/api/filings', filing())).statusCode).toBe(201);
  });

  it('adds a base and gives it a login whose random initial password is shown once and must be changed', async () => {
    const input = {
      name: '广西演示继续教育基地',
      level: 'regional',
      regionalBatch: '第十一批',
      phone: '0771-1234567',
      cityCode: '450100',
      validFrom: '2024-01-01',
      validTo: '2028-12-31',
      contactName: '覃丽萍',
      contactPhone: '0771-1234568',
      address: '南宁市青秀区民族大道1号',
      supervisingAuthorityId: null,
    };
    const created = await operator.post('/api/bases', input);
    expect(created.statusCode, created.body).toBe(201);
    const baseId = created.json().id as number;
    const noBatch = await operator.post('/api/bases', {
      ...input,
      name: '缺批次基地',
      regionalBatch: null,
    });
    expect(noBatch.statusCode).toBe(400);
    const login = await operator.post(`/api/bases/${baseId}/logins`, { username: 'demo-base', name: '覃丽萍' });
    expect(login.statusCode, login.body).toBe(201);
    const { password } = login.json().account as { password: string };
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    expect(
      (await operator.post(`/api/bases/${baseId}/logins`, { username: 'demo-base', name: '重名' })).statusCode,
    ).toBe(409);
    const c = t.client();
    const res = await c.login('demo-base', password, 'authority');
    expect(res.statusCode, res.body).toBe(200);
    expect((await c.get('/api/base-console')).statusCode).toBe(403); // the initial password must be changed first
    const detail = (await operator.get(`/api/bases/${baseId}`)).json();
    expect(detail).toMatchObject({ level: 'regional', regionalBatch: '第十一批', status: 'active', logins: 1 });
    expect(JSON.stringify(detail)).not.toContain(password);
  });

  it('filters the directory by batch and by validity on today', async () => {
    const [x, y] = await t.db.select().from(trainingBases).orderBy(trainingBases.id).limit(2).offset(10);
    await t.db
      .update(trainingBases)
      .set({ regionalBatch: '第九十九批', national: false, validFrom: '2020-01-01', validTo: '2023-12-31' })
      .where(eq(trainingBases.id, x!.id));
    await t.db
      .update(trainingBases)
      .set({ regionalBatch: '第九十九批', national: false, validFrom: '2024-01-01', validTo: '2028-12-31' })
      .where(eq(trainingBases.id, y!.id));
    const ids = async (qs: string) =>
      ((await operator.get(`/api/bases?pageSize=200&${qs}`)).json().items as { id: number }[]).map((r) => r.id);
    expect(await ids(`batch=${encodeURIComponent('第九十九批')}`)).toEqual([x!.id, y!.id]);
    expect(await ids(`batch=${encodeURIComponent('第九十九批')}&validity=expired`)).toEqual([x!.id]);
    expect(await ids(`batch=${encodeURIComponent('第九十九批')}&validity=current`)).toEqual([y!.id]);
    expect(await ids('validity=expired')).toContain(x!.id);
    expect(await ids('validity=current')).not.toContain(x!.id);
  });
});
