import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface CourseStats {
  chapterCount: number;
  completedChapters: number;
  requiredSeconds: number;
  creditedSeconds: number;
  started: boolean;
  completed: boolean;
}

const EMPTY: CourseStats = {
  chapterCount: 0,
  completedChapters: 0,
  requiredSeconds: 0,
  creditedSeconds: 0,
  started: false,
  completed: false,
};

/** Progress of one person on some courses of a plan year, each counted in its own round. */
export async function courseStats(
  db: Db,
  accountId: number,
  year: number,
  list: Array<{ courseId: number; roundNo: number }>,
): Promise<Map<number, CourseStats>> {
  const out = new Map<number, CourseStats>();
  if (!list.length) return out;
  const pairs = sql.join(
    list.map((c) => sql`(${c.courseId}::integer, ${c.roundNo}::integer)`),
    sql`, `,
  );
  const res = await db.execute<{
    course_id: number;
    chapters: number;
    required: number;
    credited_ms: number;
    done: number;
    started: number;
    completed: boolean;
  }>(sql`
    WITH want(course_id, round_no) AS (VALUES ${pairs})
    SELECT w.course_id,
           count(ch.id)::int AS chapters,
           COALESCE(sum(ch.required_seconds), 0)::int AS required,
           -- LEAST ignores NULLs: an unstarted chapter must count 0, not its required time
           COALESCE(sum(LEAST(COALESCE(cp.credited_ms, 0), ch.required_seconds * 1000)), 0)::bigint AS credited_ms,
           count(cp.completed_at)::int AS done,
           count(cp.chapter_id)::int AS started,
           EXISTS (SELECT 1 FROM course_completions cc WHERE cc.account_id = ${accountId} AND cc.plan_year = ${year}
                     AND cc.course_id = w.course_id AND cc.round_no = w.round_no) AS completed
      FROM want w
      JOIN course_chapters ch ON ch.course_id = w.course_id
      LEFT JOIN chapter_progress cp ON cp.chapter_id = ch.id AND cp.account_id = ${accountId}
           AND cp.plan_year = ${year} AND cp.round_no = w.round_no
     GROUP BY w.course_id, w.round_no`);
  for (const r of res.rows as Array<Record<string, unknown>>) {
    out.set(Number(r.course_id), {
      chapterCount: Number(r.chapters),
      completedChapters: Number(r.done),
      requiredSeconds: Number(r.required),
      creditedSeconds: Math.floor(Number(r.credited_ms) / 1000),
      started: Number(r.started) > 0,
      completed: Boolean(r.completed),
    });
  }
  for (const c of list) if (!out.has(c.courseId)) out.set(c.courseId, { ...EMPTY });
  return out;
}
