import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import { accounts, hourRecords } from '../../db/schema/index';

const NOTHING = sql`false`;

/**
 * Which hour records an actor may see — built on the same scope rules as people (auth/scope.ts).
 * A record belongs to the unit in its unit_id (the person's unit when registered, the reviewing
 * unit once submitted), so a person who changes unit leaves their reviewed history with the old one.
 * Queries using this must join `accounts` on hourRecords.accountId (for department scope).
 */
export function recordScope(actor: Actor): SQL {
  switch (actor.scope) {
    case 'self':
      return eq(hourRecords.accountId, actor.id);
    case 'unit':
      return actor.unitId ? eq(hourRecords.unitId, actor.unitId) : NOTHING;
    case 'department':
      return actor.unitId && actor.departmentScopeIds?.length
        ? (and(eq(hourRecords.unitId, actor.unitId), inArray(accounts.departmentId, actor.departmentScopeIds)) as SQL)
        : NOTHING;
    case 'industry':
      return actor.authorityId
        ? sql`(${hourRecords.authorityId} = ${actor.authorityId} OR ${unitScope(actor, hourRecords.unitId)})`
        : NOTHING;
    case 'region':
    case 'province':
      return unitScope(actor, hourRecords.unitId);
    default:
      return NOTHING;
  }
}

/** Records waiting for this actor's decision: submitted to its unit (within its department) or to its authority. */
export function reviewScope(actor: Actor): SQL {
  if (actor.kind === 'authority') {
    return actor.authorityId
      ? (and(eq(hourRecords.reviewTarget, 'authority'), eq(hourRecords.authorityId, actor.authorityId)) as SQL)
      : NOTHING;
  }
  if (actor.scope === 'unit' || actor.scope === 'department') {
    return and(eq(hourRecords.reviewTarget, 'unit'), recordScope(actor)) as SQL;
  }
  return NOTHING;
}
