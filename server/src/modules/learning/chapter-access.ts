import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courseChapters, courses, planCourses } from '../../db/schema/index';
import { notFound } from '../../errors';

/** A chapter of a published course that the plan of `year` uses; anything else is 404. */
export async function chapterInYear(db: Db, year: number, chapterId: number) {
  const [row] = await db
    .select({ chapter: courseChapters, course: courses, planKind: planCourses.kind })
    .from(courseChapters)
    .innerJoin(courses, eq(courses.id, courseChapters.courseId))
    .innerJoin(planCourses, and(eq(planCourses.courseId, courses.id), eq(planCourses.year, year)))
    .where(and(eq(courseChapters.id, chapterId), eq(courses.status, 'published')));
  if (!row) throw notFound('章节');
  return row;
}

/** A published course that the plan of `year` uses. */
export async function courseInYear(db: Db, year: number, courseId: number) {
  const [row] = await db
    .select({ course: courses, planKind: planCourses.kind })
    .from(courses)
    .innerJoin(planCourses, and(eq(planCourses.courseId, courses.id), eq(planCourses.year, year)))
    .where(and(eq(courses.id, courseId), eq(courses.status, 'published')));
  if (!row) throw notFound('课程');
  return row;
}
