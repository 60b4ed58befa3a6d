import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { hourRecords } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { findRecord } from './find-record';
import { addHistory } from './history';
import { openPlan } from './plan-window';

/** 撤回: only while 待初审; the record goes back to 待提交 and can be edited again. */
export async function withdrawRecord(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await findRecord(ctx, tx, id, { lock: true });
    if (r.status !== 'pending')
      throw new AppError('STATE_CHANGED', r.status === 'draft' ? '记录尚未提交，无需撤回' : '记录已审核，不能撤回');
    if (ctx.actor.kind !== 'professional' && r.submittedBy !== ctx.actor.id && r.source === 'self') {
      throw new AppError('FORBIDDEN', '个人提交的记录只能由本人撤回');
    }
    await openPlan(tx, r.year, 'year', { personId: r.accountId });
    const updated = await tx
      .update(hourRecords)
      .set({
        status: 'draft',
        reviewTarget: null,
        authorityId: null,
        submittedAt: null,
        submittedBy: null,
        updatedAt: now(),
      })
      .where(and(eq(hourRecords.id, id), eq(hourRecords.status, 'pending')))
      .returning({ id: hourRecords.id });
    if (!updated.length) throw new AppError('STATE_CHANGED', '记录已审核，不能撤回');
    await addHistory(tx, [id], 'withdraw', ctx.actor);
    await writeAudit(tx, ctx, { action: 'hours.record.withdraw', targetType: 'hour_record', targetId: id });
  });
}
