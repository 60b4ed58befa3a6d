import type { MySpotCheckFinding } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Caller } from '../auth/index';

/** A professional's records found 不属实 in a spot check; opening the list marks them seen (the 待办 goes). */
export async function myFindings(ctx: Caller): Promise<MySpotCheckFinding[]> {
  const r = await ctx.db.execute(sql`
    SELECT i.id, c.title AS campaign_title, c.owner_name, i.title, i.hours::float8 AS hours, c.year, i.finding_note, i.found_at
    FROM spot_check_items i
    JOIN spot_check_units su ON su.id = i.campaign_unit_id
    JOIN spot_check_campaigns c ON c.id = su.campaign_id
    WHERE i.account_id = ${ctx.actor.id} AND i.finding = 'false'
    ORDER BY i.found_at DESC`);
  await ctx.db.execute(sql`UPDATE spot_check_items SET person_seen_at = ${now()}
    WHERE account_id = ${ctx.actor.id} AND finding = 'false' AND person_seen_at IS NULL`);
  return (r.rows as Array<Record<string, unknown>>).map((x) => ({
    id: Number(x.id),
    campaignTitle: String(x.campaign_title),
    ownerName: String(x.owner_name),
    title: String(x.title),
    hours: Number(x.hours),
    year: Number(x.year),
    findingNote: (x.finding_note as string | null) ?? null,
    foundAt: new Date(x.found_at as string).toISOString(),
  }));
}
