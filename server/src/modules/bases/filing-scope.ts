import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { trainingFilings } from '../../db/schema/index';

const NOTHING = sql`false`;

/** The bases an authority supervises (it reviews their filings besides the operator). */
const supervisedBy = (authorityId: number) =>
  sql`${trainingFilings.baseId} IN (SELECT b.id FROM training_bases b WHERE b.supervising_authority_id = ${authorityId})`;

/**
 * The filings a caller may read: a base its own (drafts included); the operator every submitted filing; an
 * authority the submitted filings of the bases it supervises. Everyone else nothing — out of scope is 404.
 */
export function filingScope(actor: Actor): SQL {
  switch (actor.kind) {
    case 'base':
      return actor.baseId ? sql`${trainingFilings.baseId} = ${actor.baseId}` : NOTHING;
    case 'operator':
      return sql`${trainingFilings.status} <> 'draft'`;
    case 'authority':
      return actor.authorityId
        ? sql`${trainingFilings.status} <> 'draft' AND ${supervisedBy(actor.authorityId)}`
        : NOTHING;
    default:
      return NOTHING;
  }
}

/** The filings a caller may decide on (审核, 变更审核): the operator's all, an authority's supervised bases'. */
export function reviewScope(actor: Actor): SQL {
  return actor.kind === 'operator' || actor.kind === 'authority' ? filingScope(actor) : NOTHING;
}

/** A base's own filings, for its commands (草稿, 提交, 变更). */
export function ownFilings(actor: Actor): SQL {
  return actor.kind === 'base' && actor.baseId ? sql`${trainingFilings.baseId} = ${actor.baseId}` : NOTHING;
}
