import { and, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { units } from '../../db/schema/index';
import { ownerOf } from './campaign-scope';

/**
 * Records a spot check may draw: approved professional hours the unit recorded or reviewed (an industry system's
 * own pushes are checked by that system).
 */
export const ELIGIBLE = sql`r.status = 'approved' AND r.source <> 'integration'`;

/** The units of the caller's scope in use that have records of the year to check, ids ascending. */
export async function unitPopulation(db: Db, actor: Actor, year: number): Promise<number[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        unitScope(actor),
        isNull(units.disabledAt),
        sql`EXISTS (SELECT 1 FROM hour_records r WHERE r.unit_id = ${units.id} AND r.year = ${year} AND ${ELIGIBLE})`,
      ),
    )
    .orderBy(units.id);
  return rows.map((r) => r.id);
}

/** What is drawn within a unit: its eligible record ids, or the people who have such records. */
export async function itemPopulation(
  db: Db,
  unitId: number,
  year: number,
  sampleOf: 'records' | 'people',
): Promise<number[]> {
  const r = await db.execute(
    sampleOf === 'records'
      ? sql`SELECT r.id::int AS id FROM hour_records r WHERE r.unit_id = ${unitId} AND r.year = ${year} AND ${ELIGIBLE} ORDER BY r.id`
      : sql`SELECT DISTINCT r.account_id AS id FROM hour_records r WHERE r.unit_id = ${unitId} AND r.year = ${year} AND ${ELIGIBLE} ORDER BY 1`,
  );
  return (r.rows as Array<{ id: number }>).map((x) => Number(x.id));
}

export interface PoolMember {
  id: number;
  name: string;
  username: string;
}

/** The inspectors' pool: the enabled staff accounts of the caller's organisation, ids ascending. */
export async function inspectorPool(db: Db, actor: Actor): Promise<PoolMember[]> {
  const owner = ownerOf(actor);
  if (!owner) return [];
  const who =
    owner.authorityId === null
      ? sql`a.kind = 'operator'`
      : sql`a.kind IN ('authority', 'hr_bureau') AND a.authority_id = ${owner.authorityId}`;
  const r = await db.execute(
    sql`SELECT a.id, a.name, a.username FROM accounts a WHERE ${who} AND a.login_enabled ORDER BY a.id`,
  );
  return r.rows as unknown as PoolMember[];
}

/** The scope in words: the bureau's region, the authority's name, or the province. */
export async function scopeLabel(db: Db, actor: Actor): Promise<{ owner: string; scope: string }> {
  if (actor.kind === 'operator') return { owner: '培训中心', scope: '全区' };
  const r = await db.execute(sql`
    SELECT au.name AS owner, coalesce(rg.name, '') AS region, coalesce(ind.name, '') AS industry, au.kind
    FROM authorities au
    LEFT JOIN regions rg ON rg.code = au.region_code
    LEFT JOIN industries ind ON ind.code = au.industry_code
    WHERE au.id = ${actor.authorityId ?? 0}`);
  const row = (r.rows as Array<{ owner: string; region: string; industry: string; kind: string }>)[0];
  if (!row) return { owner: actor.name, scope: '' };
  return {
    owner: row.owner,
    scope: actor.kind === 'hr_bureau' ? `${row.region}所辖单位` : `主管及${row.industry || '本行业'}单位`,
  };
}
