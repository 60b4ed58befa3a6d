import { QUESTION_TYPE_LABEL, type PublishCourseRequest } from '@ptce/contracts';
import { defaultPlan } from '@ptce/rules';
import { asc, eq, sql } from 'drizzle-orm';
import { formatShanghai, now, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { courseChapters, courses } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { addCourseToPlan, examConfigFor } from '../plans/index';
import { bankCountsOf } from './admin-courses';

const TYPES = ['single', 'multiple', 'judge'] as const;

/**
 * Why a course cannot be published, or null: it needs chapters, each PDF or video chapter its file, and a
 * compulsory course a question bank with at least the exam paper's count of enabled questions of each type
 * (the paper of its year's plan — or of the plan a new year's plan is copied from, or the notice's paper).
 */
async function publishRefusal(db: Db, course: typeof courses.$inferSelect): Promise<AppError | null> {
  const chapters = await db
    .select({ seq: courseChapters.seq, kind: courseChapters.kind, fileKey: courseChapters.fileKey })
    .from(courseChapters)
    .where(eq(courseChapters.courseId, course.id))
    .orderBy(asc(courseChapters.seq));
  if (!chapters.length) return invalid('chapters', '课程还没有章节，请先新增章节');
  const missing = chapters.filter((c) => c.kind !== 'text' && !c.fileKey).map((c) => `第${c.seq}章`);
  if (missing.length) return invalid('chapters', `${missing.join('、')}尚未上传文件`);
  if (course.kind !== 'compulsory') return null;
  const year = course.year ?? shanghaiYear();
  const paper = (await examConfigFor(db, year))?.config ?? defaultPlan(year).examConfig;
  const have = (await bankCountsOf(db, course.id)).get(course.id) ?? { single: 0, multiple: 0, judge: 0 };
  const short = TYPES.filter((t) => have[t] < paper[t].count);
  if (!short.length) return null;
  const need = TYPES.filter((t) => paper[t].count > 0)
    .map((t) => `${QUESTION_TYPE_LABEL[t]}${paper[t].count}道`)
    .join('、');
  const lacking = short.map((t) => `${QUESTION_TYPE_LABEL[t]}现有${have[t]}道`).join('、');
  return invalid('questions', `题库题量不足，不能发布：${year}年度考试试卷需${need}（启用的试题），${lacking}`);
}

/**
 * 发布: learners of the plan years that use the course see it from now on. Optionally the course joins its
 * year's plan in the same transaction (a compulsory course becomes the plan's 必修课).
 */
export async function publishCourse(ctx: Caller, courseId: number, input: PublishCourseRequest): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
    if (!course) throw notFound('课程');
    if (course.status === 'published') throw new AppError('STATE_CHANGED', '课程已经发布');
    const refusal = await publishRefusal(tx, course);
    if (refusal) throw refusal;
    const at = now();
    await tx
      .update(courses)
      .set({ status: 'published', publishedAt: at, updatedAt: at })
      .where(eq(courses.id, courseId));
    await writeAudit(tx, ctx, {
      action: 'learning.course_publish',
      targetType: 'course',
      targetId: courseId,
      detail: { year: course.year, kind: course.kind, publishedAt: formatShanghai(at), addToPlan: input.addToPlan },
    });
    if (input.addToPlan) {
      if (course.year === null) throw invalid('addToPlan', '课程没有年度，请在年度计划管理中关联');
      await addCourseToPlan({ ...ctx, db: tx }, course.year, { id: course.id, kind: course.kind }, input.reason);
    }
  });
}

/**
 * 取消发布: the course disappears for learners. Refused once anyone has studied it or taken its exam — their
 * progress and attempts belong to what they saw.
 */
export async function unpublishCourse(ctx: Caller, courseId: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
    if (!course) throw notFound('课程');
    if (course.status !== 'published') throw new AppError('STATE_CHANGED', '课程尚未发布');
    const { rows } = await tx.execute(sql`SELECT
      EXISTS (SELECT 1 FROM chapter_progress p JOIN course_chapters ch ON ch.id = p.chapter_id WHERE ch.course_id = ${courseId})
      OR EXISTS (SELECT 1 FROM exam_attempts a WHERE a.course_id = ${courseId}) AS used`);
    const used = (rows as Array<{ used: unknown }>)[0]?.used;
    if (used === true || used === 't') throw new AppError('CONFLICT', '已有学员学习本课程或参加其考试，不能取消发布');
    await tx.update(courses).set({ status: 'draft', updatedAt: now() }).where(eq(courses.id, courseId));
    await writeAudit(tx, ctx, {
      action: 'learning.course_unpublish',
      targetType: 'course',
      targetId: courseId,
      detail: { year: course.year, kind: course.kind },
    });
  });
}
