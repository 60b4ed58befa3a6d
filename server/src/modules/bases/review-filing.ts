import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { trainingFilings } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockFiling } from './filing-view';
import { reviewScope } from './filing-scope';
import { nextFilingNo } from './filing-number';

/** 审核通过: a 待审核 filing becomes 已备案 with the next 备案号 of its year. Audited. */
export async function approveFiling(ctx: Caller, id: number): Promise<{ filingNo: string }> {
  return ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, reviewScope(ctx.actor));
    if (f.status !== 'pending') throw new AppError('STATE_CHANGED', '该备案不在待审核状态');
    const at = now();
    const filingNo = await nextFilingNo(tx, f.year);
    await tx
      .update(trainingFilings)
      .set({
        status: 'filed',
        filingNo,
        filedAt: at,
        decidedAt: at,
        decidedBy: ctx.actor.id,
        decidedByName: ctx.actor.name,
        updatedAt: at,
      })
      .where(eq(trainingFilings.id, id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.approve',
      targetType: 'training_filing',
      targetId: id,
      detail: { name: f.name, filingNo, hours: f.hours },
    });
    return { filingNo };
  });
}

/** 退回 a 待审核 filing with a reason: the base edits it and submits again. Audited. */
export async function returnFiling(ctx: Caller, id: number, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, reviewScope(ctx.actor));
    if (f.status !== 'pending') throw new AppError('STATE_CHANGED', '该备案不在待审核状态');
    const at = now();
    await tx
      .update(trainingFilings)
      .set({
        status: 'returned',
        returnReason: reason,
        decidedAt: at,
        decidedBy: ctx.actor.id,
        decidedByName: ctx.actor.name,
        updatedAt: at,
      })
      .where(eq(trainingFilings.id, id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.return',
      targetType: 'training_filing',
      targetId: id,
      detail: { name: f.name, reason },
    });
  });
}
