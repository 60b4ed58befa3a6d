import type { Filing } from '@ptce/contracts';
import type { Caller } from '../auth/index';
import { filingScope } from './filing-scope';
import { filingView, findFiling } from './filing-view';

/** One filing for its base or a reviewer in scope; anyone else gets 404, as for a filing that does not exist. */
export async function readFiling(ctx: Caller, id: number): Promise<Filing> {
  return filingView(ctx.db, await findFiling(ctx.db, id, filingScope(ctx.actor)));
}
