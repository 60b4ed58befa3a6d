import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { trainingFilings } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { baseThatMayFile, checkFiling } from './check-filing';
import { contentOf, inputOf, lockFiling } from './filing-view';
import { ownFilings } from './filing-scope';
import { nextFilingNo } from './filing-number';

/**
 * 提交 a draft or a returned filing: 待审核 for the operator or the base's supervising authority; a filing
 * that needs no review (an internal, free class) is filed at once with its 备案号. The rules are checked
 * again (the plan may have changed since the draft). Audited.
 */
export async function submitFiling(
  ctx: Caller,
  id: number,
): Promise<{ status: 'pending' | 'filed'; filingNo: string | null }> {
  await baseThatMayFile(ctx.db, ctx.actor.baseId);
  return ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, ownFilings(ctx.actor));
    if (f.status !== 'draft' && f.status !== 'returned')
      throw new AppError('STATE_CHANGED', f.status === 'filed' ? '该培训项目已备案' : '该备案已提交，正在审核中');
    const computed = await checkFiling(tx, inputOf(f, await contentOf(tx, id)));
    const at = now();
    const direct = !f.needsApproval;
    const filingNo = direct ? await nextFilingNo(tx, computed.year) : null;
    await tx
      .update(trainingFilings)
      .set({
        status: direct ? 'filed' : 'pending',
        hours: computed.hours,
        submittedAt: at,
        submittedBy: ctx.actor.id,
        returnReason: null,
        decidedAt: direct ? at : null,
        decidedBy: null,
        decidedByName: null,
        filingNo,
        filedAt: direct ? at : null,
        updatedAt: at,
      })
      .where(eq(trainingFilings.id, id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.submit',
      targetType: 'training_filing',
      targetId: id,
      detail: { name: f.name, hours: computed.hours, status: direct ? 'filed' : 'pending', filingNo },
    });
    return { status: direct ? ('filed' as const) : ('pending' as const), filingNo };
  });
}
