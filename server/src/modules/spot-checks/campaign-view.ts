import type {
  SpotCheckDetail,
  SpotCheckFile,
  SpotCheckItem,
  SpotCheckSummary,
  SpotCheckUnitPart,
} from '@ptce/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { DrawPopulation } from '../../db/schema/index';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The list columns of campaigns (over `c`) matching `where`, newest first. */
export async function campaignSummaries(db: Db, where: SQL, limit = 200): Promise<SpotCheckSummary[]> {
  const r = await db.execute(sql`
    SELECT c.id, c.title, c.year, c.owner_name, c.scope_label, c.sample_of, c.status, c.answer_due::text AS answer_due,
      c.created_at, c.finished_at,
      (SELECT count(*)::int FROM spot_check_units su WHERE su.campaign_id = c.id) AS units,
      (SELECT count(*)::int FROM spot_check_items i JOIN spot_check_units su ON su.id = i.campaign_unit_id WHERE su.campaign_id = c.id) AS items,
      (SELECT count(*)::int FROM spot_check_items i JOIN spot_check_units su ON su.id = i.campaign_unit_id WHERE su.campaign_id = c.id AND i.finding IS NOT NULL) AS found
    FROM spot_check_campaigns c WHERE ${where}
    ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`);
  return (r.rows as Array<Record<string, unknown>>).map((x) => ({
    id: Number(x.id),
    title: String(x.title),
    year: Number(x.year),
    ownerName: String(x.owner_name),
    scopeLabel: String(x.scope_label),
    sampleOf: x.sample_of as SpotCheckSummary['sampleOf'],
    status: x.status as SpotCheckSummary['status'],
    answerDue: String(x.answer_due),
    createdAt: iso(x.created_at)!,
    finishedAt: iso(x.finished_at),
    units: Number(x.units),
    items: Number(x.items),
    found: Number(x.found),
  }));
}

/**
 * A campaign with its draw and the parts `partWhere` selects (over `su`): all of them for its staff and
 * inspectors, the caller's own for a sampled unit.
 */
export async function campaignDetail(
  db: Db,
  id: number,
  viewer: { accountId: number; owner: boolean },
  partWhere: SQL = sql`true`,
): Promise<SpotCheckDetail> {
  const [summary] = await campaignSummaries(db, sql`c.id = ${id}`, 1);
  const c = (
    await db.execute(sql`SELECT seed, algorithm, population, conclusion, unit_size_mode, unit_size_value,
      item_size_mode, item_size_value, inspectors_per_unit FROM spot_check_campaigns WHERE id = ${id}`)
  ).rows[0] as Record<string, unknown>;
  const parts = await campaignParts(db, sql`su.campaign_id = ${id} AND ${partWhere}`, viewer.accountId);
  const population = (typeof c.population === 'string' ? JSON.parse(c.population) : c.population) as DrawPopulation;
  return {
    ...summary!,
    conclusion: (c.conclusion as string | null) ?? null,
    owner: viewer.owner,
    draw: {
      seed: String(c.seed),
      algorithm: String(c.algorithm),
      unitSize: { mode: c.unit_size_mode as 'percent' | 'count', value: Number(c.unit_size_value) },
      itemSize: { mode: c.item_size_mode as 'percent' | 'count', value: Number(c.item_size_value) },
      inspectorsPerUnit: Number(c.inspectors_per_unit),
      population,
    },
    parts,
  };
}

export async function campaignParts(db: Db, where: SQL, viewerId: number): Promise<SpotCheckUnitPart[]> {
  const units = (
    await db.execute(sql`SELECT su.id, su.unit_id, su.unit_name, su.draw_order, su.answer_note, su.answered_at
      FROM spot_check_units su WHERE ${where} ORDER BY su.campaign_id, su.draw_order`)
  ).rows as Array<Record<string, unknown>>;
  if (units.length === 0) return [];
  const partIds = sql.join(
    units.map((u) => sql`${Number(u.id)}`),
    sql`, `,
  );
  const inspectors = (
    await db.execute(sql`SELECT si.campaign_unit_id, si.account_id, si.name, a.username FROM spot_check_inspectors si
      JOIN accounts a ON a.id = si.account_id WHERE si.campaign_unit_id IN (${partIds}) ORDER BY si.draw_order`)
  ).rows as Array<Record<string, unknown>>;
  const items = (
    await db.execute(sql`SELECT i.id, i.campaign_unit_id, i.record_id::int AS record_id, i.person_name, i.title,
        i.organizer, i.start_date::text AS start_date, i.end_date::text AS end_date, i.hours::float8 AS hours, i.finding,
        i.finding_note, i.found_by_name, i.found_at, i.hours_removed_at
      FROM spot_check_items i WHERE i.campaign_unit_id IN (${partIds}) ORDER BY i.id`)
  ).rows as Array<Record<string, unknown>>;
  const files = (
    await db.execute(sql`SELECT f.id, f.item_id, f.kind, f.file_name, f.mime, f.size, f.uploaded_at
      FROM spot_check_files f JOIN spot_check_items i ON i.id = f.item_id
      WHERE i.campaign_unit_id IN (${partIds}) ORDER BY f.id`)
  ).rows as Array<Record<string, unknown>>;
  const filesOf = new Map<number, SpotCheckFile[]>();
  for (const f of files) {
    const list = filesOf.get(Number(f.item_id)) ?? [];
    list.push({
      id: Number(f.id),
      kind: f.kind as SpotCheckFile['kind'],
      fileName: String(f.file_name),
      mime: String(f.mime),
      size: Number(f.size),
      uploadedAt: iso(f.uploaded_at)!,
    });
    filesOf.set(Number(f.item_id), list);
  }
  return units.map((u) => {
    const partId = Number(u.id);
    const ins = inspectors.filter((x) => Number(x.campaign_unit_id) === partId);
    return {
      id: partId,
      unitId: Number(u.unit_id),
      unitName: String(u.unit_name),
      drawOrder: Number(u.draw_order),
      inspectors: ins.map((x) => ({ id: Number(x.account_id), name: String(x.name), username: String(x.username) })),
      answerNote: (u.answer_note as string | null) ?? null,
      answeredAt: iso(u.answered_at),
      mine: ins.some((x) => Number(x.account_id) === viewerId),
      items: items
        .filter((i) => Number(i.campaign_unit_id) === partId)
        .map((i): SpotCheckItem => ({
          id: Number(i.id),
          recordId: Number(i.record_id),
          personName: String(i.person_name),
          title: String(i.title),
          organizer: String(i.organizer),
          startDate: String(i.start_date),
          endDate: String(i.end_date),
          hours: Number(i.hours),
          finding: (i.finding as SpotCheckItem['finding']) ?? null,
          findingNote: (i.finding_note as string | null) ?? null,
          foundByName: (i.found_by_name as string | null) ?? null,
          foundAt: iso(i.found_at),
          hoursRemovedAt: iso(i.hours_removed_at),
          files: filesOf.get(Number(i.id)) ?? [],
        })),
    };
  });
}
