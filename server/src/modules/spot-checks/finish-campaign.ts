import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { findCampaign } from './campaign-scope';

/** 结束抽查: the organisation closes a campaign whose every record has a finding; its outcomes become public (一公开). */
export async function finishCampaign(ctx: Caller, id: number, conclusion: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await findCampaign(tx, ctx.actor, id, true);
    if (!c.owner) throw new AppError('FORBIDDEN', '只有组织抽查的部门可以结束抽查');
    if (c.status !== 'open') throw new AppError('STATE_CHANGED', '该抽查已结束');
    const open = await tx.execute(sql`SELECT count(*)::int AS n FROM spot_check_items i
      JOIN spot_check_units su ON su.id = i.campaign_unit_id WHERE su.campaign_id = ${id} AND i.finding IS NULL`);
    const n = Number((open.rows[0] as { n: number }).n);
    if (n > 0) throw new AppError('STATE_CHANGED', `还有${n}条抽查记录没有核查结论，不能结束抽查`);
    await tx.execute(sql`UPDATE spot_check_campaigns SET status = 'finished', conclusion = ${conclusion},
      finished_by = ${ctx.actor.id}, finished_at = ${now()} WHERE id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'spotcheck.campaign.finish',
      targetType: 'spot_check',
      targetId: id,
      detail: { title: c.title, conclusion },
    });
  });
}
