import { eq } from 'drizzle-orm';
import { noticeAttachments, notices } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

/** 删除: only a draft, which nobody has seen; a published notice is withdrawn instead. */
export async function deleteNotice(ctx: Caller, files: FileStore, id: number): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const n = await lockNotice(tx, id);
    if (n.status !== 'draft') throw new AppError('STATE_CHANGED', '只有草稿可以删除，已发布的通知请撤回');
    const atts = await tx
      .select({ fileKey: noticeAttachments.fileKey })
      .from(noticeAttachments)
      .where(eq(noticeAttachments.noticeId, id));
    await tx.delete(notices).where(eq(notices.id, id));
    await writeAudit(tx, ctx, {
      action: 'notices.delete',
      targetType: 'notice',
      targetId: id,
      detail: { title: n.title },
    });
    return atts.flatMap((a) => (a.fileKey ? [a.fileKey] : []));
  });
  for (const k of keys) await files.remove(k).catch(() => {});
}
