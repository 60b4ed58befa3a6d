import type { AdminChapterRow, AdminCourseChapters, AdminCourseRow, CoursePlanUse } from '@ptce/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courseChapters, courses, planCourses, questions } from '../../db/schema/index';
import { notFound } from '../../errors';
import { MATERIAL_FILE_TYPES } from './manage-materials';
import { materialsOf } from './list-materials';
import { CHAPTER_FILE_TYPES } from './manage-chapters';

// 课程管理 — the training centre's (operator's) view of every public-subject course, whether or not
// a plan year uses it, and of a course's chapters as maintained (no learner's progress here).

type CourseRow = typeof courses.$inferSelect;
type BankCounts = AdminCourseRow['bank'];
const NO_QUESTIONS: BankCounts = { single: 0, multiple: 0, judge: 0 };

/** Enabled questions by type, per course (or for one course). */
export async function bankCountsOf(db: Db, courseId?: number): Promise<Map<number, BankCounts>> {
  const rows = await db
    .select({ courseId: questions.courseId, type: questions.type, n: sql<number>`count(*)::int` })
    .from(questions)
    .where(and(eq(questions.enabled, true), courseId === undefined ? undefined : eq(questions.courseId, courseId)))
    .groupBy(questions.courseId, questions.type);
  const out = new Map<number, BankCounts>();
  for (const r of rows) out.set(r.courseId, { ...(out.get(r.courseId) ?? NO_QUESTIONS), [r.type]: Number(r.n) });
  return out;
}

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

function courseRow(
  c: CourseRow,
  plans: CoursePlanUse[],
  totals: ChapterTotals | undefined,
  bank: BankCounts | undefined,
): AdminCourseRow {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    kind: c.kind,
    area: c.area,
    lecturer: c.lecturer,
    summary: c.summary,
    year: c.year,
    status: c.status,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    bank: bank ?? NO_QUESTIONS,
    plans: plans.map(({ year, kind }) => ({ year, kind })),
    chapterCount: totals?.chapterCount ?? 0,
    requiredSeconds: totals?.requiredSeconds ?? 0,
    chaptersWithoutFile: totals?.chaptersWithoutFile ?? 0,
  };
}

/**
 * Every course: the newest year first — a course's year is the newest plan year that uses it, or the year it
 * was made for when that is later (a new year's draft); compulsory before electives, in plan order.
 */
export async function listAdminCourses(db: Db): Promise<AdminCourseRow[]> {
  const list = await db.select().from(courses).orderBy(asc(courses.code));
  const uses = await planUsesOf(db);
  const totals = await chapterTotalsOf(db);
  const banks = await bankCountsOf(db);
  const byId = new Map(list.map((c) => [c.id, c]));
  const rank = (id: number) => {
    const latest = uses.get(id)?.[0];
    const own = byId.get(id)?.year ?? null;
    if (own !== null && (!latest || own > latest.year)) return [-own, byId.get(id)!.kind === 'compulsory' ? 0 : 1, 0];
    return latest ? [-latest.year, latest.kind === 'compulsory' ? 0 : 1, latest.seq] : [Infinity, 0, 0];
  };
  const sorted = [...list].sort((a, b) => {
    const ra = rank(a.id);
    const rb = rank(b.id);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? -1 : 1;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  return sorted.map((c) => courseRow(c, uses.get(c.id) ?? [], totals.get(c.id), banks.get(c.id)));
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
    course: courseRow(
      course,
      (await planUsesOf(db, courseId)).get(courseId) ?? [],
      {
        chapterCount: rows.length,
        requiredSeconds: rows.reduce((sum, r) => sum + r.requiredSeconds, 0),
        chaptersWithoutFile: rows.filter((r) => r.kind !== 'text' && !r.fileKey).length,
      },
      (await bankCountsOf(db, courseId)).get(courseId),
    ),
    chapters,
    materials: await materialsOf(db, [courseId]),
    upload: {
      maxBytes: maxUploadBytes,
      types: {
        pdf: CHAPTER_FILE_TYPES.pdf,
        video: CHAPTER_FILE_TYPES.video,
        material: Object.keys(MATERIAL_FILE_TYPES),
      },
    },
  };
}
