import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetClock } from '../../clock';
import { auditLog, makeupRequests } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import {
  allRight,
  answersWith,
  atShanghai,
  compulsoryId,
  completeCourseInDb,
  paperOf,
  Y,
} from '../../../test/kits/learning';

let t: TestApp;
let operatorName: string;
beforeAll(async () => {
  t = await createTestApp();
  operatorName = (await buildAccount(t.db, { kind: 'operator', name: '培训中心客服' })).username;
});
afterAll(async () => t.close());
afterEach(() => resetClock());
const helpDesk = () => loggedIn(t, operatorName, PASSWORD, 'authority');

interface Person {
  c: TestClient;
  id: number;
  name: string;
}
async function ready(): Promise<Person> {
  const unit = await buildUnit(t.db, { name: '梧州市工人医院' });
  const p = await buildProfessional(t.db, { unitId: unit.id });
  await completeCourseInDb(t.db, p.id, Y, await compulsoryId(t.db));
  return { c: await loggedIn(t, p.username, PASSWORD), id: p.id, name: p.name };
}
async function takeExam(p: Person, right: 'all' | 'fail') {
  const s = await p.c.post(`/api/exams/years/${Y}/attempts`);
  expect(s.statusCode, s.body).toBe(200);
  const paper = await paperOf(t.db, s.json().id);
  const answers = right === 'all' ? allRight(paper) : answersWith(paper, { single: 5 });
  const res = await p.c.post(`/api/exams/attempts/${s.json().id}/submit`, { answers });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const apply = (p: Person, body = { reason: '三次考试均未通过，申请补学补考', phone: '13907710001' }) =>
  p.c.post(`/api/exams/years/${Y}/makeup-request`, body);

describe('补考申请 — the professional applies online', () => {
  it('is refused before every attempt is used and after passing, with a Chinese message', async () => {
    atShanghai();
    const p = await ready();
    const none = await apply(p);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('本轮考试机会尚未用完（已用0次，共3次），全部用完仍未通过时才能申请补考');
    await takeExam(p, 'fail');
    const one = await apply(p);
    expect(one.json().error.message).toContain('已用1次');
    const status = (await p.c.get(`/api/exams/years/${Y}/makeup-request`)).json();
    expect(status).toMatchObject({ canApply: false, passed: false, request: null });

    const q = await ready();
    await takeExam(q, 'all');
    const passed = await apply(q);
    expect(passed.statusCode).toBe(409);
    expect(passed.json().error.message).toBe(`您已通过${Y}年度公需科目考试，无需申请补考`);
    expect(await t.db.select().from(makeupRequests).where(eq(makeupRequests.accountId, q.id))).toEqual([]);
  });

  it('after three failures: one open request at a time, audited; bad input names the field', async () => {
    atShanghai();
    const p = await ready();
    for (let i = 0; i < 3; i++) await takeExam(p, 'fail');
    expect((await p.c.get(`/api/exams/years/${Y}/makeup-request`)).json()).toMatchObject({
      canApply: true,
      refusal: null,
    });
    const bad = await apply(p, { reason: '补考', phone: '0771123' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['phone', 'reason']);

    const ok = await apply(p);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      canApply: false,
      refusal: '您已提交补考申请，正在等待处理，请勿重复申请',
      request: { status: 'pending', roundNo: 1, phone: '13907710001', reason: '三次考试均未通过，申请补学补考' },
    });
    const again = await apply(p);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('您已提交补考申请，正在等待处理，请勿重复申请');
    expect(await t.db.select().from(makeupRequests).where(eq(makeupRequests.accountId, p.id))).toHaveLength(1);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'exam.makeup_request'), eq(auditLog.targetId, String(ok.json().request.id))));
    expect(entry).toMatchObject({ actorAccountId: p.id, targetType: 'makeup_request' });
  });
});

