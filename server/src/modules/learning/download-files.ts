import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { courseChapters, courseMaterials } from '../../db/schema/index';
import { notFound } from '../../errors';
import { ctxOf } from '../../http/context';
import { sendBytes, textSource, type ByteSource } from './serve-file';

// Learners get the files of published courses that some year's plan uses; the operator, who maintains
// and previews them (预览), any course's.
// (Table-qualified by hand: Drizzle writes a column of a one-table query without its table, which
// inside a subquery would bind to the subquery's own table.)
const servable = (req: FastifyRequest, table: 'course_chapters' | 'course_materials') =>
  ctxOf(req).actor.roles.includes('operator')
    ? sql.raw('true')
    : sql.raw(
        `EXISTS (SELECT 1 FROM plan_courses pc JOIN courses c ON c.id = pc.course_id
           WHERE pc.course_id = ${table}.course_id AND c.status = 'published')`,
      );

/** A PDF or video chapter's file, with HTTP Range (the player seeks, the PDF viewer pages). */
export async function sendChapterFile(req: FastifyRequest, reply: FastifyReply, chapterId: number) {
  const { db } = ctxOf(req);
  const files = req.server.deps.files;
  const [ch] = await db
    .select()
    .from(courseChapters)
    .where(sql`${courseChapters.id} = ${chapterId} AND ${servable(req, 'course_chapters')}`);
  if (!ch || !ch.fileKey) throw notFound('章节文件');
  const key = ch.fileKey;
  const src: ByteSource = { size: ch.fileSize ?? (await files.size(key)), open: (r) => files.read(key, r) };
  return sendBytes(req, reply, src, {
    mimeType: ch.mimeType ?? 'application/octet-stream',
    fileName: ch.fileName ?? `chapter-${ch.id}`,
    disposition: 'inline',
  });
}

/** 相关资料 → 下载. */
export async function sendMaterial(req: FastifyRequest, reply: FastifyReply, materialId: number) {
  const { db } = ctxOf(req);
  const files = req.server.deps.files;
  const [m] = await db
    .select()
    .from(courseMaterials)
    .where(sql`${courseMaterials.id} = ${materialId} AND ${servable(req, 'course_materials')}`);
  if (!m) throw notFound('资料');
  let src: ByteSource;
  if (m.content !== null) {
    // A BOM lets Windows Notepad of older versions open the UTF-8 text as Chinese.
    src = textSource(m.mimeType.startsWith('text/plain') ? `\ufeff${m.content}` : m.content);
  } else {
    const key = m.fileKey!;
    src = { size: m.fileSize ?? (await files.size(key)), open: (r) => files.read(key, r) };
  }
  return sendBytes(req, reply, src, { mimeType: m.mimeType, fileName: m.fileName, disposition: 'attachment' });
}
