import { eq, inArray, sql } from 'drizzle-orm';
import { now, shanghaiYear } from '../../clock';
import type { Db } from '../client';
import { annualPlans, courseChapters, courseMaterials, courses, planCourses, questions } from '../schema/index';
import {
  ALL_COURSES,
  BELT_AND_ROAD_COURSE,
  ELECTIVE_COURSES,
  PRIOR_YEAR_COURSE,
  type SeedCourse,
} from './content/index';

/**
 * The public-subject courses shipped with the system (content/), their question banks and
 * materials, and which plan years use them:
 * - 2024 and the current year: 《高质量共建“一带一路”谱写人类命运共同体新篇章》 + the five electives;
 * - 2023 and the previous year: the 2023 compulsory course, so 历年培训 (prior-year makeup) can be shown;
 *   the previous year also has the five electives (the demo's people hold last year's elective hours).
 * No course text names a plan year, so a course reads right in every year that uses it.
 * Idempotent: existing rows are kept (an operator may have edited them); missing ones are added.
 * Material bodies are short texts and are kept in the database, so every database — including
 * the tests' templates, which have no file store — has them.
 */
export async function ensureLearningData(db: Db): Promise<void> {
  const at = now();
  const currentYear = shanghaiYear(at);
  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const c of ALL_COURSES) ids.set(c.code, await ensureCourse(tx, c, at));

    // Only years with no course linked yet (the seed's own plans): an operator's choice is kept.
    const linked = new Set((await tx.selectDistinct({ year: planCourses.year }).from(planCourses)).map((r) => r.year));
    const years = (await tx.select({ year: annualPlans.year }).from(annualPlans))
      .map((r) => r.year)
      .filter((y) => !linked.has(y));
    const links: Array<typeof planCourses.$inferInsert> = [];
    for (const year of years) {
      const set =
        year === 2024 || year === currentYear
          ? [BELT_AND_ROAD_COURSE, ...ELECTIVE_COURSES]
          : year === currentYear - 1
            ? [PRIOR_YEAR_COURSE, ...ELECTIVE_COURSES]
            : year === 2023
              ? [PRIOR_YEAR_COURSE]
              : [];
      set.forEach((c, i) => links.push({ year, courseId: ids.get(c.code)!, kind: c.kind, seq: i }));
    }
    // A year whose compulsory course an operator already chose keeps it (the partial unique index).
    if (links.length) await tx.insert(planCourses).values(links).onConflictDoNothing();
    // The shipped courses are published; their year is the first plan year that uses them.
    await tx.execute(sql`UPDATE courses SET year = (SELECT min(pc.year) FROM plan_courses pc WHERE pc.course_id = courses.id),
      published_at = COALESCE(published_at, created_at) WHERE year IS NULL AND status = 'published'`);
  });
}

async function ensureCourse(tx: Db, c: SeedCourse, at: Date): Promise<number> {
  await tx
    .insert(courses)
    .values({
      code: c.code,
      title: c.title,
      kind: c.kind,
      area: c.area,
      summary: c.summary,
      lecturer: c.lecturer,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing({ target: courses.code });
  const [row] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.code, c.code));
  const courseId = row!.id;

  await tx
    .insert(courseChapters)
    .values(
      c.chapters.map((ch, i) => ({
        courseId,
        seq: i + 1,
        title: ch.title,
        kind: ch.kind,
        requiredSeconds: ch.minutes * 60,
        body: ch.body,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .onConflictDoNothing();
  if (c.materials.length) {
    await tx
      .insert(courseMaterials)
      .values(
        c.materials.map((m, i) => ({
          courseId,
          seq: i + 1,
          title: m.title,
          fileName: m.fileName,
          mimeType: 'text/plain; charset=utf-8',
          content: m.body,
          createdAt: at,
        })),
      )
      .onConflictDoNothing();
  }
  if (c.questions.length) {
    await tx
      .insert(questions)
      .values(
        c.questions.map((q) => ({
          courseId,
          type: q.type,
          stem: q.stem,
          options: q.options,
          answer: q.answer,
          explanation: q.explanation,
          enabled: true,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflictDoNothing();
  }
  return courseId;
}

/** The seeded course codes, for tests and tools. */
export async function seededCourseIds(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: courses.id, code: courses.code })
    .from(courses)
    .where(
      inArray(
        courses.code,
        ALL_COURSES.map((c) => c.code),
      ),
    );
  return new Map(rows.map((r) => [r.code, r.id]));
}
