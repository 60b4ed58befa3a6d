import type { Readable } from 'node:stream';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { noticeAttachments, notices } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { FileStore } from '../../storage/file-store';

export interface AttachmentDownload {
  fileName: string;
  mimeType: string;
  size: number;
  body: Buffer | Readable;
}

/** An attachment of a notice for which `visible` holds (404 otherwise): its bytes, from the store or kept here. */
export async function openAttachment(
  db: Db,
  files: FileStore,
  attachmentId: number,
  visible: SQL,
): Promise<AttachmentDownload> {
  const [a] = await db
    .select({ att: noticeAttachments })
    .from(noticeAttachments)
    .innerJoin(notices, eq(notices.id, noticeAttachments.noticeId))
    .where(and(eq(noticeAttachments.id, attachmentId), visible));
  if (!a) throw notFound('附件');
  const { fileName, mimeType, content, fileKey } = a.att;
  if (content !== null) {
    // A BOM lets older Windows Notepad open the UTF-8 text as Chinese.
    const buf = Buffer.from(mimeType.startsWith('text/plain') ? `\ufeff${content}` : content, 'utf8');
    return { fileName, mimeType, size: buf.length, body: buf };
  }
  return { fileName, mimeType, size: a.att.size, body: files.read(fileKey!) };
}
