import { and, eq, sql } from 'drizzle-orm';
import type { NoticeAttachment } from '@ptce/contracts';
import { NOTICE_ATTACHMENT_MAX_FILES } from '@ptce/contracts';
import { now } from '../../clock';
import { noticeAttachments } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

const PDF = (h: Buffer) => h.subarray(0, 5).toString('latin1') === '%PDF-';
const JPEG = (h: Buffer) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff;
const PNG = (h: Buffer) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
/** docx, xlsx and zip are ZIP containers. */
const ZIP = (h: Buffer) => h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
/** doc and xls (Office 97–2003) are OLE2 compound files. */
const OLE2 = (h: Buffer) => h.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** 附件 types by extension: the type it is stored and downloaded as, and what its first bytes must be. */
const TYPES: Record<string, { mime: string; looksRight: (head: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', looksRight: PDF },
  doc: { mime: 'application/msword', looksRight: OLE2 },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', looksRight: ZIP },
  xls: { mime: 'application/vnd.ms-excel', looksRight: OLE2 },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', looksRight: ZIP },
  zip: { mime: 'application/zip', looksRight: ZIP },
  jpg: { mime: 'image/jpeg', looksRight: JPEG },
  jpeg: { mime: 'image/jpeg', looksRight: JPEG },
  png: { mime: 'image/png', looksRight: PNG },
};

export const ATTACHMENT_TYPES_TEXT = 'PDF、Word（doc/docx）、Excel（xls/xlsx）、ZIP、JPG、PNG';

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed from the name
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || 'file';
}

/** 上传附件: a file of the accepted types, checked by its content; kept in the file store. */
export async function addAttachment(
  ctx: Caller,
  files: FileStore,
  noticeId: number,
  upload: { fileName: string; data: Buffer },
): Promise<NoticeAttachment> {
  const fileName = cleanFileName(upload.fileName);
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext];
  if (!type)
    throw new AppError('UNSUPPORTED_MEDIA', `附件只支持${ATTACHMENT_TYPES_TEXT}格式`, [
      { field: 'file', reason: `不支持的文件类型：${ext ? `.${ext}` : '无扩展名'}` },
    ]);
  if (upload.data.length === 0) throw invalid('file', '文件为空');
  if (!type.looksRight(upload.data))
    throw new AppError('UNSUPPORTED_MEDIA', `文件内容与扩展名 .${ext} 不符，请检查文件后重新上传`, [
      { field: 'file', reason: `文件内容不是 .${ext} 文件` },
    ]);
  const stored = await files.put(upload.data, { prefix: 'notices' });
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockNotice(tx, noticeId);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(noticeAttachments)
        .where(eq(noticeAttachments.noticeId, noticeId));
      if ((count?.n ?? 0) >= NOTICE_ATTACHMENT_MAX_FILES)
        throw invalid('file', `每条通知最多${NOTICE_ATTACHMENT_MAX_FILES}个附件`);
      const [row] = await tx
        .insert(noticeAttachments)
        .values({
          noticeId,
          fileName,
          mimeType: type.mime,
          size: stored.size,
          fileKey: stored.key,
          uploadedAt: now(),
        })
        .returning();
      await writeAudit(tx, ctx, {
        action: 'notices.attachment.add',
        targetType: 'notice',
        targetId: noticeId,
        detail: { attachmentId: row!.id, fileName, size: stored.size, sha256: stored.sha256 },
      });
      return { id: row!.id, fileName: row!.fileName, mimeType: row!.mimeType, size: row!.size };
    });
  } catch (e) {
    await files.remove(stored.key);
    throw e;
  }
}

/** 删除附件. */
export async function removeAttachment(ctx: Caller, files: FileStore, noticeId: number, attachmentId: number) {
  const key = await ctx.db.transaction(async (tx) => {
    await lockNotice(tx, noticeId);
    const [a] = await tx
      .delete(noticeAttachments)
      .where(and(eq(noticeAttachments.id, attachmentId), eq(noticeAttachments.noticeId, noticeId)))
      .returning();
    if (!a) throw notFound('附件');
    await writeAudit(tx, ctx, {
      action: 'notices.attachment.remove',
      targetType: 'notice',
      targetId: noticeId,
      detail: { attachmentId, fileName: a.fileName },
    });
    return a.fileKey;
  });
  if (key) await files.remove(key).catch(() => {});
}
