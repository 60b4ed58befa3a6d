import type { PublicSpotCheck, PublicSpotCheckRow } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import { campaignDetail } from './campaign-view';

/** A person's name as published: the family name and 某/＊ for the rest (张＊＊), never an ID number. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '＊'.repeat(Math.max(1, chars.length - 1));
}

/** 一公开: finished campaigns, newest first, with their counts. */
export async function listPublicCampaigns(db: Db): Promise<PublicSpotCheckRow[]> {
  const r = await db.execute(sql`
    SELECT c.id, c.title, c.year, c.owner_name, c.scope_label, c.finished_at,
      (SELECT count(*)::int FROM spot_check_units su WHERE su.campaign_id = c.id) AS units,
      (SELECT count(*)::int FROM spot_check_items i JOIN spot_check_units su ON su.id = i.campaign_unit_id WHERE su.campaign_id = c.id) AS checked,
      (SELECT count(*)::int FROM spot_check_items i JOIN spot_check_units su ON su.id = i.campaign_unit_id WHERE su.campaign_id = c.id AND i.finding = 'false') AS false_count
    FROM spot_check_campaigns c WHERE c.status = 'finished' ORDER BY c.finished_at DESC, c.id DESC LIMIT 200`);
  return (r.rows as Array<Record<string, unknown>>).map((x) => ({
    id: Number(x.id),
    title: String(x.title),
    year: Number(x.year),
    ownerName: String(x.owner_name),
    scopeLabel: String(x.scope_label),
    finishedAt: new Date(x.finished_at as string).toISOString(),
    units: Number(x.units),
    checked: Number(x.checked),
    falseCount: Number(x.false_count),
  }));
}

/** One finished campaign as published: the draw (seed, algorithm, lists), per unit its inspectors and outcomes. */
export async function getPublicCampaign(db: Db, id: number): Promise<PublicSpotCheck> {
  const r = await db.execute(sql`SELECT 1 FROM spot_check_campaigns WHERE id = ${id} AND status = 'finished'`);
  if (r.rows.length === 0) throw notFound('抽查结果');
  const d = await campaignDetail(db, id, { accountId: 0, owner: false });
  const ids = d.draw.population.units;
  const names = ids.length
    ? ((
        await db.execute(
          sql`SELECT id, name FROM units WHERE id IN (${sql.join(
            ids.map((x) => sql`${x}`),
            sql`, `,
          )})`,
        )
      ).rows as Array<{ id: number; name: string }>)
    : [];
  return {
    id: d.id,
    title: d.title,
    year: d.year,
    ownerName: d.ownerName,
    scopeLabel: d.scopeLabel,
    sampleOf: d.sampleOf,
    createdAt: d.createdAt,
    finishedAt: d.finishedAt!,
    conclusion: d.conclusion,
    draw: d.draw,
    unitNames: Object.fromEntries(names.map((n) => [String(n.id), n.name])),
    units: d.parts.map((p) => ({
      unitName: p.unitName,
      drawOrder: p.drawOrder,
      inspectors: p.inspectors.map((i) => i.name),
      checked: p.items.length,
      trueCount: p.items.filter((i) => i.finding === 'true').length,
      falseCount: p.items.filter((i) => i.finding === 'false').length,
      incompleteCount: p.items.filter((i) => i.finding === 'incomplete').length,
      hoursRemoved: p.items.reduce((s, i) => s + (i.hoursRemovedAt ? i.hours : 0), 0),
      items: p.items.map((i) => ({
        personName: maskName(i.personName),
        title: i.title,
        hours: i.hours,
        finding: i.finding,
      })),
    })),
  };
}
