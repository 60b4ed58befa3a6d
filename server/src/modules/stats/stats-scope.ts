import { regionPrefix } from '@ptce/rules';
import type { StatsQuery } from '@ptce/contracts';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { units } from '../../db/schema/index';
import { keptRefresh } from '../compliance/index';
import { refreshStats } from './refresh-stats';

/**
 * The units a dashboard counts: the caller's scope (auth/scope) narrowed by the page's region and industry.
 * Every statistics query joins `units` (unaliased) to its aggregate and filters with this.
 */
export function statsUnits(actor: Actor, q: Pick<StatsQuery, 'region' | 'industry'>): SQL {
  const where: SQL[] = [unitScope(actor, units.id)];
  if (q.region) where.push(sql`units.region_code LIKE ${regionPrefix(q.region) + '%'}`);
  if (q.industry) where.push(sql`units.industry_code = ${q.industry}`);
  return and(...where)!;
}

/**
 * When the year's aggregates were last brought up to date. A year never computed is computed now (the first
 * look at a new year, or a fresh database), so a dashboard never shows an empty year that has data.
 */
export async function statsAsOf(db: Db, year: number): Promise<string | null> {
  let kept = await keptRefresh(db, year);
  if (!kept) {
    await refreshStats(db, { year });
    kept = await keptRefresh(db, year);
  }
  return kept?.asOf ?? null;
}
