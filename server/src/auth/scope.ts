import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts, units } from '../db/schema/index';
import type { Actor } from './actor';
import { regionPrefix } from '@ptce/rules';

/**
 * The one place that turns an actor's scope into a SQL condition. Every list, lookup, export and
 * action on professionals goes through `personScope`; on units through `unitScope`. An actor outside
 * the scope sees nothing, so out-of-scope targets answer 404 rather than leaking their existence.
 */
export function unitIdsInRegion(regionCode: string): SQL {
  return sql`(SELECT u.id FROM units u WHERE u.region_code LIKE ${regionPrefix(regionCode) + '%'})`;
}

export { regionPrefix };

const NOTHING = sql`false`;

export function unitScope(actor: Actor, unitId: AnyPgColumn = units.id): SQL {
  switch (actor.scope) {
    case 'province':
      return sql`true`;
    case 'region':
      return actor.regionCode ? sql`${unitId} IN ${unitIdsInRegion(actor.regionCode)}` : NOTHING;
    case 'industry':
      return actor.authorityId
        ? sql`${unitId} IN (SELECT u.id FROM units u WHERE u.supervising_authority_id = ${actor.authorityId}${
            actor.industryCode ? sql` OR u.industry_code = ${actor.industryCode}` : sql``
          })`
        : NOTHING;
    case 'unit':
    case 'department':
      return actor.unitId ? eq(unitId, actor.unitId) : NOTHING;
    default:
      return NOTHING;
  }
}

/** Condition on a table of professionals (default: accounts) restricting it to the actor's scope. */
export function personScope(
  actor: Actor,
  cols: { id: AnyPgColumn; unitId: AnyPgColumn; departmentId: AnyPgColumn } = accounts,
): SQL {
  switch (actor.scope) {
    case 'self':
      return eq(cols.id, actor.id);
    case 'department':
      return actor.unitId && actor.departmentScopeIds?.length
        ? (and(eq(cols.unitId, actor.unitId), inArray(cols.departmentId, actor.departmentScopeIds)) as SQL)
        : NOTHING;
    case 'base':
      return NOTHING;
    default:
      return unitScope(actor, cols.unitId);
  }
}
