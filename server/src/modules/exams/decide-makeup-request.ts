import type { MakeupDecision, MakeupRequestRow } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { makeupRequests } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { grantMakeup } from './grant-makeup';
import { makeupRequestRows } from './list-makeup-requests';
import { personInScope } from './person-exam-status';

/**
 * The help desk decides a 补考申请: 同意 grants the makeup with the existing command (a new round) in
 * the same transaction — the grant's own checks apply, and a refusal there leaves the request open —
 * or 拒绝 with a reason the person reads on 考试列表. A request already decided is not decided again.
 */
export async function decideMakeupRequest(ctx: Caller, id: number, d: MakeupDecision): Promise<MakeupRequestRow> {
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(makeupRequests).where(eq(makeupRequests.id, id)).for('update');
    if (!r) throw notFound('补考申请');
    await personInScope(tx, ctx.actor, r.accountId);
    if (r.status !== 'pending') throw new AppError('STATE_CHANGED', '该补考申请已处理，请刷新列表');
    const txCtx = { ...ctx, db: tx };
    if (d.decision === 'grant') {
      const reason = d.note?.trim() ? d.note.trim() : `网上补考申请：${r.reason}`;
      const status = await grantMakeup(txCtx, { accountId: r.accountId, year: r.planYear, reason });
      await writeAudit(tx, ctx, {
        action: 'exam.makeup_request.grant',
        targetType: 'makeup_request',
        targetId: id,
        detail: { year: r.planYear, round: status.rounds.at(-1)?.roundNo ?? null, note: d.note?.trim() || null },
      });
    } else {
      const reason = d.reason.trim();
      await tx
        .update(makeupRequests)
        .set({ status: 'refused', decidedAt: now(), decidedBy: ctx.actor.id, decisionReason: reason })
        .where(eq(makeupRequests.id, id));
      await writeAudit(tx, ctx, {
        action: 'exam.makeup_request.refuse',
        targetType: 'makeup_request',
        targetId: id,
        detail: { year: r.planYear, reason },
      });
    }
  });
  const [row] = await makeupRequestRows(ctx, { ids: [id] });
  return row!;
}
