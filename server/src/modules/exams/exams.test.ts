import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, resetClock, setNow } from '../../clock';
import { annualPlans, auditLog, examAttempts, examRounds, publicCredits, questions } from '../../db/schema/index';
import { BELT_AND_ROAD_COURSE, PRIOR_YEAR_COURSE } from '../../db/seed/content/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import {
  allRight,
  answersWith,
  atShanghai,
  attemptCount,
  compulsoryId,
  completeCourseInDb,
  paperOf,
  PREV,
  priorCompulsoryId,
  studyCourse,
  Y,
} from '../../../test/kits/learning';
import { submitExpiredAttempts } from './finalize-attempt';

let t: TestApp;
let operatorName: string;
beforeAll(async () => {
  t = await createTestApp();
  operatorName = (await buildAccount(t.db, { kind: 'operator', name: '培训中心客服' })).username;
});

/** The help desk, logged in now (tests move the clock past the session idle timeout). */
const helpDesk = () => loggedIn(t, operatorName, PASSWORD, 'authority');
afterAll(async () => t.close());
afterEach(() => resetClock());

interface Person {
  c: TestClient;
  id: number;
  idNumber: string;
}

async function professional(): Promise<Person> {
  const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
  return { c: await loggedIn(t, p.username, PASSWORD), id: p.id, idNumber: p.idNumber! };
}

/** Lets time pass while the page stays open (it keeps the session alive, as the exam page does). */
async function wait(p: Person, ms: number) {
  for (let left = ms; left > 0; left -= 20 * 60_000) {
    advance(Math.min(left, 20 * 60_000));
    await p.c.get('/api/me');
  }
}

/** Logs in again after the clock jumped past the session idle timeout. */
async function relogin(p: Person) {
  p.c = await loggedIn(t, p.idNumber, PASSWORD);
}

/** A professional who completed this year's compulsory course. */
async function ready(year = Y): Promise<Person> {
  const p = await professional();
  await completeCourseInDb(t.db, p.id, year, year === Y ? await compulsoryId(t.db) : await priorCompulsoryId(t.db));
  return p;
}

async function start(p: Person, year = Y) {
  return p.c.post(`/api/exams/years/${year}/attempts`);
}

/** Starts an attempt and submits answers with the first n of each type right. */
async function takeExam(p: Person, right: Parameters<typeof answersWith>[1] | 'all', year = Y) {
  const s = await start(p, year);
  expect(s.statusCode).toBe(200);
  const paper = await paperOf(t.db, s.json().id);
  const answers = right === 'all' ? allRight(paper) : answersWith(paper, right);
  const res = await p.c.post(`/api/exams/attempts/${s.json().id}/submit`, { answers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const fail = (p: Person) => takeExam(p, { single: 5 });
const credits = (accountId: number) => t.db.select().from(publicCredits).where(eq(publicCredits.accountId, accountId));
const audits = (action: string, targetId: string | number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));

describe('考试列表 — starting an exam', () => {
  it('refuses to start before the course is complete, with a clear message', async () => {
    atShanghai();
    const p = await professional();
    const o = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(o).toMatchObject({
      canStart: false,
      courseCompleted: false,
      attemptsLeft: 3,
      maxAttempts: 3,
      passScore: 60,
      minutes: 60,
      questionCount: 45,
    });
    expect(o.refusal).toContain('完成必修课');
    const res = await start(p);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('请先完成必修课全部章节的学习，再参加考试');
    expect(await attemptCount(t.db, p.id, Y)).toBe(0);
  });

  it('serves a random paper by the plan counts without answers or explanations, and stores it as served', async () => {
    atShanghai();
    const p = await ready();
    const res = await start(p);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'open', attemptNo: 1, maxAttempts: 3, result: null, answers: {} });
    expect(view.questions).toHaveLength(45);
    expect(view.questions.map((q: { type: string }) => q.type)).toEqual([
      ...Array(20).fill('single'),
      ...Array(10).fill('multiple'),
      ...Array(15).fill('judge'),
    ]);
    expect(new Date(view.deadlineAt).getTime() - new Date(view.startedAt).getTime()).toBe(60 * 60_000);

    // no key anywhere in the payload may carry the answer or the explanation
    const keys = new Set<string>();
    JSON.parse(res.body, (k, v) => (keys.add(k), v));
    expect([...keys].filter((k) => /^answer$|explanation|correct/i.test(k))).toEqual([]);
    expect(keys.has('answers')).toBe(true); // the person's own (empty) answers, nothing else
    const bank = await t.db
      .select()
      .from(questions)
      .where(eq(questions.courseId, await compulsoryId(t.db)));
    for (const q of bank) if (q.explanation.length > 8) expect(res.body).not.toContain(q.explanation);
    // the same holds when the open attempt is read again
    expect((await p.c.get(`/api/exams/attempts/${view.id}`)).body).not.toContain('"answer"');

    // stored as served: question ids, option order, points and the answer key
    const paper = await paperOf(t.db, view.id);
    expect(paper.map((q) => q.stem)).toEqual(view.questions.map((q: { stem: string }) => q.stem));
    expect(paper.map((q) => q.options)).toEqual(view.questions.map((q: { options: string[] }) => q.options));
    expect(paper.reduce((s, q) => s + q.points, 0)).toBe(100);
    expect(await audits('exam.start', view.id)).toHaveLength(1);

    // starting again resumes the open attempt instead of using another
    expect((await start(p)).json().id).toBe(view.id);
    expect(await attemptCount(t.db, p.id, Y)).toBe(1);
  });

  it('draws different papers for different attempts', async () => {
    atShanghai();
    const a = await ready();
    const b = await ready();
    const pa = (await start(a)).json().questions.map((q: { stem: string }) => q.stem);
    const pb = (await start(b)).json().questions.map((q: { stem: string }) => q.stem);
    expect(pa).not.toEqual(pb);
  });
});

