import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { allow } from '../../src/auth/policy';
import { kindsPermitted } from '../../src/auth/session-in-statement';
import { now, resetClock } from '../../src/clock';
import { accounts, auditLog, chapterProgress, sessions } from '../../src/db/schema/index';
import { learningPolicy } from '../../src/modules/learning/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../helpers';
import { atShanghai, chaptersOf, compulsoryId, newTab, studyChapter, Y } from '../kits/learning';

/**
 * The heartbeat checks its session in its own statement (auth/session-in-statement.ts). A good session costs no
 * session load of its own; every other session is refused exactly as the next study route (打开章节) refuses it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => {
  resetClock();
  vi.restoreAllMocks();
});

async function learner(): Promise<{ c: TestClient; id: number; chapterId: number; tab: string }> {
  atShanghai();
  const unit = await buildUnit(t.db);
  const p = await buildProfessional(t.db, { unitId: unit.id });
  const c = await loggedIn(t, p.username, PASSWORD);
  const chapterId = (await chaptersOf(t.db, await compulsoryId(t.db)))[0]!.id;
  const tab = newTab();
  expect((await c.post(`/api/learning/years/${Y}/chapters/${chapterId}/open`, { tabId: tab })).statusCode).toBe(200);
  return { c, id: p.id, chapterId, tab };
}

const sessionOf = async (accountId: number) =>
  (await t.db.select().from(sessions).where(eq(sessions.accountId, accountId)))[0];
const creditedMs = async (accountId: number) =>
  (await t.db.select().from(chapterProgress).where(eq(chapterProgress.accountId, accountId))).reduce(
    (s, r) => s + r.creditedMs,
    0,
  );
const minutesAgo = (m: number) => new Date(now().getTime() - m * 60_000);

describe('a good session: one statement', () => {
  it('credits the beat without a session load of its own', async () => {
    const { c, id, chapterId, tab } = await learner();
    const load = vi.spyOn(t.app.deps.sessions, 'load');
    await t.db.execute(
      sql`UPDATE learning_presence SET last_beat_at = last_beat_at - interval '30 seconds' WHERE account_id = ${id}`,
    );
    const res = await c.post('/api/learning/heartbeat', { tabId: tab, chapterId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: true, reason: null, creditedSeconds: 30 });
    expect(load.mock.calls.length).toBe(0);
    expect(await creditedMs(id)).toBe(30_000);
  });

  it('touches a session last seen over a minute ago, and not one seen within the minute', async () => {
    const { c, id, chapterId, tab } = await learner();
    await t.db
      .update(sessions)
      .set({ lastSeenAt: minutesAgo(5) })
      .where(eq(sessions.accountId, id));
    expect((await c.post('/api/learning/heartbeat', { tabId: tab, chapterId })).statusCode).toBe(200);
    expect((await sessionOf(id))!.lastSeenAt.getTime()).toBe(now().getTime());

    const recent = new Date(now().getTime() - 30_000);
    await t.db.update(sessions).set({ lastSeenAt: recent }).where(eq(sessions.accountId, id));
    expect((await c.post('/api/learning/heartbeat', { tabId: tab, chapterId })).statusCode).toBe(200);
    expect((await sessionOf(id))!.lastSeenAt.getTime()).toBe(recent.getTime());
  });

  it('answers why a beat credited nothing (another page holds the chapter), still without a session load', async () => {
    const { c, chapterId } = await learner();
    const load = vi.spyOn(t.app.deps.sessions, 'load');
    const res = await c.post('/api/learning/heartbeat', { tabId: newTab(), chapterId });
    expect(res.json()).toMatchObject({ active: false, reason: 'other_page', creditedSeconds: 0 });
    expect(load.mock.calls.length).toBe(0);
  });

  it('completing the course on this path audits the completion in the learner’s name', async () => {
    const { c, id } = await learner();
    const chapters = await chaptersOf(t.db, await compulsoryId(t.db));
    const at = now().toISOString();
    for (const ch of chapters.slice(0, -1)) {
      await t.db
        .execute(sql`INSERT INTO chapter_progress (account_id, plan_year, chapter_id, round_no, credited_ms, started_at, updated_at, completed_at)
        VALUES (${id}, ${Y}, ${ch.id}, 1, ${ch.requiredSeconds * 1000}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz)
        ON CONFLICT (account_id, plan_year, chapter_id, round_no) DO UPDATE SET credited_ms = EXCLUDED.credited_ms, completed_at = EXCLUDED.completed_at`);
    }
    const load = vi.spyOn(t.app.deps.sessions, 'load');
    const last = await studyChapter(c, Y, chapters.at(-1)!.id);
    expect(last).toMatchObject({ completed: true, courseCompleted: true });
    expect(load.mock.calls.length).toBe(1); // 打开章节's; the beats load none
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'learning.course_complete'), eq(auditLog.targetId, String(id))));
    expect(audits.map((a) => [a.actorAccountId, a.actorKind])).toEqual([[id, 'professional']]);
  });
});

describe('any other session: refused as every study route refuses it', () => {
  type Case = { name: string; spoil: (l: Awaited<ReturnType<typeof learner>>) => Promise<void>; code: string };
  const setAccount = (id: number, values: Partial<typeof accounts.$inferInsert>) =>
    t.db
      .update(accounts)
      .set(values)
      .where(eq(accounts.id, id))
      .then(() => undefined);
  const cases: Case[] = [
    { name: 'no CSRF header', code: 'CSRF', spoil: async (l) => void (l.c.csrf = null) },
    { name: 'a wrong CSRF token', code: 'CSRF', spoil: async (l) => void (l.c.csrf = 'x'.repeat(32)) },
    {
      name: 'a session idle past the timeout',
      code: 'UNAUTHENTICATED',
      spoil: (l) =>
        t.db
          .update(sessions)
          .set({ lastSeenAt: minutesAgo(31) })
          .where(eq(sessions.accountId, l.id))
          .then(() => undefined),
    },
    {
      name: 'an account shut out (允许登录系统 unticked)',
      code: 'UNAUTHENTICATED',
      spoil: (l) => setAccount(l.id, { loginEnabled: false }),
    },
    {
      name: 'a pending password change',
      code: 'PASSWORD_CHANGE_REQUIRED',
      spoil: (l) => setAccount(l.id, { mustChangePassword: true }),
    },
    {
      name: 'no phone number given',
      code: 'PROFILE_INCOMPLETE',
      spoil: (l) => setAccount(l.id, { phone: null, phoneHmac: null }),
    },
    {
      name: 'a logged-out session',
      code: 'UNAUTHENTICATED',
      spoil: async (l) => void expect((await l.c.post('/api/auth/logout')).statusCode).toBeLessThan(300),
    },
  ];

  for (const k of cases) {
    it(`${k.name}: ${k.code}, nothing credited`, async () => {
      const l = await learner();
      const cookie = l.c.cookie;
      await k.spoil(l);
      l.c.cookie ??= cookie; // a logged-out client still sends its old cookie
      const before = await creditedMs(l.id);
      const beat = await l.c.post('/api/learning/heartbeat', { tabId: l.tab, chapterId: l.chapterId });
      const open = await l.c.post(`/api/learning/years/${Y}/chapters/${l.chapterId}/open`, { tabId: l.tab });
      expect(beat.json().error?.code).toBe(k.code);
      expect([beat.statusCode, beat.json().error.code]).toEqual([open.statusCode, open.json().error?.code]);
      expect(await creditedMs(l.id)).toBe(before);
    });
  }

  it('another role (a unit admin) is refused as at 打开章节', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const beat = await c.post('/api/learning/heartbeat', { tabId: newTab(), chapterId: 1 });
    const open = await c.post(`/api/learning/years/${Y}/chapters/1/open`, { tabId: newTab() });
    expect([beat.statusCode, beat.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect([open.statusCode, open.json().error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a bad body: 401 to a stale session before any word on the input, 400 naming the field to a good one', async () => {
    const l = await learner();
    const good = await l.c.post('/api/learning/heartbeat', { chapterId: l.chapterId });
    expect(good.statusCode).toBe(400);
    expect(good.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(good.json().error.details.map((d: { field: string }) => d.field)).toContain('tabId');

    await t.db.delete(sessions).where(eq(sessions.accountId, l.id));
    const stale = await l.c.post('/api/learning/heartbeat', { chapterId: l.chapterId });
    expect([stale.statusCode, stale.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('no cookie at all: 401', async () => {
    const res = await t.client().post('/api/learning/heartbeat', { tabId: newTab(), chapterId: 1 });
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('which accounts a policy lets the statement accept', () => {
  it('学习 (professionals only): the professional account', () => {
    expect(kindsPermitted(learningPolicy.study)).toEqual(['professional']);
  });

  it('a unit admin is one only with its department’s role in the policy too; a condition or a signature: none', () => {
    expect(kindsPermitted(allow('x', ['unit_admin']))).toEqual([]);
    expect(kindsPermitted(allow('x', ['unit_admin', 'dept_admin']))).toEqual(['unit_admin']);
    expect(kindsPermitted(allow('x', ['professional'], { when: () => true }))).toEqual([]);
    expect(kindsPermitted(allow('x', ['integration'], { signed: true }))).toEqual([]);
    expect(kindsPermitted(allow('x', 'any')).length).toBeGreaterThan(5);
  });
});
