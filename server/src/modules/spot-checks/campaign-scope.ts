import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';

/** The organisation a staff caller runs campaigns for: its authority (人社局, 主管部门) or the operator (null). */
export function ownerOf(actor: Actor): { authorityId: number | null } | null {
  if (actor.kind === 'operator') return { authorityId: null };
  if ((actor.kind === 'authority' || actor.kind === 'hr_bureau') && actor.authorityId)
    return { authorityId: actor.authorityId };
  return null;
}

/** Campaigns of the caller's organisation: over `spot_check_campaigns c`. */
export function ownedBy(actor: Actor): SQL {
  const owner = ownerOf(actor);
  if (!owner) return sql`false`;
  return owner.authorityId === null
    ? sql`c.owner_authority_id IS NULL`
    : sql`c.owner_authority_id = ${owner.authorityId}`;
}

/** Campaigns a staff caller sees: its organisation's, and those it was drawn to inspect (over `c`). */
export function visibleTo(actor: Actor): SQL {
  return sql`(${ownedBy(actor)} OR EXISTS (SELECT 1 FROM spot_check_inspectors si
    JOIN spot_check_units su ON su.id = si.campaign_unit_id
    WHERE su.campaign_id = c.id AND si.account_id = ${actor.id}))`;
}

export interface CampaignRow {
  id: number;
  status: 'open' | 'finished';
  owner: boolean;
  answer_due: string;
  title: string;
  year: number;
}

/** A campaign the staff caller sees, optionally locked — or 404 (indistinguishable from one that does not exist). */
export async function findCampaign(db: Db, actor: Actor, id: number, lock = false): Promise<CampaignRow> {
  const r = await db.execute(sql`
    SELECT c.id, c.status, c.answer_due::text AS answer_due, c.title, c.year, ${ownedBy(actor)} AS owner
    FROM spot_check_campaigns c WHERE c.id = ${id} AND ${visibleTo(actor)}${lock ? sql` FOR UPDATE OF c` : sql``}`);
  const row = (r.rows as unknown as CampaignRow[])[0];
  if (!row) throw notFound('抽查');
  return row;
}

export interface ItemAccess {
  item_id: number;
  campaign_id: number;
  campaign_unit_id: number;
  unit_id: number;
  status: 'open' | 'finished';
  answered: boolean;
  answer_due: string;
  inspector: boolean;
  owner: boolean;
  finding: string | null;
}

/**
 * A sampled record as the caller reaches it: staff who see the campaign, or the sampled unit's own staff —
 * anyone else gets 404.
 */
export async function findItem(db: Db, actor: Actor, itemId: number, lock = false): Promise<ItemAccess> {
  const isUnit = actor.kind === 'unit_account' || (actor.kind === 'unit_admin' && actor.departmentId === null);
  const reach = isUnit ? (actor.unitId ? sql`su.unit_id = ${actor.unitId}` : sql`false`) : visibleTo(actor);
  const r = await db.execute(sql`
    SELECT i.id AS item_id, c.id AS campaign_id, su.id AS campaign_unit_id, su.unit_id, c.status,
      su.answered_at IS NOT NULL AS answered, c.answer_due::text AS answer_due, i.finding,
      EXISTS (SELECT 1 FROM spot_check_inspectors si WHERE si.campaign_unit_id = su.id AND si.account_id = ${actor.id}) AS inspector,
      ${isUnit ? sql`false` : ownedBy(actor)} AS owner
    FROM spot_check_items i
    JOIN spot_check_units su ON su.id = i.campaign_unit_id
    JOIN spot_check_campaigns c ON c.id = su.campaign_id
    WHERE i.id = ${itemId} AND ${reach}${lock ? sql` FOR UPDATE OF i, su` : sql``}`);
  const row = (r.rows as unknown as ItemAccess[])[0];
  if (!row) throw notFound('抽查记录');
  return row;
}

/** Unit staff who answer for the whole unit: the unit account and its total admins (not a 二级管理员). */
export function unitOf(actor: Actor): number | null {
  if (actor.kind === 'unit_account' || (actor.kind === 'unit_admin' && actor.departmentId === null))
    return actor.unitId;
  return null;
}
