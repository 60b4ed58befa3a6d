import type { ChapterSummary, CourseDetail } from '@ptce/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { chapterProgress, courseChapters } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { courseInYear } from './chapter-access';
import { materialsOf } from './list-materials';
import { loadPlan, progressRound, windowFor, windowView } from './plan-context';
import { courseStats } from './progress';

export async function chapterSummaries(
  db: Db,
  accountId: number,
  year: number,
  courseId: number,
  roundNo: number,
): Promise<ChapterSummary[]> {
  const rows = await db
    .select({ ch: courseChapters, p: chapterProgress })
    .from(courseChapters)
    .leftJoin(
      chapterProgress,
      and(
        eq(chapterProgress.chapterId, courseChapters.id),
        eq(chapterProgress.accountId, accountId),
        eq(chapterProgress.planYear, year),
        eq(chapterProgress.roundNo, roundNo),
      ),
    )
    .where(eq(courseChapters.courseId, courseId))
    .orderBy(asc(courseChapters.seq));
  return rows.map(({ ch, p }) => ({
    id: ch.id,
    seq: ch.seq,
    title: ch.title,
    kind: ch.kind,
    requiredSeconds: ch.requiredSeconds,
    creditedSeconds: Math.floor(Math.min(p?.creditedMs ?? 0, ch.requiredSeconds * 1000) / 1000),
    started: Boolean(p),
    completed: Boolean(p?.completedAt),
  }));
}

/** 学习课程 → a course: its chapters with progress (进入学习 / 继续学习) and its materials. */
export async function getCourse(ctx: Caller, year: number, courseId: number): Promise<CourseDetail> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const { course, planKind } = await courseInYear(tx, year, courseId);
    const plan = await loadPlan(tx, year);
    const w = await windowFor(tx, accountId, plan, planKind, at);
    const { roundNo } = await progressRound(tx, accountId, year, planKind, w, at);
    const stats = (await courseStats(tx, accountId, year, [{ courseId, roundNo }])).get(courseId)!;
    return {
      id: course.id,
      code: course.code,
      title: course.title,
      kind: planKind,
      area: course.area,
      summary: course.summary,
      lecturer: course.lecturer,
      ...stats,
      window: windowView(w),
      year,
      roundNo,
      chapters: await chapterSummaries(tx, accountId, year, courseId, roundNo),
      materials: await materialsOf(tx, [courseId]),
    };
  });
}
