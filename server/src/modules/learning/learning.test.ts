import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, now, resetClock, setNow } from '../../clock';
import { auditLog, chapterProgress, publicCredits } from '../../db/schema/index';
import { BELT_AND_ROAD_COURSE, ELECTIVE_COURSES } from '../../db/seed/content/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { heartbeatCredit, seededRng } from '../../domain/learning';
import {
  atShanghai,
  chaptersOf,
  compulsoryId,
  courseId,
  newTab,
  studyChapter,
  studyCourse,
  Y,
} from '../../../test/kits/learning';
import { runBeat } from './record-heartbeat';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => resetClock());

async function professional(): Promise<{ c: TestClient; id: number }> {
  const unit = await buildUnit(t.db);
  const p = await buildProfessional(t.db, { unitId: unit.id });
  return { c: await loggedIn(t, p.username, PASSWORD), id: p.id };
}

async function firstChapter() {
  return (await chaptersOf(t.db, await compulsoryId(t.db)))[0]!;
}

const credited = async (accountId: number, chapterId: number) => {
  const rows = await t.db
    .select()
    .from(chapterProgress)
    .where(and(eq(chapterProgress.accountId, accountId), eq(chapterProgress.chapterId, chapterId)));
  return rows.reduce((s, r) => s + r.creditedMs, 0);
};

describe('前往学习 — the year’s courses', () => {
  it('lists the compulsory course and the five electives with no progress yet', async () => {
    atShanghai();
    const { c } = await professional();
    const res = await c.get(`/api/learning/years/${Y}`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.compulsory).toMatchObject({
      title: BELT_AND_ROAD_COURSE.title,
      kind: 'compulsory',
      completedChapters: 0,
      started: false,
      completed: false,
    });
    expect(o.compulsory.chapterCount).toBe(BELT_AND_ROAD_COURSE.chapters.length);
    expect(o.electives.map((e: { area: string }) => e.area).sort()).toEqual(ELECTIVE_COURSES.map((e) => e.area).sort());
    expect(o.hours).toEqual({ compulsory: 0, elective: 0 });
    expect(o.plan).toMatchObject({ compulsoryHours: 15, electiveHours: 10, passScore: 60, maxAttempts: 3 });
  });

  it('shows a course with its chapters and materials, and a text chapter with its body', async () => {
    atShanghai();
    const { c } = await professional();
    const cid = await compulsoryId(t.db);
    const course = (await c.get(`/api/learning/years/${Y}/courses/${cid}`)).json();
    expect(course.chapters).toHaveLength(BELT_AND_ROAD_COURSE.chapters.length);
    expect(course.materials.length).toBe(BELT_AND_ROAD_COURSE.materials.length);
    const ch = (await c.get(`/api/learning/years/${Y}/chapters/${course.chapters[0].id}`)).json();
    expect(ch).toMatchObject({
      kind: 'text',
      title: BELT_AND_ROAD_COURSE.chapters[0]!.title,
      prevId: null,
      nextId: course.chapters[1].id,
      heartbeatSeconds: 30,
    });
    expect(ch.body).toBe(BELT_AND_ROAD_COURSE.chapters[0]!.body);
  });

  it('answers 404 for a course the year does not use', async () => {
    atShanghai();
    const { c } = await professional();
    const prior = await courseId(t.db, 'GX-2023-BX');
    expect((await c.get(`/api/learning/years/${Y}/courses/${prior}`)).statusCode).toBe(404);
  });
});

