import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { notices } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

/** 撤回: a published notice disappears for every reader (and from the login page); it may be published again. */
export async function withdrawNotice(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const n = await lockNotice(tx, id);
    if (n.status !== 'published') throw new AppError('STATE_CHANGED', '只有已发布的通知可以撤回');
    await tx.update(notices).set({ status: 'withdrawn', updatedAt: now() }).where(eq(notices.id, id));
    await writeAudit(tx, ctx, { action: 'notices.withdraw', targetType: 'notice', targetId: id });
  });
}
