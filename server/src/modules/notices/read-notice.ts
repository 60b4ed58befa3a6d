import type { NoticeDetail } from '@ptce/contracts';
import { now } from '../../clock';
import { noticeReads } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { addressedTo, readerOf } from './audience';
import { findNotice, readerView } from './notice-view';

/**
 * 查看: one notice addressed to the caller, marked read for them (once: opening it again changes nothing).
 * A notice not addressed to the caller, withdrawn or a draft answers 404.
 */
export async function readNotice(ctx: Caller, id: number): Promise<NoticeDetail> {
  const n = await findNotice(ctx.db, id, addressedTo(await readerOf(ctx.db, ctx.actor)));
  await ctx.db
    .insert(noticeReads)
    .values({ noticeId: id, accountId: ctx.actor.id, readAt: now() })
    .onConflictDoNothing();
  return readerView(ctx.db, n);
}
