import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { notices } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

/** 发布: a draft or a withdrawn notice reaches its audience, dated now (a re-published one as readers meet it again). */
export async function publishNotice(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const n = await lockNotice(tx, id);
    if (n.status === 'published') throw new AppError('STATE_CHANGED', '该通知已发布');
    if (!n.body.trim()) throw invalid('body', '请填写通知正文后再发布');
    await tx
      .update(notices)
      .set({ status: 'published', publishedAt: now(), updatedAt: now() })
      .where(eq(notices.id, id));
    await writeAudit(tx, ctx, {
      action: 'notices.publish',
      targetType: 'notice',
      targetId: id,
      detail: { from: n.status, audience: n.audience },
    });
  });
}