describe('grading by the server', () => {
  it('passes at 60 exactly and credits 15 hours to the plan year, once, audited', async () => {
    atShanghai();
    const p = await ready();
    const r = await takeExam(p, { single: 15, judge: 15 });
    expect(r.status).toBe('submitted');
    expect(r.result).toMatchObject({
      score: 60,
      earnedPoints: 60,
      totalPoints: 100,
      passed: true,
      passScore: 60,
      hoursCredited: 15,
    });
    // a passed attempt shows the answers and explanations (the plan reveals the key after a pass)
    expect(r.result.items).toHaveLength(45);
    expect(r.result.items.some((i: { explanation: string }) => i.explanation.length > 0)).toBe(true);
    expect(await credits(p.id)).toEqual([
      expect.objectContaining({ year: Y, kind: 'compulsory', hours: 15, source: `exam_attempt:${r.id}` }),
    ]);
    expect(await audits('exam.submit', r.id)).toHaveLength(1);
    expect(await audits('learning.credit', p.id)).toHaveLength(1);

    // submitting again returns the same result and credits nothing more
    const again = await p.c.post(`/api/exams/attempts/${r.id}/submit`, { answers: {} });
    expect(again.json().result).toMatchObject({ score: 60, passed: true });
    expect(await credits(p.id)).toHaveLength(1);
    const o = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(o).toMatchObject({ passed: true, canStart: false, hoursCredited: 15 });
    expect((await start(p)).statusCode).toBe(409);
    expect((await p.c.get('/api/learning/hours')).json()).toEqual([{ year: Y, compulsory: 15, elective: 0 }]);
    expect((await p.c.get(`/api/learning/years/${Y}`)).json().hours).toEqual({ compulsory: 15, elective: 0 });
    // 学时查询 → 培训总体查询 reads the same ledger
    expect((await p.c.get('/api/hours/my/overview')).json()).toEqual([
      expect.objectContaining({ year: Y, compulsoryHours: 15, publicHours: 15 }),
    ]);
  });

  it('10 submissions of one attempt at once (double clicks, tabs): one grading, one credit, the same result for all', async () => {
    atShanghai();
    const p = await ready();
    const s = (await start(p)).json();
    const paper = await paperOf(t.db, s.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        p.c.post(`/api/exams/attempts/${s.id}/submit`, {
          answers: i === 0 ? allRight(paper) : answersWith(paper, { single: 15, judge: 15 }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const scores = new Set(results.map((r) => r.json().result.score));
    expect(scores.size).toBe(1); // whichever got in first, every answer shows its result
    expect([60, 100]).toContain([...scores][0]);
    expect(results.every((r) => r.json().result.hoursCredited === 15)).toBe(true);
    expect(await credits(p.id)).toHaveLength(1);
    const [submitted] = await audits('exam.submit', s.id);
    expect(await audits('exam.submit', s.id)).toHaveLength(1);
    expect(submitted).toMatchObject({
      actorAccountId: p.id,
      actorKind: 'professional',
      result: 'ok',
      targetType: 'exam_attempt',
    });
    expect(submitted!.detail).toEqual({
      accountId: p.id,
      year: Y,
      round: 1,
      attempt: 1,
      score: [...scores][0],
      passed: true,
    });
    const [credit] = await audits('learning.credit', p.id);
    expect(await audits('learning.credit', p.id)).toHaveLength(1);
    expect(credit).toMatchObject({ actorAccountId: p.id, targetType: 'account' });
    expect(credit!.detail).toEqual({ year: Y, kind: 'compulsory', hours: 15, source: `exam_attempt:${s.id}` });
  });

  it('fails at 59 and credits nothing', async () => {
    atShanghai();
    const p = await ready();
    const r = await takeExam(p, { single: 13, multiple: 1, judge: 15 });
    expect(r.result).toMatchObject({ score: 59, passed: false, hoursCredited: null });
    expect(await credits(p.id)).toEqual([]);
    expect((await p.c.get(`/api/exams/years/${Y}`)).json()).toMatchObject({
      attemptsUsed: 1,
      attemptsLeft: 2,
      canStart: true,
    });
  });

  it('grades what the page saved and ignores a submission for someone else’s attempt (404)', async () => {
    atShanghai();
    const p = await ready();
    const other = await professional();
    const s = (await start(p)).json();
    const paper = await paperOf(t.db, s.id);
    expect((await p.c.put(`/api/exams/attempts/${s.id}/answers`, { answers: allRight(paper) })).statusCode).toBe(200);
    expect((await other.c.get(`/api/exams/attempts/${s.id}`)).statusCode).toBe(404);
    expect((await other.c.post(`/api/exams/attempts/${s.id}/submit`, { answers: {} })).statusCode).toBe(404);
    expect((await other.c.put(`/api/exams/attempts/${s.id}/answers`, { answers: {} })).statusCode).toBe(404);
    const r = (await p.c.post(`/api/exams/attempts/${s.id}/submit`, {})).json();
    expect(r.result).toMatchObject({ score: 100, passed: true });
  });
});

describe('the review after an attempt', () => {
  async function review(p: Person, right: Parameters<typeof answersWith>[1] | 'all') {
    const s = await start(p);
    expect(s.statusCode).toBe(200);
    const paper = await paperOf(t.db, s.json().id);
    const answers = right === 'all' ? allRight(paper) : answersWith(paper, right);
    const submitted = await p.c.post(`/api/exams/attempts/${s.json().id}/submit`, { answers });
    expect(submitted.statusCode).toBe(200);
    const again = await p.c.get(`/api/exams/attempts/${s.json().id}`);
    return { paper, answers, submitted, again };
  }

  it('a failed attempt shows the score and which questions were wrong, never the key or the explanations', async () => {
    atShanghai();
    const p = await ready();
    const { paper, answers, submitted, again } = await review(p, { single: 10, judge: 10 });
    for (const res of [submitted, again]) {
      const r = res.json().result;
      expect(r).toMatchObject({ passed: false, keyRevealed: false, score: 40 });
      expect(r.items).toHaveLength(45);
      expect(r.items.map((i: { correct: boolean }) => i.correct)).toEqual(
        paper.map((q, i) => JSON.stringify(answers[String(i + 1)]) === JSON.stringify(q.answer)),
      );
      expect(r.items.filter((i: { correct: boolean }) => !i.correct)).toHaveLength(25);
      expect(
        r.items.every((i: { answer: unknown; explanation: unknown }) => i.answer === null && i.explanation === null),
      ).toBe(true);
      // the person's own answers come back; no explanation text is anywhere in the payload
      expect(res.json().answers).toEqual(answers);
      for (const q of paper) if (q.explanation.length > 8) expect(res.body).not.toContain(q.explanation);
    }
  });

  it('a passed attempt shows the key and the explanations', async () => {
    atShanghai();
    const p = await ready();
    const { paper, submitted, again } = await review(p, { single: 15, judge: 15, multiple: 2 });
    for (const res of [submitted, again]) {
      const r = res.json().result;
      expect(r).toMatchObject({ passed: true, keyRevealed: true });
      expect(r.items.map((i: { answer: number[] }) => i.answer)).toEqual(paper.map((q) => q.answer));
      expect(r.items.map((i: { explanation: string }) => i.explanation)).toEqual(paper.map((q) => q.explanation));
      expect(r.items.some((i: { correct: boolean }) => !i.correct)).toBe(true);
    }
  });

  it('a plan that does not reveal the key hides it after a pass too', async () => {
    atShanghai();
    await t.db.update(annualPlans).set({ revealKeyAfterPass: false }).where(eq(annualPlans.year, Y));
    try {
      const p = await ready();
      const { paper, submitted, again } = await review(p, 'all');
      for (const res of [submitted, again]) {
        const r = res.json().result;
        expect(r).toMatchObject({ passed: true, score: 100, keyRevealed: false, hoursCredited: 15 });
        expect(
          r.items.every(
            (i: { correct: boolean; answer: unknown; explanation: unknown }) =>
              i.correct && i.answer === null && i.explanation === null,
          ),
        ).toBe(true);
        for (const q of paper) if (q.explanation.length > 8) expect(res.body).not.toContain(q.explanation);
      }
    } finally {
      await t.db.update(annualPlans).set({ revealKeyAfterPass: true }).where(eq(annualPlans.year, Y));
    }
  });
});

describe('three attempts per plan year', () => {
  it('refuses a fourth start', async () => {
    atShanghai();
    const p = await ready();
    for (let i = 0; i < 3; i++) expect((await fail(p)).result.passed).toBe(false);
    const res = await start(p);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('0771-966111');
    expect((await p.c.get(`/api/exams/years/${Y}`)).json()).toMatchObject({
      attemptsUsed: 3,
      attemptsLeft: 0,
      canStart: false,
    });
  });

  it('refuses a fourth start under 10 concurrent requests', async () => {
    atShanghai();
    const p = await ready();
    for (let i = 0; i < 3; i++) await fail(p);
    const all = await Promise.all(Array.from({ length: 10 }, () => start(p)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(10).fill(409));
    expect(await attemptCount(t.db, p.id, Y)).toBe(3);
  });

  it('uses exactly one attempt when 10 starts race for the last one', async () => {
    atShanghai();
    const p = await ready();
    for (let i = 0; i < 2; i++) await fail(p);
    const all = await Promise.all(Array.from({ length: 10 }, () => start(p)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
    expect(all[0]!.json().attemptNo).toBe(3);
    expect(await attemptCount(t.db, p.id, Y)).toBe(3);
    expect(
      (await t.db.select().from(auditLog).where(eq(auditLog.action, 'exam.start'))).filter(
        (a) => a.targetId === String(all[0]!.json().id),
      ),
    ).toHaveLength(1);
  });
});

describe('the time limit', () => {
  it('submits an open attempt automatically at its deadline, with the saved answers (lazily)', async () => {
    atShanghai();
    const p = await ready();
    const s = (await start(p)).json();
    const paper = await paperOf(t.db, s.id);
    await p.c.put(`/api/exams/attempts/${s.id}/answers`, { answers: answersWith(paper, { single: 20, multiple: 10 }) }); // 70 points
    await wait(p, 59 * 60_000);
    expect((await p.c.get(`/api/exams/attempts/${s.id}`)).json().status).toBe('open');
    await wait(p, 2 * 60_000); // past the deadline and its short grace
    const late = await p.c.put(`/api/exams/attempts/${s.id}/answers`, { answers: {} });
    expect(late.statusCode).toBe(409);
    const o = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(o).toMatchObject({ passed: true, hoursCredited: 15, openAttemptId: null });
    const r = (await p.c.get(`/api/exams/attempts/${s.id}`)).json();
    expect(r).toMatchObject({ status: 'submitted', autoSubmitted: true, submittedAt: s.deadlineAt });
    expect(r.result).toMatchObject({ score: 70, passed: true });
    const [entry] = await audits('exam.auto_submit', s.id);
    expect(entry).toMatchObject({ actorAccountId: null, result: 'ok' });
  });

  it('is also submitted by the sweep when the person never comes back', async () => {
    atShanghai();
    const p = await ready();
    const s = (await start(p)).json();
    advance(30 * 60_000);
    expect(await t.db.transaction((tx) => submitExpiredAttempts(tx))).toBe(0);
    advance(31 * 60_000);
    expect(await t.db.transaction((tx) => submitExpiredAttempts(tx))).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(examAttempts).where(eq(examAttempts.id, s.id));
    expect(row).toMatchObject({ autoSubmitted: true, score: 0, passed: false });
    expect(row!.submittedAt!.toISOString()).toBe(s.deadlineAt);
  });

  it('a submission after the deadline counts only what was saved before it', async () => {
    atShanghai();
    const p = await ready();
    const s = (await start(p)).json();
    const paper = await paperOf(t.db, s.id);
    await wait(p, 62 * 60_000);
    const r = (await p.c.post(`/api/exams/attempts/${s.id}/submit`, { answers: allRight(paper) })).json();
    expect(r).toMatchObject({ autoSubmitted: true });
    expect(r.result).toMatchObject({ score: 0, passed: false });
  });
});

describe('补学补考 — makeup granted by the help desk', () => {
  it('after 3 failures the operator grants a makeup: audited, learning restarts, new attempts', async () => {
    atShanghai();
    const operator = await helpDesk();
    const p = await ready();
    for (let i = 0; i < 3; i++) await fail(p);
    const found = (await operator.get(`/api/exams/admin/people?idNumber=${p.idNumber}`)).json();
    expect(found).toEqual([
      expect.objectContaining({ accountId: p.id, idNumberMasked: expect.stringContaining('****') }),
    ]);
    const before = (await operator.get(`/api/exams/admin/people/${p.id}/years/${Y}`)).json();
    expect(before).toMatchObject({
      canGrant: true,
      passed: false,
      rounds: [{ roundNo: 1, kind: 'regular', attempts: [{}, {}, {}] }],
    });

    const reason = '本人致电0771-966111申请补学补考';
    const g = await operator.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason });
    expect(g.statusCode).toBe(201);
    expect(g.json()).toMatchObject({
      canGrant: false,
      rounds: [{ roundNo: 1 }, { roundNo: 2, kind: 'makeup', reason, grantedByName: '培训中心客服', attempts: [] }],
    });
    const [entry] = await audits('exam.makeup_grant', p.id);
    expect(entry!.detail).toMatchObject({ year: Y, round: 2, reason });

    // learning reopens: the new round starts with no progress, so the exam waits for it
    const o = (await p.c.get(`/api/learning/years/${Y}`)).json();
    expect(o).toMatchObject({
      roundNo: 2,
      roundKind: 'makeup',
      compulsory: { completed: false, completedChapters: 0 },
    });
    expect((await start(p)).statusCode).toBe(409);
    await studyCourse(p.c, t.db, Y, await compulsoryId(t.db));
    const ex = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(ex).toMatchObject({ roundNo: 2, attemptsUsed: 0, attemptsLeft: 3, canStart: true });
    const r = await takeExam(p, 'all');
    expect(r).toMatchObject({ roundNo: 2, attemptNo: 1 });
    expect(r.result).toMatchObject({ passed: true, hoursCredited: 15 });
  });

  it('refuses a grant for a person who has not used 3 attempts, and to anyone but the operator', async () => {
    atShanghai();
    const operator = await helpDesk();
    const p = await ready();
    await fail(p);
    const g = await operator.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason: '本人来电申请补考' });
    expect(g.statusCode).toBe(409);
    expect(g.json().error.message).toContain('尚未用完');
    for (let i = 0; i < 2; i++) await fail(p);
    expect(
      (await p.c.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason: '我要补考一次' })).statusCode,
    ).toBe(403);
    expect((await p.c.get(`/api/exams/admin/people?idNumber=${p.idNumber}`)).statusCode).toBe(403);
    const short = await operator.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason: '补考' });
    expect(short.statusCode).toBe(400);
    expect(await t.db.select().from(examRounds).where(eq(examRounds.accountId, p.id))).toHaveLength(1);
  });

  it('is only possible during the training period: refused after the plan’s deadline, with the reason', async () => {
    const p = await ready();
    setNow(`${Y}-06-01T09:00:00+08:00`);
    for (let i = 0; i < 3; i++) await fail(p);
    // the operator moved this year's deadline forward: the training period ends Nov 30
    await t.db
      .update(annualPlans)
      .set({ publicDeadline: `${Y}-11-30` })
      .where(eq(annualPlans.year, Y));
    try {
      setNow(`${Y}-12-01T00:00:05+08:00`);
      const operator = await helpDesk();
      const g = await operator.post('/api/exams/admin/makeups', {
        accountId: p.id,
        year: Y,
        reason: '本人来电申请补学补考',
      });
      expect(g.statusCode).toBe(422);
      expect(g.json().error).toMatchObject({ code: 'YEAR_CLOSED', message: expect.stringContaining(`截止`) });
      expect(g.json().error.message).toContain('不能开通补学补考');
      setNow(`${Y}-11-30T23:59:00+08:00`);
      expect(
        (await operator.post('/api/exams/admin/makeups', { accountId: p.id, year: Y, reason: '本人来电申请补学补考' }))
          .statusCode,
      ).toBe(201);
    } finally {
      await t.db
        .update(annualPlans)
        .set({ publicDeadline: `${Y}-12-31` })
        .where(eq(annualPlans.year, Y));
    }
  });
});

