import type { SpotCheckDetail, SpotCheckSummary } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { findCampaign, unitOf, visibleTo } from './campaign-scope';
import { campaignDetail, campaignSummaries } from './campaign-view';

/** 抽查管理: the campaigns of the caller's organisation and those it inspects. */
export async function listCampaigns(ctx: Caller): Promise<SpotCheckSummary[]> {
  return campaignSummaries(ctx.db, visibleTo(ctx.actor));
}

export async function getCampaign(ctx: Caller, id: number): Promise<SpotCheckDetail> {
  const c = await findCampaign(ctx.db, ctx.actor, id);
  return campaignDetail(ctx.db, id, { accountId: ctx.actor.id, owner: c.owner });
}

/** 待答复的抽查 and past ones: the campaigns that sampled the caller's unit. */
export async function listUnitCampaigns(ctx: Caller): Promise<SpotCheckSummary[]> {
  const unitId = unitOf(ctx.actor);
  if (!unitId) return [];
  return campaignSummaries(
    ctx.db,
    sql`EXISTS (SELECT 1 FROM spot_check_units su WHERE su.campaign_id = c.id AND su.unit_id = ${unitId})`,
  );
}

/**
 * The unit's own part of a campaign (nothing of other sampled units); opening it marks its records found
 * 不属实 as seen by the unit (its 待办).
 */
export async function getUnitCampaign(ctx: Caller, id: number): Promise<SpotCheckDetail> {
  const unitId = unitOf(ctx.actor);
  const r = await ctx.db.execute(
    sql`SELECT id FROM spot_check_units WHERE campaign_id = ${id} AND unit_id = ${unitId ?? 0}`,
  );
  const part = (r.rows as Array<{ id: number }>)[0];
  if (!part) throw notFound('抽查');
  await ctx.db.execute(sql`UPDATE spot_check_items SET unit_seen_at = ${now()}
    WHERE campaign_unit_id = ${part.id} AND finding = 'false' AND unit_seen_at IS NULL`);
  const detail = await campaignDetail(ctx.db, id, { accountId: ctx.actor.id, owner: false }, sql`su.id = ${part.id}`);
  // The unit sees its own part, not the lists of every unit and inspector the draw read.
  return { ...detail, draw: { ...detail.draw, population: { units: [], pool: [], items: {} } } };
}
