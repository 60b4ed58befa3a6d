import type { MaterialView } from '@ptce/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courseMaterials, courses, planCourses } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { loadPlan } from './plan-context';

export async function materialsOf(db: Db, courseIds: number[]): Promise<MaterialView[]> {
  if (!courseIds.length) return [];
  const rows = await db
    .select({ m: courseMaterials, courseTitle: courses.title })
    .from(courseMaterials)
    .innerJoin(courses, eq(courses.id, courseMaterials.courseId))
    .where(inArray(courseMaterials.courseId, courseIds))
    .orderBy(asc(courseMaterials.courseId), asc(courseMaterials.seq));
  return rows.map(({ m, courseTitle }) => ({
    id: m.id,
    courseId: m.courseId,
    courseTitle,
    title: m.title,
    fileName: m.fileName,
    size: m.fileSize ?? Buffer.byteLength(m.content ?? '', 'utf8'),
    url: `/api/learning/materials/${m.id}/download`,
  }));
}

/** 相关资料: the materials of every published course of the year's plan. */
export async function listMaterials(ctx: Caller, year: number): Promise<MaterialView[]> {
  await loadPlan(ctx.db, year);
  const links = await ctx.db
    .select({ courseId: planCourses.courseId })
    .from(planCourses)
    .innerJoin(courses, eq(courses.id, planCourses.courseId))
    .where(and(eq(planCourses.year, year), eq(courses.status, 'published')))
    .orderBy(asc(planCourses.seq));
  return materialsOf(
    ctx.db,
    links.map((l) => l.courseId),
  );
}
