import { Readable } from 'node:stream';
import type { CreateChapterRequest } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import { courseChapters, courses } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { writeAudit } from '../audit/index';

export const CHAPTER_FILE_TYPES: Record<'pdf' | 'video', string[]> = {
  pdf: ['application/pdf'],
  video: ['video/mp4', 'video/webm', 'video/ogg'],
};

/** Operator: adds a chapter (text, or pdf / video whose file is uploaded next). */
export async function createChapter(ctx: Caller, courseId: number, body: CreateChapterRequest) {
  if (body.kind === 'text' && !body.body?.trim()) throw invalid('body', '请填写章节正文');
  return ctx.db.transaction(async (tx) => {
    const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
    if (!course) throw notFound('课程');
    const at = now();
    const [row] = await tx
      .insert(courseChapters)
      .values({
        courseId,
        seq: sql`(SELECT COALESCE(MAX(seq), 0) + 1 FROM course_chapters WHERE course_id = ${courseId})`,
        title: body.title,
        kind: body.kind,
        requiredSeconds: body.requiredSeconds,
        body: body.kind === 'text' ? body.body! : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await writeAudit(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      {
        action: 'learning.chapter_create',
        targetType: 'chapter',
        targetId: row!.id,
        detail: { courseId, kind: body.kind },
      },
    );
    return { id: row!.id, seq: row!.seq };
  });
}

/** What the first bytes of each accepted type are: the declared content type must match the content. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  'video/mp4': (h) => h.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/webm': (h) => h.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])),
  'video/ogg': (h) => h.subarray(0, 4).toString('latin1') === 'OggS',
  // Word, Excel and PowerPoint (Office Open XML) are ZIP packages.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (h) => isZip(h),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (h) => isZip(h),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': (h) => isZip(h),
};
function isZip(h: Buffer) {
  return h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
const HEAD_BYTES = 12;

/**
 * Passes the upload through, stopping it past the size limit (a raw stream bypasses Fastify's
 * bodyLimit) or when its first bytes are not what its declared type says — a text file renamed
 * .pdf is refused, not served to learners as a PDF.
 */
export async function* checked(src: Readable, max: number, mime: string, refusal: string): AsyncGenerator<Buffer> {
  let seen = 0;
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of src) {
    const buf = chunk as Buffer;
    seen += buf.length;
    if (seen > max) throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过${Math.round(max / 1024 / 1024)}MB`);
    if (head) {
      head = Buffer.concat([head, buf]);
      if (head.length < HEAD_BYTES) continue;
      if (!SIGNATURES[mime]!(head)) throw new AppError('UNSUPPORTED_MEDIA', refusal);
      const all = head;
      head = null;
      yield all;
      continue;
    }
    yield buf;
  }
  if (head && !SIGNATURES[mime]!(head)) throw new AppError('UNSUPPORTED_MEDIA', refusal);
  if (head) yield head;
}

/** Operator: stores a chapter's PDF or video in the FileStore (replacing an earlier one). */
export async function uploadChapterFile(
  ctx: Caller,
  files: FileStore,
  maxBytes: number,
  chapterId: number,
  input: { fileName: string; mimeType: string; body: Readable },
) {
  const [ch] = await ctx.db.select().from(courseChapters).where(eq(courseChapters.id, chapterId));
  if (!ch) throw notFound('章节');
  if (ch.kind === 'text') throw invalid('kind', '图文章节无需上传文件');
  const mime = input.mimeType.split(';')[0]!.trim().toLowerCase();
  const refusal = ch.kind === 'pdf' ? '请上传PDF文件' : '请上传MP4、WebM或Ogg视频';
  if (!CHAPTER_FILE_TYPES[ch.kind].includes(mime)) throw new AppError('UNSUPPORTED_MEDIA', refusal);
  const mismatch = `文件内容不是${ch.kind === 'pdf' ? 'PDF文件' : '所选格式的视频'}，请检查文件后重新上传`;
  const stored = await files.put(Readable.from(checked(input.body, maxBytes, mime, mismatch)), { prefix: 'chapters' });
  const old = ch.fileKey;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(courseChapters)
      .set({ fileKey: stored.key, fileName: input.fileName, mimeType: mime, fileSize: stored.size, updatedAt: now() })
      .where(eq(courseChapters.id, chapterId));
    await writeAudit(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      {
        action: 'learning.chapter_file',
        targetType: 'chapter',
        targetId: chapterId,
        detail: { size: stored.size, sha256: stored.sha256, mimeType: mime },
      },
    );
  });
  if (old) await files.remove(old).catch(() => {});
  return { id: chapterId, size: stored.size };
}
