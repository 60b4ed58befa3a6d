import type { AdminChapterRow, AdminCourseChapters, AdminCourseRow, CoursePlanUse } from '@ptce/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courseChapters, courses, planCourses } from '../../db/schema/index';
import { notFound } from '../../errors';
import { CHAPTER_FILE_TYPES } from './manage-chapters';

// 课程管理 — the training centre's (operator's) view of every public-subject course, whether or not
// a plan year uses it, and of a course's chapters as maintained (no learner's progress here).

type CourseRow = typeof courses.$inferSelect;
interface ChapterTotals {
  chapterCount: number;
  requiredSeconds: number;
  chaptersWithoutFile: number;
}

async function planUsesOf(db: Db, courseId?: number): Promise<Map<number, Array<CoursePlanUse & { seq: number }>>> {
  const rows = await db
    .select({ courseId: planCourses.courseId, year: planCourses.year, kind: planCourses.kind, seq: planCourses.seq })
    .from(planCourses)
    .where(courseId === undefined ? undefined : eq(planCourses.courseId, courseId))
    .orderBy(sql`${planCourses.year} DESC`);
  const out = new Map<number, Array<CoursePlanUse & { seq: number }>>();
  for (const r of rows)
    out.set(r.courseId, [...(out.get(r.courseId) ?? []), { year: r.year, kind: r.kind, seq: r.seq }]);
  return out;
}

async function chapterTotalsOf(db: Db): Promise<Map<number, ChapterTotals>> {
  const rows = await db
    .select({
      courseId: courseChapters.courseId,
      chapterCount: sql<number>`count(*)::int`,
      requiredSeconds: sql<number>`COALESCE(sum(${courseChapters.requiredSeconds}), 0)::int`,
      chaptersWithoutFile: sql<number>`(count(*) FILTER (WHERE ${courseChapters.kind} <> 'text' AND ${courseChapters.fileKey} IS NULL))::int`,
    })
    .from(courseChapters)
    .groupBy(courseChapters.courseId);
  return new Map(
    rows.map((r) => [
      r.courseId,
      {
        chapterCount: Number(r.chapterCount),
        requiredSeconds: Number(r.requiredSeconds),
        chaptersWithoutFile: Number(r.chaptersWithoutFile),
      },
    ]),
  );
}

function courseRow(c: CourseRow, plans: CoursePlanUse[], totals: ChapterTotals | undefined): AdminCourseRow {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    kind: c.kind,
    area: c.area,
    lecturer: c.lecturer,
    plans: plans.map(({ year, kind }) => ({ year, kind })),
    chapterCount: totals?.chapterCount ?? 0,
    requiredSeconds: totals?.requiredSeconds ?? 0,
    chaptersWithoutFile: totals?.chaptersWithoutFile ?? 0,
  };
}

/** Every course: the newest plan year's first (compulsory, then electives in plan order); courses no plan uses last. */
export async function listAdminCourses(db: Db): Promise<AdminCourseRow[]> {
  const list = await db.select().from(courses).orderBy(asc(courses.code));
  const uses = await planUsesOf(db);
  const totals = await chapterTotalsOf(db);
  const rank = (id: number) => {
    const latest = uses.get(id)?.[0];
    return latest ? [-latest.year, latest.kind === 'compulsory' ? 0 : 1, latest.seq] : [Infinity, 0, 0];
  };
  const sorted = [...list].sort((a, b) => {
    const ra = rank(a.id);
    const rb = rank(b.id);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? -1 : 1;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  return sorted.map((c) => courseRow(c, uses.get(c.id) ?? [], totals.get(c.id)));
}

/** One course with its chapters in study order; 404 for a course that does not exist. */
export async function listAdminChapters(
  db: Db,
  courseId: number,
  maxUploadBytes: number,
): Promise<AdminCourseChapters> {
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound('课程');
  const rows = await db
    .select({
      id: courseChapters.id,
      seq: courseChapters.seq,
      title: courseChapters.title,
      kind: courseChapters.kind,
      requiredSeconds: courseChapters.requiredSeconds,
      textLength: sql<number | null>`char_length(${courseChapters.body})`,
      fileKey: courseChapters.fileKey,
      fileName: courseChapters.fileName,
      fileSize: courseChapters.fileSize,
      mimeType: courseChapters.mimeType,
      updatedAt: courseChapters.updatedAt,
    })
    .from(courseChapters)
    .where(eq(courseChapters.courseId, courseId))
    .orderBy(asc(courseChapters.seq));
  const chapters: AdminChapterRow[] = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    title: r.title,
    kind: r.kind,
    requiredSeconds: r.requiredSeconds,
    textLength: r.kind === 'text' ? Number(r.textLength ?? 0) : null,
    file:
      r.kind !== 'text' && r.fileKey
        ? { name: r.fileName ?? '', size: Number(r.fileSize ?? 0), mimeType: r.mimeType ?? '' }
        : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return {
    // The totals follow from the chapters just read; no second aggregate query.
    course: courseRow(course, (await planUsesOf(db, courseId)).get(courseId) ?? [], {
      chapterCount: rows.length,
      requiredSeconds: rows.reduce((sum, r) => sum + r.requiredSeconds, 0),
      chaptersWithoutFile: rows.filter((r) => r.kind !== 'text' && !r.fileKey).length,
    }),
    chapters,
    upload: { maxBytes: maxUploadBytes, types: { pdf: CHAPTER_FILE_TYPES.pdf, video: CHAPTER_FILE_TYPES.video } },
  };
}
