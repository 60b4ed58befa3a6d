import type { CopyCourseRequest, CourseCreated } from '@ptce/contracts';
import { asc, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { courseChapters, courseMaterials, courses, questions } from '../../db/schema/index';
import { invalid, notFound } from '../../errors';
import type { FileStore } from '../../storage/file-store';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { nextCourseCode } from './course-code';

/**
 * 复制上年课程: a draft for a later year with the course's texts, chapters (their PDF and video files copied,
 * so either course can replace its own later), materials and question bank. The copy is edited and published
 * on its own; the source course is unchanged.
 */
export async function copyCourse(
  ctx: Caller,
  files: FileStore,
  courseId: number,
  input: CopyCourseRequest,
): Promise<CourseCreated> {
  const [src] = await ctx.db.select().from(courses).where(eq(courses.id, courseId));
  if (!src) throw notFound('课程');
  if (src.year !== null && input.year <= src.year)
    throw invalid('year', `只能复制到${src.year}年以后的年度（所选课程为${src.year}年度课程）`);
  const chapters = await ctx.db
    .select()
    .from(courseChapters)
    .where(eq(courseChapters.courseId, courseId))
    .orderBy(asc(courseChapters.seq));
  const materials = await ctx.db
    .select()
    .from(courseMaterials)
    .where(eq(courseMaterials.courseId, courseId))
    .orderBy(asc(courseMaterials.seq));
  const bank = await ctx.db.select().from(questions).where(eq(questions.courseId, courseId)).orderBy(asc(questions.id));

  // Files first (a file store is no database): each copied file gets its own key; removed again on failure.
  const copied: string[] = [];
  const copy = async (key: string | null) => {
    if (!key) return null;
    const stored = await files.put(files.read(key), { prefix: 'chapters' });
    copied.push(stored.key);
    return stored.key;
  };
  try {
    const chapterKeys: Array<string | null> = [];
    for (const ch of chapters) chapterKeys.push(await copy(ch.fileKey));
    const materialKeys: Array<string | null> = [];
    for (const m of materials) materialKeys.push(await copy(m.fileKey));

    return await ctx.db.transaction(async (tx) => {
      const at = now();
      const code = await nextCourseCode(tx, input.year, src.kind);
      const [row] = await tx
        .insert(courses)
        .values({
          code,
          title: src.title,
          kind: src.kind,
          area: src.area,
          summary: src.summary,
          lecturer: src.lecturer,
          year: input.year,
          status: 'draft',
          copiedFrom: src.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: courses.id, code: courses.code });
      const id = row!.id;
      if (chapters.length)
        await tx.insert(courseChapters).values(
          chapters.map((ch, i) => ({
            courseId: id,
            seq: ch.seq,
            title: ch.title,
            kind: ch.kind,
            requiredSeconds: ch.requiredSeconds,
            body: ch.body,
            fileKey: chapterKeys[i],
            fileName: ch.fileName,
            mimeType: ch.mimeType,
            fileSize: ch.fileSize,
            createdAt: at,
            updatedAt: at,
          })),
        );
      if (materials.length)
        await tx.insert(courseMaterials).values(
          materials.map((m, i) => ({
            courseId: id,
            seq: m.seq,
            title: m.title,
            fileName: m.fileName,
            mimeType: m.mimeType,
            content: m.content,
            fileKey: materialKeys[i],
            fileSize: m.fileSize,
            createdAt: at,
          })),
        );
      if (bank.length)
        await tx.insert(questions).values(
          bank.map((q) => ({
            courseId: id,
            type: q.type,
            stem: q.stem,
            options: q.options,
            answer: q.answer,
            explanation: q.explanation,
            enabled: q.enabled,
            createdAt: at,
            updatedAt: at,
          })),
        );
      await writeAudit(tx, ctx, {
        action: 'learning.course_copy',
        targetType: 'course',
        targetId: id,
        detail: {
          from: src.id,
          fromCode: src.code,
          code,
          year: input.year,
          chapters: chapters.length,
          materials: materials.length,
          questions: bank.length,
        },
      });
      return row!;
    });
  } catch (e) {
    for (const key of copied) await files.remove(key).catch(() => undefined);
    throw e;
  }
}
