import { HOURS_BANDS, hoursBandLabels } from '@ptce/rules';
import { hourSourceLabel, type StatsOverview, type StatsQuery } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { readerOf, type Caller } from '../auth/index';
import { requirePlan } from '../plans/index';
import { KEPT_COUNT_COLUMNS, keptCountsOf } from '../compliance/index';
import { statsAsOf, statsUnits } from './stats-scope';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * The division a dashboard looks at: the one asked for, else an HR bureau's own region, else the province
 * (null). Its children are what the map and the area table show: cities of the province, counties of a city.
 */
export async function focusRegion(ctx: Caller, region: string | undefined) {
  const code = region ?? (ctx.actor.scope === 'region' ? (ctx.actor.regionCode ?? undefined) : undefined);
  if (!code) return { region: null, childLevel: 'city' as const };
  const r = (await readerOf(ctx).execute(sql`SELECT code, name, level FROM regions WHERE code = ${code}`)).rows[0] as
    { code: string; name: string; level: string } | undefined;
  if (!r || r.level === 'province') return { region: null, childLevel: 'city' as const };
  return { region: r, childLevel: r.level === 'city' ? ('county' as const) : null };
}

/** The areas one level below the focus (cities or counties), each with its counts. */
export async function areaRows(ctx: Caller, q: StatsQuery) {
  const focus = await focusRegion(ctx, q.region);
  const filter = { ...q, region: focus.region?.code };
  const areaCode = focus.childLevel === 'city' ? sql`substr(units.region_code, 1, 4) || '00'` : sql`units.region_code`;
  const { rows } = await readerOf(ctx).execute(sql`
    SELECT a.code, coalesce(g.name, a.code) AS name, a.people, a.met, a.compulsory_done, a.professional, a.pending, a.pending_old
    FROM (SELECT ${areaCode} AS code, ${KEPT_COUNT_COLUMNS}
          FROM stats_unit_year s JOIN units ON units.id = s.unit_id
          WHERE s.year = ${q.year} AND ${statsUnits(ctx.actor, filter)}
          GROUP BY 1) a
    LEFT JOIN regions g ON g.code = a.code
    ORDER BY a.code`);
  return {
    focus,
    rows: (rows as Row[]).map((r) => ({ code: String(r.code), name: String(r.name), ...keptCountsOf(r) })),
  };
}

/** By the units' industry (GB/T 4754 sections); units without one are 未填写行业. */
export async function industryRows(ctx: Caller, q: StatsQuery) {
  const { rows } = await readerOf(ctx).execute(sql`
    SELECT coalesce(units.industry_code, '') AS code, coalesce(i.name, '未填写行业') AS name, ${KEPT_COUNT_COLUMNS}
    FROM stats_unit_year s JOIN units ON units.id = s.unit_id LEFT JOIN industries i ON i.code = units.industry_code
    WHERE s.year = ${q.year} AND ${statsUnits(ctx.actor, q)}
    GROUP BY 1, 2 ORDER BY 1`);
  return (rows as Row[]).map((r) => ({ code: String(r.code), name: String(r.name), ...keptCountsOf(r) }));
}

/** Headline cards, hours by source, the distribution of hours, the monthly trend, areas and industries. */
export async function statsOverview(ctx: Caller, q: StatsQuery): Promise<StatsOverview> {
  const plan = await requirePlan(readerOf(ctx), q.year, 'year');
  const dataAsOf = await statsAsOf(readerOf(ctx), q.year);
  const { focus, rows: areas } = await areaRows(ctx, q);
  const filter = { ...q, region: focus.region?.code };
  const scoped = statsUnits(ctx.actor, filter);
  const totals = (
    await readerOf(ctx).execute(sql`
      SELECT ${KEPT_COUNT_COLUMNS}, coalesce(sum(s.band_none), 0) AS band_none, coalesce(sum(s.band_low), 0) AS band_low,
             coalesce(sum(s.band_mid), 0) AS band_mid, coalesce(sum(s.band_short), 0) AS band_short,
             coalesce(sum(s.band_full), 0) AS band_full
      FROM stats_unit_year s JOIN units ON units.id = s.unit_id WHERE s.year = ${q.year} AND ${scoped}`)
  ).rows[0] as Row;
  const sources = (
    await readerOf(ctx).execute(sql`
      SELECT s.source, sum(s.hours) AS hours, sum(s.records) AS records
      FROM stats_unit_source s JOIN units ON units.id = s.unit_id WHERE s.year = ${q.year} AND ${scoped}
      GROUP BY s.source ORDER BY sum(s.hours) DESC`)
  ).rows as Row[];
  const months = (
    await readerOf(ctx).execute(sql`
      SELECT s.month, sum(s.approvals) AS approvals, sum(s.completions) AS completions
      FROM stats_unit_month s JOIN units ON units.id = s.unit_id WHERE s.year = ${q.year} AND ${scoped}
      GROUP BY s.month`)
  ).rows as Row[];
  const byMonth = new Map(months.map((m) => [num(m.month), m]));
  // The trend runs through the later of the two deadlines (the professional one is in the next year).
  const lastMonth = Math.max(
    12,
    monthIndex(q.year, plan.publicDeadline),
    monthIndex(q.year, plan.professionalDeadline),
  );
  const labels = hoursBandLabels(plan);
  return {
    year: q.year,
    region: focus.region,
    childLevel: focus.childLevel,
    dataAsOf,
    totals: keptCountsOf(totals),
    sources: sources.map((s) => ({
      source: String(s.source),
      label: hourSourceLabel(String(s.source)),
      hours: num(s.hours),
      records: num(s.records),
    })),
    bands: HOURS_BANDS.map((b) => ({ band: b, label: labels[b], people: num(totals[`band_${b}`]) })),
    months: Array.from({ length: Math.min(24, lastMonth) }, (_, i) => i + 1).map((m) => ({
      month: m,
      label: m <= 12 ? `${m}月` : `${q.year + 1}年${m - 12}月`,
      approvals: num(byMonth.get(m)?.approvals),
      completions: num(byMonth.get(m)?.completions),
    })),
    deadlines: { publicDeadline: plan.publicDeadline, professionalDeadline: plan.professionalDeadline },
    areas,
    industries: await industryRows(ctx, filter),
  };
}

/** A date's month on the trend's axis: 1–12 in the year, 13–24 in the next. */
export function monthIndex(year: number, date: string): number {
  const [y, m] = date.split('-').map(Number);
  return (y! - year) * 12 + m!;
}
