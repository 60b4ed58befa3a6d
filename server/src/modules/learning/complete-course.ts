import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { chapterProgress, courseChapters, courseCompletions, planCourses } from '../../db/schema/index';
import type { CourseKind } from '../../domain/learning';
import { type AuditContext, writeAudit } from '../audit/index';
import { loadPlan } from './plan-context';
import { creditPublicHours } from './public-hours';

/**
 * Completing every chapter completes the course (notice 附件1: 完成课程学习后才能进行该门课程考试);
 * completing every elective of the year credits the plan's elective hours (10 by default).
 * Idempotent: called again it changes nothing. Returns whether the course is complete.
 */
export async function completeCourseIfDone(
  tx: Db,
  audit: AuditContext,
  p: { accountId: number; year: number; courseId: number; roundNo: number; kind: CourseKind },
): Promise<boolean> {
  const [counts] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(${chapterProgress.completedAt})::int`,
    })
    .from(courseChapters)
    .leftJoin(
      chapterProgress,
      and(
        eq(chapterProgress.chapterId, courseChapters.id),
        eq(chapterProgress.accountId, p.accountId),
        eq(chapterProgress.planYear, p.year),
        eq(chapterProgress.roundNo, p.roundNo),
        isNotNull(chapterProgress.completedAt),
      ),
    )
    .where(eq(courseChapters.courseId, p.courseId));
  if (!counts || counts.total === 0 || counts.done < counts.total) return false;

  const inserted = await tx
    .insert(courseCompletions)
    .values({ accountId: p.accountId, planYear: p.year, courseId: p.courseId, roundNo: p.roundNo, completedAt: now() })
    .onConflictDoNothing()
    .returning({ courseId: courseCompletions.courseId });
  if (!inserted.length) return true;
  await writeAudit(tx, audit, {
    action: 'learning.course_complete',
    targetType: 'account',
    targetId: p.accountId,
    detail: { year: p.year, courseId: p.courseId, round: p.roundNo, kind: p.kind },
  });

  if (p.kind === 'elective') {
    const [missing] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(planCourses)
      .where(
        and(
          eq(planCourses.year, p.year),
          eq(planCourses.kind, 'elective'),
          sql`EXISTS (SELECT 1 FROM courses c WHERE c.id = plan_courses.course_id AND c.status = 'published')`,
          sql`NOT EXISTS (SELECT 1 FROM course_completions cc WHERE cc.account_id = ${p.accountId} AND cc.plan_year = ${p.year}
                AND cc.course_id = plan_courses.course_id AND cc.round_no = 1)`,
        ),
      );
    if ((missing?.n ?? 0) === 0) {
      const plan = await loadPlan(tx, p.year);
      await creditPublicHours(tx, audit, {
        accountId: p.accountId,
        year: p.year,
        kind: 'elective',
        hours: plan.electiveHours,
        source: 'electives',
      });
    }
  }
  return true;
}
