import type { StatsQuery } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { readerOf, type Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { statsOverview } from './overview';
import { renderStatsReport } from './report-pdf';
import { unitLeague } from './unit-league';

const WORST_UNITS = 20;

/** 年度继续教育统计报告 for the caller's scope (and the region and industry chosen on the page). */
export async function statsReport(ctx: Caller, q: StatsQuery) {
  const overview = await statsOverview(ctx, q);
  const worst = await unitLeague(ctx, { ...q, region: overview.region?.code, page: 1, pageSize: WORST_UNITS });
  const scopeName = [await scopeLabel(ctx), overview.region?.name, q.industry ? `行业 ${q.industry}` : null]
    .filter(Boolean)
    .join(' · ');
  const pdf = await renderStatsReport({ overview, scopeName, worstUnits: worst.items, generatedAt: now() });
  await writeAudit(ctx.db, ctx, { action: 'exports.stats.report', detail: { filter: q, bytes: pdf.length } });
  return { fileName: `${q.year}年度继续教育统计报告.pdf`, pdf };
}

/** Whose figures these are: the authority's name, or the province for the operator. */
async function scopeLabel(ctx: Caller): Promise<string> {
  if (ctx.actor.scope === 'province' || !ctx.actor.authorityId) return '广西壮族自治区';
  const r = (await readerOf(ctx).execute(sql`SELECT name FROM authorities WHERE id = ${ctx.actor.authorityId}`))
    .rows[0] as { name: string } | undefined;
  return r?.name ?? '广西壮族自治区';
}
