import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { authorities, trainingBases, units } from '../../db/schema/index';
import { AppError } from '../../errors';

export interface Organiser {
  kind: 'base' | 'unit' | 'authority';
  baseId: number | null;
  unitId: number | null;
  authorityId: number | null;
  name: string;
}

/** The organiser the actor acts for (its base, unit or authority); refused for anyone else. */
export async function organiserOf(db: Db, actor: Actor): Promise<Organiser> {
  const none = { baseId: null, unitId: null, authorityId: null };
  if (actor.kind === 'base' && actor.baseId) {
    const [b] = await db
      .select({ name: trainingBases.name })
      .from(trainingBases)
      .where(eq(trainingBases.id, actor.baseId));
    if (b)
      return {
        ...none,
        kind: 'base',
        baseId: actor.baseId,
        name: b.name.endsWith('基地') ? b.name : `${b.name}继续教育基地`,
      };
  }
  if ((actor.kind === 'unit_account' || actor.kind === 'unit_admin') && actor.scope === 'unit' && actor.unitId) {
    const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId));
    if (u) return { ...none, kind: 'unit', unitId: actor.unitId, name: u.name };
  }
  if (actor.kind === 'authority' && actor.authorityId) {
    const [a] = await db
      .select({ name: authorities.name })
      .from(authorities)
      .where(eq(authorities.id, actor.authorityId));
    if (a) return { ...none, kind: 'authority', authorityId: actor.authorityId, name: a.name };
  }
  throw new AppError('FORBIDDEN', '只有继续教育基地、单位（总管理员或单位账号）和行业主管部门可以举办培训班');
}
