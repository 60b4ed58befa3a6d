import type { UnitInput } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { regionPrefix, unitScope } from '../../auth/scope';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { authorities, industries, regions, units } from '../../db/schema/index';
import { invalid, notFound } from '../../errors';

/** Whether an HR bureau's region (the operator: the province) holds this region code. */
export function regionAllowed(actor: Actor, regionCode: string): boolean {
  if (actor.scope === 'province') return true;
  return actor.scope === 'region' && !!actor.regionCode && regionCode.startsWith(regionPrefix(actor.regionCode));
}

/** An HR bureau works within its region: a unit it creates or edits must lie there. */
export function assertRegionAllowed(actor: Actor, regionCode: string) {
  if (!regionAllowed(actor, regionCode)) throw invalid('regionCode', '只能在本辖区内创建或修改单位');
}

/** 所在地区 (a city or county), 行业 and 主管部门 exist. */
export async function assertRefs(
  db: Db,
  input: Partial<Pick<UnitInput, 'regionCode' | 'industryCode' | 'supervisingAuthorityId'>>,
) {
  if (input.regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!r || r.level === 'province') throw invalid('regionCode', '所在地区无效，请选择市或县（区）');
  }
  if (input.industryCode) {
    const [i] = await db
      .select({ code: industries.code })
      .from(industries)
      .where(eq(industries.code, input.industryCode));
    if (!i) throw invalid('industryCode', '行业代码无效，请从列表中选择');
  }
  if (input.supervisingAuthorityId) {
    const [a] = await db
      .select({ id: authorities.id })
      .from(authorities)
      .where(eq(authorities.id, input.supervisingAuthorityId));
    if (!a) throw invalid('supervisingAuthorityId', '主管部门不存在');
  }
}

/** A unit within the caller's scope, locked for the rest of the transaction; 404 otherwise. */
export async function lockScopedUnit(tx: Db, actor: Actor, id: number, label = '单位') {
  const [unit] = await tx
    .select()
    .from(units)
    .where(and(eq(units.id, id), unitScope(actor)))
    .for('update');
  if (!unit) throw notFound(label);
  return unit;
}
