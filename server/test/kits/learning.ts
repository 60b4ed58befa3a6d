/**
 * Helpers for the learning and exams tests (imported only by *.test.ts files): the years to test
 * with, fast ways to study, and answers with a chosen score.
 */
import { and, eq, sql } from 'drizzle-orm';
import { advance, now, setNow, shanghaiYear } from '../../src/clock';
import type { Db } from '../../src/db/client';
import { courseChapters, courses, examAttempts, planCourses } from '../../src/db/schema/index';
import type { ServedQuestion } from '../../src/domain/learning';
import { BELT_AND_ROAD_COURSE, PRIOR_YEAR_COURSE } from '../../src/db/seed/content/index';
import type { TestClient } from '../helpers';

/** The real current year: the seed linked the courses to it and to the previous year when the run began. */
export const Y = shanghaiYear();
export const PREV = Y - 1;

/** Pins the server clock to a Shanghai wall-clock time of the current year (default: mid-year). */
export function atShanghai(local = `${Y}-06-01T09:00:00`) {
  setNow(`${local}+08:00`);
}

export async function courseId(db: Db, code: string): Promise<number> {
  const [c] = await db.select({ id: courses.id }).from(courses).where(eq(courses.code, code));
  return c!.id;
}

export const compulsoryId = (db: Db) => courseId(db, BELT_AND_ROAD_COURSE.code);
export const priorCompulsoryId = (db: Db) => courseId(db, PRIOR_YEAR_COURSE.code);

export async function chaptersOf(db: Db, cId: number) {
  return db.select().from(courseChapters).where(eq(courseChapters.courseId, cId)).orderBy(courseChapters.seq);
}

let tabSeq = 0;
export const newTab = () => `tab-${process.pid}-${++tabSeq}-abcdef`;

/** Studies one chapter through the API: open, then one beat per simulated minute until complete. */
export async function studyChapter(c: TestClient, year: number, chapterId: number, tab = newTab()) {
  const open = await c.post(`/api/learning/years/${year}/chapters/${chapterId}/open`, { tabId: tab });
  if (open.statusCode !== 200) throw new Error(`open ${chapterId}: ${open.statusCode} ${open.body}`);
  let last = open.json();
  for (let i = 0; i < 500 && !last.completed; i++) {
    advance(60_000);
    const res = await c.post('/api/learning/heartbeat', { tabId: tab, chapterId });
    if (res.statusCode !== 200) throw new Error(`beat ${chapterId}: ${res.statusCode} ${res.body}`);
    last = res.json();
    if (!last.active) throw new Error(`beat ${chapterId} inactive: ${res.body}`);
  }
  return last as { creditedSeconds: number; requiredSeconds: number; completed: boolean; courseCompleted: boolean };
}

/** Studies a whole course through the API. */
export async function studyCourse(c: TestClient, db: Db, year: number, cId: number) {
  let last;
  for (const ch of await chaptersOf(db, cId)) last = await studyChapter(c, year, ch.id);
  return last!;
}

/** Marks a course complete straight in the database (for exam tests that do not test learning). */
export async function completeCourseInDb(db: Db, accountId: number, year: number, cId: number, roundNo = 1) {
  const at = now();
  for (const ch of await chaptersOf(db, cId)) {
    await db.execute(sql`INSERT INTO chapter_progress (account_id, plan_year, chapter_id, round_no, credited_ms, started_at, updated_at, completed_at)
      VALUES (${accountId}, ${year}, ${ch.id}, ${roundNo}, ${ch.requiredSeconds * 1000}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)
      ON CONFLICT DO NOTHING`);
  }
  await db.execute(
    sql`INSERT INTO exam_rounds (account_id, plan_year, round_no, kind, opened_at) VALUES (${accountId}, ${year}, ${roundNo}, 'regular', ${at.toISOString()}::timestamptz) ON CONFLICT DO NOTHING`,
  );
  await db.execute(
    sql`INSERT INTO course_completions (account_id, plan_year, course_id, round_no, completed_at) VALUES (${accountId}, ${year}, ${cId}, ${roundNo}, ${at.toISOString()}::timestamptz) ON CONFLICT DO NOTHING`,
  );
}

export async function paperOf(db: Db, attemptId: number): Promise<ServedQuestion[]> {
  const [a] = await db.select({ paper: examAttempts.paper }).from(examAttempts).where(eq(examAttempts.id, attemptId));
  return a!.paper;
}

/** Answers with the first n questions of each type right and every other question wrong. */
export function answersWith(paper: ServedQuestion[], right: Partial<Record<ServedQuestion['type'], number>>) {
  const seen = { single: 0, multiple: 0, judge: 0 };
  const out: Record<string, number[]> = {};
  paper.forEach((q, i) => {
    const ok = seen[q.type]++ < (right[q.type] ?? 0);
    out[String(i + 1)] = ok
      ? q.answer
      : q.type === 'multiple'
        ? [q.answer[0]!]
        : [q.options.findIndex((_, k) => !q.answer.includes(k))];
  });
  return out;
}

export const allRight = (paper: ServedQuestion[]) => answersWith(paper, { single: 999, multiple: 999, judge: 999 });

/** Links a course to a plan year (for tests that add their own courses). */
export async function linkCourse(db: Db, year: number, cId: number, kind: 'compulsory' | 'elective') {
  await db.insert(planCourses).values({ year, courseId: cId, kind, seq: 99 }).onConflictDoNothing();
}

export async function attemptCount(db: Db, accountId: number, year: number) {
  const rows = await db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.accountId, accountId), eq(examAttempts.planYear, year)));
  return rows.length;
}
