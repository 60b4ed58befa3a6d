import type { CourseCreated, CreateCourseRequest, UpdateCourseRequest } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { courses } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { nextCourseCode } from './course-code';

/**
 * 新增课程: a draft course of a plan year (必修课 with its exam, or 选修课). Learners see nothing of it
 * until it is published; its chapters, materials and question bank are added while it is a draft.
 */
export async function createCourse(ctx: Caller, input: CreateCourseRequest): Promise<CourseCreated> {
  return ctx.db.transaction(async (tx) => {
    const code = await nextCourseCode(tx, input.year, input.kind);
    const at = now();
    const [row] = await tx
      .insert(courses)
      .values({
        code,
        title: input.title,
        kind: input.kind,
        area: input.kind === 'elective' ? input.area || null : null,
        summary: input.summary,
        lecturer: input.lecturer,
        year: input.year,
        status: 'draft',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: courses.id, code: courses.code });
    await writeAudit(tx, ctx, {
      action: 'learning.course_create',
      targetType: 'course',
      targetId: row!.id,
      detail: { code, year: input.year, kind: input.kind, title: input.title },
    });
    return row!;
  });
}

/** 修改课程信息: name, summary, lecturer, area (a published course too: learners see the new texts). */
export async function updateCourse(ctx: Caller, courseId: number, patch: UpdateCourseRequest): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
    if (!old) throw notFound('课程');
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length) return;
    await tx
      .update(courses)
      .set({ ...set, updatedAt: now() })
      .where(eq(courses.id, courseId));
    await writeAudit(tx, ctx, {
      action: 'learning.course_update',
      targetType: 'course',
      targetId: courseId,
      detail: { fields: Object.keys(set) },
    });
  });
}
