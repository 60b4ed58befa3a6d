import type { NoticeDetail, PublicNoticeRow } from '@ptce/contracts';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notices } from '../../db/schema/index';
import { publicNotice } from './audience';
import { findNotice, readerView } from './notice-view';

/** The login page's 通知公告: published notices for everyone, pinned first, newest first. */
export async function listPublicNotices(db: Db, q: { page: number; pageSize: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: notices.id, title: notices.title, pinned: notices.pinned, publishedAt: notices.publishedAt })
      .from(notices)
      .where(publicNotice)
      .orderBy(desc(notices.pinned), desc(notices.publishedAt), desc(notices.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notices)
      .where(publicNotice),
  ]);
  const items: PublicNoticeRow[] = rows.map((r) => ({ ...r, publishedAt: r.publishedAt!.toISOString() }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** One public notice, readable without a login. */
export async function getPublicNotice(db: Db, id: number): Promise<NoticeDetail> {
  return readerView(db, await findNotice(db, id, publicNotice));
}
