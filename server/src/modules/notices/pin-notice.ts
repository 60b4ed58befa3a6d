import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { notices } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

/** 置顶 / 取消置顶: pinned notices head every reader's list. */
export async function pinNotice(ctx: Caller, id: number, pinned: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const n = await lockNotice(tx, id);
    if (n.pinned === pinned) return;
    await tx.update(notices).set({ pinned, updatedAt: now() }).where(eq(notices.id, id));
    await writeAudit(tx, ctx, {
      action: pinned ? 'notices.pin' : 'notices.unpin',
      targetType: 'notice',
      targetId: id,
    });
  });
}
