import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { unitOf } from './campaign-scope';

/** 答复: the sampled unit sends its explanation once its materials are uploaded; after that the inspectors decide. */
export async function answerCampaign(ctx: Caller, campaignId: number, note: string): Promise<void> {
  const unitId = unitOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const r = await tx.execute(sql`
      SELECT su.id, su.answered_at, c.status FROM spot_check_units su
      JOIN spot_check_campaigns c ON c.id = su.campaign_id
      WHERE su.campaign_id = ${campaignId} AND su.unit_id = ${unitId ?? 0} FOR UPDATE OF su`);
    const part = (r.rows as Array<{ id: number; answered_at: unknown; status: string }>)[0];
    if (!part) throw notFound('抽查');
    if (part.status !== 'open') throw new AppError('STATE_CHANGED', '该抽查已结束');
    if (part.answered_at) throw new AppError('STATE_CHANGED', '本单位已答复该抽查');
    await tx.execute(sql`UPDATE spot_check_units SET answer_note = ${note}, answered_at = ${now()},
      answered_by = ${ctx.actor.id} WHERE id = ${part.id}`);
    await writeAudit(tx, ctx, {
      action: 'spotcheck.answer',
      targetType: 'spot_check',
      targetId: campaignId,
      detail: { unitId, note },
    });
  });
}