describe('补考申请 — the help desk decides', () => {
  it('lists the queue with the attempts, grants in one transaction, and the person starts a fourth attempt', async () => {
    atShanghai();
    const operator = await helpDesk();
    const p = await ready();
    for (let i = 0; i < 3; i++) await takeExam(p, 'fail');
    const id = (await apply(p)).json().request.id as number;

    const queue = await operator.get('/api/exams/admin/makeup-requests?status=pending');
    expect(queue.statusCode, queue.body).toBe(200);
    const row = queue.json().items.find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({
      status: 'pending',
      reason: '三次考试均未通过，申请补学补考',
      phone: '13907710001',
      person: {
        accountId: p.id,
        name: p.name,
        unitName: '梧州市工人医院',
        idNumberMasked: expect.stringContaining('*'),
      },
      previousMakeups: [],
    });
    expect(row.attempts).toHaveLength(3);
    expect(row.attempts.every((a: { passed: boolean; score: number }) => a.passed === false && a.score < 60)).toBe(
      true,
    );
    // The professional may not reach the queue.
    expect((await p.c.get('/api/exams/admin/makeup-requests')).statusCode).toBe(403);
    const todo = (await operator.get('/api/todo')).json();
    expect(todo.items).toContainEqual(
      expect.objectContaining({ key: 'makeup-requests', link: '/exams/makeup-requests?status=pending' }),
    );

    const g = await operator.post(`/api/exams/admin/makeup-requests/${id}/decision`, { decision: 'grant' });
    expect(g.statusCode, g.body).toBe(200);
    expect(g.json()).toMatchObject({ status: 'granted', grantedRoundNo: 2, decidedByName: '培训中心客服' });
    const twice = await operator.post(`/api/exams/admin/makeup-requests/${id}/decision`, { decision: 'grant' });
    expect(twice.statusCode).toBe(409);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'makeup_request'), eq(auditLog.targetId, String(id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['exam.makeup_request', 'exam.makeup_request.grant']);

    // The person is told, learns again in the new round, and starts a fourth attempt.
    expect((await p.c.get(`/api/exams/years/${Y}/makeup-request`)).json()).toMatchObject({
      request: { status: 'granted', grantedRoundNo: 2 },
    });
    await completeCourseInDb(t.db, p.id, Y, await compulsoryId(t.db), 2);
    const overview = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(overview).toMatchObject({ roundNo: 2, roundKind: 'makeup', attemptsLeft: 3, canStart: true });
    const fourth = await p.c.post(`/api/exams/years/${Y}/attempts`);
    expect(fourth.statusCode).toBe(200);
    expect(fourth.json()).toMatchObject({ roundNo: 2, attemptNo: 1 });
    expect(fourth.json().questions.length).toBeGreaterThan(0);
  });

  it('refuses with a reason the person reads; a refused person may apply again', async () => {
    atShanghai();
    const operator = await helpDesk();
    const p = await ready();
    for (let i = 0; i < 3; i++) await takeExam(p, 'fail');
    const id = (await apply(p)).json().request.id as number;
    const noReason = await operator.post(`/api/exams/admin/makeup-requests/${id}/decision`, {
      decision: 'refuse',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const r = await operator.post(`/api/exams/admin/makeup-requests/${id}/decision`, {
      decision: 'refuse',
      reason: '联系电话无法接通，请核实后重新申请',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'refused', decisionReason: '联系电话无法接通，请核实后重新申请' });
    const mine = (await p.c.get(`/api/exams/years/${Y}/makeup-request`)).json();
    expect(mine).toMatchObject({
      canApply: true,
      request: { status: 'refused', decisionReason: '联系电话无法接通，请核实后重新申请' },
    });
    // No new round was opened: the exam stays closed.
    expect((await p.c.post(`/api/exams/years/${Y}/attempts`)).statusCode).toBe(409);
    expect((await apply(p)).statusCode).toBe(201);
    const refused = (await operator.get('/api/exams/admin/makeup-requests?status=refused')).json();
    expect(refused.items.map((x: { id: number }) => x.id)).toContain(id);
  });

  it('a grant by phone closes the open request of the year', async () => {
    atShanghai();
    const operator = await helpDesk();
    const p = await ready();
    for (let i = 0; i < 3; i++) await takeExam(p, 'fail');
    const id = (await apply(p)).json().request.id as number;
    const g = await operator.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason: '本人来电申请补考' });
    expect(g.statusCode).toBe(201);
    const [row] = await t.db.select().from(makeupRequests).where(eq(makeupRequests.id, id));
    expect(row).toMatchObject({ status: 'granted', grantedRoundNo: 2 });
  });
});
