import { eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { trainingClasses } from '../../db/schema/index';

/**
 * The classes an actor reaches: an organiser its own (a base by base, a unit by unit, an authority by
 * authority), the operator all of them, anyone else none — so another organiser's class answers 404.
 */
export function classScope(actor: Actor): SQL {
  switch (actor.kind) {
    case 'base':
      return actor.baseId ? eq(trainingClasses.baseId, actor.baseId) : sql`false`;
    case 'unit_account':
    case 'unit_admin':
      // A 二级管理员 (department admin) is no organiser.
      return actor.unitId && actor.scope === 'unit' ? eq(trainingClasses.unitId, actor.unitId) : sql`false`;
    case 'authority':
      return actor.authorityId ? eq(trainingClasses.authorityId, actor.authorityId) : sql`false`;
    case 'operator':
      return sql`true`;
    default:
      return sql`false`;
  }
}

/** Whether the actor organises classes (not the operator, who only reads them). */
export function isOrganiser(actor: Actor): boolean {
  return (
    (actor.kind === 'base' && actor.baseId !== null) ||
    ((actor.kind === 'unit_account' || actor.kind === 'unit_admin') &&
      actor.scope === 'unit' &&
      actor.unitId !== null) ||
    (actor.kind === 'authority' && actor.authorityId !== null)
  );
}
