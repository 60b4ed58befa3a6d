import type { Filing } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trainingFilings } from '../../db/schema/index';
import { filingView } from './filing-view';

/**
 * One filing by id, whatever its state, or null — for other areas (培训班 references a filed class by id and
 * reads its status, base, 备案号, 项目学时 and dates). Applies no scope: callers decide who may see it.
 */
export async function getFiling(db: Db, id: number): Promise<Filing | null> {
  const [f] = await db.select().from(trainingFilings).where(eq(trainingFilings.id, id));
  return f ? filingView(db, f) : null;
}
