import type { NoticeAdminDetail, NoticeAttachment, NoticeDetail } from '@ptce/contracts';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { noticeAttachments, notices } from '../../db/schema/index';
import { notFound } from '../../errors';

export type NoticeRecord = typeof notices.$inferSelect;

export const NOTICE = '通知';

export async function attachmentsOf(db: Db, noticeId: number): Promise<NoticeAttachment[]> {
  return db
    .select({
      id: noticeAttachments.id,
      fileName: noticeAttachments.fileName,
      mimeType: noticeAttachments.mimeType,
      size: noticeAttachments.size,
    })
    .from(noticeAttachments)
    .where(eq(noticeAttachments.noticeId, noticeId))
    .orderBy(asc(noticeAttachments.id));
}

/** The notice `id` if `where` holds for it; otherwise 404 (whether it does not exist or is not for the caller). */
export async function findNotice(db: Db, id: number, where: SQL = sql`true`): Promise<NoticeRecord> {
  const [n] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), where));
  if (!n) throw notFound(NOTICE);
  return n;
}

/** The notice `id`, locked for a state change in the transaction `tx`. */
export async function lockNotice(tx: Db, id: number): Promise<NoticeRecord> {
  const [n] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
  if (!n) throw notFound(NOTICE);
  return n;
}

export async function readerView(db: Db, n: NoticeRecord): Promise<NoticeDetail> {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    pinned: n.pinned,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    attachments: await attachmentsOf(db, n.id),
  };
}

export async function adminView(db: Db, n: NoticeRecord): Promise<NoticeAdminDetail> {
  return {
    ...(await readerView(db, n)),
    status: n.status,
    audience: n.audience,
    regionCode: n.regionCode,
    industryCode: n.industryCode,
  };
}