describe('heartbeats — progress the server can trust', () => {
  it('credits at most the wall-clock time since the previous accepted beat', async () => {
    atShanghai();
    const { c, id } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    expect((await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab })).statusCode).toBe(200);
    advance(10_000);
    let beat = (await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })).json();
    expect(beat).toMatchObject({ active: true, creditedSeconds: 10 });
    // an immediate second beat (e.g. a replayed request) adds nothing
    beat = (await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })).json();
    expect(beat.creditedSeconds).toBe(10);
    // ten silent minutes count as one capped beat, not ten minutes
    advance(10 * 60_000);
    beat = (await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })).json();
    expect(beat.creditedSeconds).toBe(70);
    expect(await credited(id, ch.id)).toBe(70_000);
  });

  it('does not credit the time a page was hidden when it says it resumes', async () => {
    atShanghai();
    const { c } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab });
    advance(30_000);
    await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id });
    advance(20 * 60_000); // hidden for 20 minutes (the session outlives it: idle timeout 30 min)
    const resumed = (await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id, resume: true })).json();
    expect(resumed.creditedSeconds).toBe(30);
    advance(30_000);
    expect((await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })).json().creditedSeconds).toBe(60);
  });

  it('does not double-count two tabs: the newer page takes over, the older one credits nothing', async () => {
    atShanghai();
    const { c, id } = await professional();
    const [ch1, ch2] = await chaptersOf(t.db, await compulsoryId(t.db));
    const a = newTab();
    const b = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch1!.id}/open`, { tabId: a });
    advance(30_000);
    await c.post('/api/learning/heartbeat', { tabId: a, chapterId: ch1!.id });
    // a second tab (or device) on the same chapter
    await c.post(`/api/learning/years/${Y}/chapters/${ch1!.id}/open`, { tabId: b });
    for (let i = 0; i < 6; i++) {
      advance(15_000);
      const ra = (await c.post('/api/learning/heartbeat', { tabId: a, chapterId: ch1!.id })).json();
      expect(ra).toMatchObject({ active: false, reason: 'other_page' });
      await c.post('/api/learning/heartbeat', { tabId: b, chapterId: ch1!.id });
    }
    // 30 s in tab a + 90 s of wall clock in tab b — not 30 + 90 + 90
    expect(await credited(id, ch1!.id)).toBe(120_000);

    // a page on another chapter takes over too: one chapter at a time per person
    await c.post(`/api/learning/years/${Y}/chapters/${ch2!.id}/open`, { tabId: a });
    advance(30_000);
    expect((await c.post('/api/learning/heartbeat', { tabId: b, chapterId: ch1!.id })).json()).toMatchObject({
      active: false,
      reason: 'other_page',
    });
    expect((await c.post('/api/learning/heartbeat', { tabId: a, chapterId: ch2!.id })).json()).toMatchObject({
      active: true,
      creditedSeconds: 30,
    });
    expect(await credited(id, ch1!.id)).toBe(120_000);
  });

  it('holds under concurrent beats from one page: the wall clock is counted once', async () => {
    atShanghai();
    const { c, id } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab });
    advance(40_000);
    const all = await Promise.all(
      Array.from({ length: 8 }, () => c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })),
    );
    expect(all.every((r) => r.statusCode === 200)).toBe(true);
    expect(await credited(id, ch.id)).toBe(40_000);
  });

  it('never credits more than the chapter needs', async () => {
    atShanghai();
    const { c, id } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    const done = await studyChapter(c, Y, ch.id, tab);
    expect(done).toMatchObject({
      completed: true,
      creditedSeconds: ch.requiredSeconds,
      requiredSeconds: ch.requiredSeconds,
    });
    advance(60_000);
    expect((await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id })).json().creditedSeconds).toBe(
      ch.requiredSeconds,
    );
    expect(await credited(id, ch.id)).toBe(ch.requiredSeconds * 1000);
  });

  it('resumes after the page is closed and opened again (继续学习)', async () => {
    atShanghai();
    const { c } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab });
    for (let i = 0; i < 5; i++) {
      advance(30_000);
      await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: ch.id });
    }
    advance(25 * 60_000); // closed the page, came back later (within the session idle timeout)
    const again = (await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: newTab() })).json();
    expect(again).toMatchObject({ active: true, creditedSeconds: 150, completed: false });
    const course = (await c.get(`/api/learning/years/${Y}/courses/${ch.courseId}`)).json();
    expect(course.chapters[0]).toMatchObject({ started: true, creditedSeconds: 150, completed: false });
    expect(course).toMatchObject({ started: true, creditedSeconds: 150 });
  });

  it('the heartbeat statement credits exactly what domain/learning.ts heartbeatCredit says', async () => {
    atShanghai();
    const { c, id } = await professional();
    const ch = (await chaptersOf(t.db, await compulsoryId(t.db)))[2]!;
    const tab = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab });
    const rng = seededRng(2024);
    let credited = 0;
    for (let i = 0; i < 120; i++) {
      const elapsed = Math.floor(rng() * 100_000);
      const resume = rng() < 0.15;
      advance(elapsed);
      const row = await runBeat(t.db, {
        accountId: id,
        tabId: tab,
        chapterId: ch.id,
        at: now().toISOString(),
        positionMs: 0,
        resume,
      });
      credited += resume
        ? 0
        : heartbeatCredit({ elapsedMs: elapsed, remainingMs: ch.requiredSeconds * 1000 - credited });
      expect(Number(row!.credited_ms)).toBe(credited);
    }
    expect(credited).toBeLessThanOrEqual(ch.requiredSeconds * 1000);
  });

  it('commits a beat without waiting for the WAL flush, in its own transaction only', async () => {
    atShanghai();
    const { c, id } = await professional();
    const ch = await firstChapter();
    const tab = newTab();
    await c.post(`/api/learning/years/${Y}/chapters/${ch.id}/open`, { tabId: tab });
    advance(30_000);
    const setting = async (db: Pick<typeof t.db, 'execute'>) =>
      ((await db.execute(sql`SHOW synchronous_commit`)).rows[0] as { synchronous_commit: string }).synchronous_commit;
    const inside = await t.db.transaction(async (tx) => {
      const before = await setting(tx);
      const row = await runBeat(tx as unknown as typeof t.db, {
        accountId: id,
        tabId: tab,
        chapterId: ch.id,
        at: now().toISOString(),
        positionMs: 0,
        resume: false,
      });
      return { before, credited: Number(row!.credited_ms), after: await setting(tx) };
    });
    expect(inside).toEqual({ before: 'on', credited: 30_000, after: 'off' });
    // The setting ends with the beat's transaction: the next statement on the connection commits as configured.
    expect(await setting(t.db)).toBe('on');
  });

  it('asks a page whose presence is gone to open again', async () => {
    atShanghai();
    const { c } = await professional();
    const ch = await firstChapter();
    expect((await c.post('/api/learning/heartbeat', { tabId: newTab(), chapterId: ch.id })).json()).toMatchObject({
      active: false,
      reason: 'not_open',
    });
  });
});

describe('completing courses', () => {
  it('completes the compulsory course after every chapter, which opens its exam', async () => {
    atShanghai();
    const { c, id } = await professional();
    const cid = await compulsoryId(t.db);
    expect((await c.get(`/api/exams/years/${Y}`)).json()).toMatchObject({ courseCompleted: false, canStart: false });
    const last = await studyCourse(c, t.db, Y, cid);
    expect(last).toMatchObject({ completed: true, courseCompleted: true });
    const o = (await c.get(`/api/learning/years/${Y}`)).json();
    expect(o.compulsory).toMatchObject({ completed: true, completedChapters: BELT_AND_ROAD_COURSE.chapters.length });
    // learning alone gives no hours: the compulsory course counts after the exam
    expect(o.hours).toEqual({ compulsory: 0, elective: 0 });
    expect((await c.get(`/api/exams/years/${Y}`)).json()).toMatchObject({
      courseCompleted: true,
      canStart: true,
      attemptsLeft: 3,
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'learning.course_complete'), eq(auditLog.targetId, String(id))));
    expect(audits).toHaveLength(1);
  });

  it('credits 10 hours once all electives of the year are complete — and only then', async () => {
    atShanghai();
    const { c, id } = await professional();
    const electives = await Promise.all(ELECTIVE_COURSES.map((e) => courseId(t.db, e.code)));
    for (const [i, cid] of electives.entries()) {
      await studyCourse(c, t.db, Y, cid);
      const hours = (await c.get(`/api/learning/years/${Y}`)).json().hours;
      expect(hours.elective).toBe(i === electives.length - 1 ? 10 : 0);
    }
    const rows = await t.db.select().from(publicCredits).where(eq(publicCredits.accountId, id));
    expect(rows).toEqual([expect.objectContaining({ year: Y, kind: 'elective', hours: 10, source: 'electives' })]);
    expect((await c.get('/api/learning/hours')).json()).toEqual([{ year: Y, compulsory: 0, elective: 10 }]);
    const credits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'learning.credit'), eq(auditLog.targetId, String(id))));
    expect(credits).toHaveLength(1);
  });
});

describe('the deadline (Dec 31, Asia/Shanghai)', () => {
  it('stops crediting the year at midnight of Dec 31 in Shanghai, and refuses to open electives after it', async () => {
    setNow(`${Y}-12-31T23:59:00+08:00`);
    const { c } = await professional();
    const elective = (await chaptersOf(t.db, await courseId(t.db, ELECTIVE_COURSES[0]!.code)))[0]!;
    const tab = newTab();
    expect((await c.post(`/api/learning/years/${Y}/chapters/${elective.id}/open`, { tabId: tab })).statusCode).toBe(
      200,
    );
    advance(30_000);
    expect(
      (await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: elective.id })).json().creditedSeconds,
    ).toBe(30);
    setNow(`${Y + 1}-01-01T00:00:20+08:00`);
    const late = await c.post('/api/learning/heartbeat', { tabId: tab, chapterId: elective.id });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('截止');
    const reopen = await c.post(`/api/learning/years/${Y}/chapters/${elective.id}/open`, { tabId: newTab() });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().error).toMatchObject({ code: 'YEAR_CLOSED' });
    const o = (await c.get(`/api/learning/years/${Y}`)).json();
    expect(o.electives[0].window).toMatchObject({ open: false });
    // the compulsory course of the closed year moves to 历年培训 (prior-year makeup) instead
    expect(o.compulsory.window).toMatchObject({ open: true, kind: 'prior' });
  });
});

describe('相关资料', () => {
  it('downloads a material with its Chinese file name (RFC 5987)', async () => {
    atShanghai();
    const { c } = await professional();
    const list = (await c.get(`/api/learning/years/${Y}/materials`)).json();
    expect(list.length).toBeGreaterThanOrEqual(6);
    const m = list.find((x: { fileName: string }) => /[\u4e00-\u9fa5]/.test(x.fileName));
    const res = await c.get(m.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(m.fileName);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.rawPayload.length).toBe(Number(res.headers['content-length']));
  });
});

describe('authorization', () => {
  it('is for professionals: others get 403, strangers 401', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const ac = await loggedIn(t, admin.username, PASSWORD, 'unit');
    expect((await ac.get(`/api/learning/years/${Y}`)).statusCode).toBe(403);
    const ch = await firstChapter();
    expect((await ac.post('/api/learning/heartbeat', { tabId: newTab(), chapterId: ch.id })).statusCode).toBe(403);
    expect((await t.client().get(`/api/learning/years/${Y}`)).statusCode).toBe(401);
    const { c } = await professional();
    expect(
      (
        await c.post(`/api/learning/admin/courses/${ch.courseId}/chapters`, {
          title: '新章节',
          kind: 'text',
          requiredSeconds: 600,
          body: '正文',
        })
      ).statusCode,
    ).toBe(403);
  });
});
