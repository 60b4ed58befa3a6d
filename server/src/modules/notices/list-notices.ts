import type { NoticeRow } from '@ptce/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { noticeReads, notices } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { addressedTo, readerOf } from './audience';

const attachmentCount = sql<number>`(SELECT count(*)::int FROM notice_attachments a WHERE a.notice_id = ${notices.id})`;

/**
 * 通知公告 for the caller: the published notices addressed to them, unread ones first; among the unread and among
 * the read, pinned ones first, then the newest. The 用户管理中心 shows the first few of this order.
 */
export async function listNotices(ctx: Caller, q: { page: number; pageSize: number }) {
  const where = addressedTo(await readerOf(ctx.db, ctx.actor));
  const read = sql<boolean>`(${noticeReads.accountId} IS NOT NULL)`;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: notices.id,
        title: notices.title,
        pinned: notices.pinned,
        publishedAt: notices.publishedAt,
        read,
        attachmentCount,
      })
      .from(notices)
      .leftJoin(noticeReads, and(eq(noticeReads.noticeId, notices.id), eq(noticeReads.accountId, ctx.actor.id)))
      .where(where)
      .orderBy(read, desc(notices.pinned), desc(notices.publishedAt), desc(notices.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notices)
      .where(where),
  ]);
  const items: NoticeRow[] = rows.map((r) => ({ ...r, publishedAt: r.publishedAt!.toISOString() }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** How many notices addressed to the caller they have not opened yet. */
export async function unreadCount(ctx: Caller): Promise<number> {
  const where = addressedTo(await readerOf(ctx.db, ctx.actor));
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .where(
      and(
        where,
        sql`NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = ${notices.id} AND r.account_id = ${ctx.actor.id})`,
      ),
    );
  return row?.n ?? 0;
}