describe('历年培训 — prior-year makeup', () => {
  it('a person who did not pass last year takes that year’s course and exam now; the hours count to last year', async () => {
    atShanghai();
    const p = await professional();
    const years = (await p.c.get('/api/learning/years')).json();
    expect(years.find((y: { year: number }) => y.year === PREV)).toMatchObject({
      compulsoryTitle: PRIOR_YEAR_COURSE.title,
      compulsoryPassed: false,
      window: { open: true, kind: 'prior' },
    });
    const o = (await p.c.get(`/api/learning/years/${PREV}`)).json();
    expect(o).toMatchObject({
      roundKind: 'prior_year',
      compulsory: { title: PRIOR_YEAR_COURSE.title, window: { open: true, kind: 'prior' } },
    });

    await studyCourse(p.c, t.db, PREV, await priorCompulsoryId(t.db));
    const r = await takeExam(p, 'all', PREV);
    expect(r).toMatchObject({ year: PREV });
    expect(r.result).toMatchObject({ score: 100, passed: true, hoursCredited: 15 });
    expect(await credits(p.id)).toEqual([expect.objectContaining({ year: PREV, kind: 'compulsory', hours: 15 })]);
    expect((await p.c.get('/api/learning/hours')).json()).toEqual([{ year: PREV, compulsory: 15, elective: 0 }]);
    expect((await p.c.get('/api/hours/my/overview')).json()).toEqual([
      expect.objectContaining({ year: PREV, publicHours: 15 }),
    ]);
    // done: last year closes for this person
    const after = await start(p, PREV);
    expect(after.statusCode).toBe(422);
    expect(after.json().error.message).toContain('已通过');
  });

  it('scales the score when last year’s bank is smaller than the plan’s counts', async () => {
    atShanghai();
    const p = await ready(PREV);
    const s = (await start(p, PREV)).json();
    const paper = await paperOf(t.db, s.id);
    const total = paper.reduce((n, q) => n + q.points, 0);
    expect(s.questions.length).toBe(paper.length);
    const r = (
      await p.c.post(`/api/exams/attempts/${s.id}/submit`, { answers: answersWith(paper, { judge: 999 }) })
    ).json();
    const judges = paper.filter((q) => q.type === 'judge').reduce((n, q) => n + q.points, 0);
    expect(r.result).toMatchObject({
      totalPoints: total,
      earnedPoints: judges,
      score: Math.floor((judges * 100) / total),
    });
  });

  it('after Dec 31 this year’s course moves to 历年培训: a new round, learning again, the hours to this year', async () => {
    setNow(`${Y}-12-20T10:00:00+08:00`);
    const p = await ready();
    await fail(p);
    setNow(`${Y + 1}-01-05T10:00:00+08:00`);
    await relogin(p);
    const o = (await p.c.get(`/api/exams/years/${Y}`)).json();
    expect(o).toMatchObject({
      window: { open: true, kind: 'prior' },
      roundNo: 2,
      roundKind: 'prior_year',
      courseCompleted: false,
      attemptsLeft: 3,
      canStart: false,
    });
    expect(o.attempts).toHaveLength(1);
  });

  it('keeps a year closed for someone who passed it', async () => {
    atShanghai();
    const p = await ready(PREV);
    await takeExam(p, 'all', PREV);
    const res = await p.c.post(`/api/learning/years/${PREV}/chapters/1/open`, { tabId: 'tab-abcdefgh' });
    expect([404, 422]).toContain(res.statusCode);
  });
});

