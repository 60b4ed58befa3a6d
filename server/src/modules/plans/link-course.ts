import { asc, eq } from 'drizzle-orm';
import { planCourses, type ExamConfig } from '../../db/schema/index';
import { invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { setPlanCourses } from './manage-plans';
import { plansSnapshot } from './plan-cache';
import { planFor } from './plan-for';

/**
 * 发布课程 → 加入年度计划: the course joins its year's plan (draft or published) — a compulsory course
 * becomes the plan's 必修课 (replacing the one it had), an elective is added after the others. Goes through
 * 关联课程 (setPlanCourses): the same checks, version and audit entry as an edit on 年度计划管理.
 */
export async function addCourseToPlan(
  ctx: Caller,
  year: number,
  course: { id: number; kind: 'compulsory' | 'elective' },
  reason?: string,
): Promise<void> {
  if (!(await planFor(ctx.db, year, { drafts: true })))
    throw invalid('addToPlan', `${year}年度计划尚未建立，请先在“年度计划管理”中新建${year}年度计划`);
  const links = await ctx.db.select().from(planCourses).where(eq(planCourses.year, year)).orderBy(asc(planCourses.seq));
  const compulsory =
    course.kind === 'compulsory' ? course.id : (links.find((l) => l.kind === 'compulsory')?.courseId ?? null);
  const electives = links.filter((l) => l.kind === 'elective' && l.courseId !== course.id).map((l) => l.courseId);
  if (course.kind === 'elective') electives.push(course.id);
  await setPlanCourses(ctx, year, { compulsoryCourseId: compulsory, electiveCourseIds: electives, reason });
}

/**
 * The exam paper of a year: its plan's (a draft too), else the newest earlier plan's (which a new plan
 * copies); null when there is no plan at all.
 */
export async function examConfigFor(
  db: Caller['db'],
  year: number,
): Promise<{ year: number; config: ExamConfig } | null> {
  const plans = (await plansSnapshot(db)).plans.filter((p) => p.year <= year);
  const p = plans[plans.length - 1];
  return p ? { year: p.year, config: p.examConfig } : null;
}
