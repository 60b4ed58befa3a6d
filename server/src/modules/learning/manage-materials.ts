import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import { courseMaterials, courses } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { FileStore } from '../../storage/file-store';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { checked } from './manage-chapters';

/** 相关资料 the operator may upload: PDF, Word, Excel and PowerPoint (checked by their first bytes too). */
export const MATERIAL_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word（.docx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel（.xlsx）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint（.pptx）',
};
const KINDS = Object.values(MATERIAL_FILE_TYPES).join('、');

/** Operator: adds a material to a course (after its others), its file streamed to the FileStore. */
export async function uploadMaterial(
  ctx: Caller,
  files: FileStore,
  maxBytes: number,
  courseId: number,
  input: { title: string; fileName: string; mimeType: string; body: Readable },
) {
  const [course] = await ctx.db.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound('课程');
  const mime = input.mimeType.split(';')[0]!.trim().toLowerCase();
  if (!Object.hasOwn(MATERIAL_FILE_TYPES, mime)) throw new AppError('UNSUPPORTED_MEDIA', `相关资料请上传${KINDS}文件`);
  const mismatch = `文件内容不是${MATERIAL_FILE_TYPES[mime]}文件，请检查文件后重新上传`;
  const stored = await files.put(Readable.from(checked(input.body, maxBytes, mime, mismatch)), { prefix: 'materials' });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(courseMaterials)
        .values({
          courseId,
          seq: sql`(SELECT COALESCE(MAX(seq), 0) + 1 FROM course_materials WHERE course_id = ${courseId})`,
          title: input.title,
          fileName: input.fileName,
          mimeType: mime,
          fileKey: stored.key,
          fileSize: stored.size,
          createdAt: now(),
        })
        .returning({ id: courseMaterials.id });
      await writeAudit(tx, ctx, {
        action: 'learning.material_upload',
        targetType: 'course',
        targetId: courseId,
        detail: {
          materialId: row!.id,
          title: input.title,
          fileName: input.fileName,
          size: stored.size,
          sha256: stored.sha256,
        },
      });
      return { id: row!.id, size: stored.size };
    });
  } catch (e) {
    await files.remove(stored.key).catch(() => {});
    throw e;
  }
}

/** Operator: removes a material of a course (its stored file once the row is gone). */
export async function deleteMaterial(ctx: Caller, files: FileStore, courseId: number, materialId: number) {
  const removed = await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .delete(courseMaterials)
      .where(and(eq(courseMaterials.id, materialId), eq(courseMaterials.courseId, courseId)))
      .returning();
    if (!m) throw notFound('资料');
    await writeAudit(tx, ctx, {
      action: 'learning.material_delete',
      targetType: 'course',
      targetId: courseId,
      detail: { materialId, title: m.title, fileName: m.fileName },
    });
    return m;
  });
  if (removed.fileKey) await files.remove(removed.fileKey).catch(() => {});
}