describe('authorization', () => {
  it('refuses a unit admin starting an exam and a professional touching the question bank (403)', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const ac = await loggedIn(t, admin.username, PASSWORD, 'unit');
    expect((await ac.post(`/api/exams/years/${Y}/attempts`)).statusCode).toBe(403);
    expect((await ac.get(`/api/exams/years/${Y}`)).statusCode).toBe(403);
    const p = await professional();
    expect((await p.c.get('/api/exams/admin/courses')).statusCode).toBe(403);
    const q = { type: 'single', stem: '一道合法的单选题', options: ['甲', '乙'], answer: [0] };
    expect((await p.c.post(`/api/exams/admin/courses/1/questions`, q)).statusCode).toBe(403);
    expect((await p.c.patch(`/api/exams/admin/questions/1`, { enabled: false })).statusCode).toBe(403);
    const operator = await helpDesk();
    expect((await operator.post(`/api/exams/years/${Y}/attempts`)).statusCode).toBe(403);
  });
});

describe('题库 — the operator’s question bank', () => {
  it('lists courses and questions, adds, edits and disables a question (audited)', async () => {
    const operator = await helpDesk();
    const courses = (await operator.get('/api/exams/admin/courses')).json();
    const main = courses.find((c: { code: string }) => c.code === BELT_AND_ROAD_COURSE.code);
    expect(main).toMatchObject({ kind: 'compulsory', questionCount: BELT_AND_ROAD_COURSE.questions.length });
    expect(main.years).toContain(Y);
    const list = (await operator.get(`/api/exams/admin/courses/${main.id}/questions`)).json();
    expect(list[0]).toHaveProperty('answer');

    const bad = await operator.post(`/api/exams/admin/courses/${main.id}/questions`, {
      type: 'judge',
      stem: '这是一道判断题吗',
      options: ['对', '错'],
      answer: [0],
    });
    expect(bad.statusCode).toBe(400);
    const dupe = await operator.post(`/api/exams/admin/courses/${main.id}/questions`, {
      type: 'single',
      stem: list[0].stem,
      options: ['甲', '乙'],
      answer: [0],
    });
    expect(dupe.statusCode).toBe(409);
    const created = await operator.post(`/api/exams/admin/courses/${main.id}/questions`, {
      type: 'multiple',
      stem: '共建“一带一路”坚持的原则包括哪些？（测试新增）',
      options: ['共商', '共建', '共享', '独享'],
      answer: [2, 0, 1],
      explanation: '共商共建共享。',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ answer: [0, 1, 2], enabled: true });
    const q = created.json().id;
    const edited = await operator.patch(`/api/exams/admin/questions/${q}`, { explanation: '共商共建共享是根本原则。' });
    expect(edited.json()).toMatchObject({ explanation: '共商共建共享是根本原则。' });
    const partial = await operator.patch(`/api/exams/admin/questions/${q}`, { answer: [0] });
    expect(partial.statusCode).toBe(400);
    expect((await operator.patch(`/api/exams/admin/questions/${q}`, { enabled: false })).json()).toMatchObject({
      enabled: false,
    });
    expect(await audits('exam.question_create', q)).toHaveLength(1);
    expect(await audits('exam.question_update', q)).toHaveLength(2);
  });
});
