import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, hourRecords } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { recordScope } from './record-scope';

/** One record within the actor's scope, locked for update when `lock` — or 404. */
export async function findRecord(ctx: Caller, db: Db, id: number, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ r: hourRecords })
    .from(hourRecords)
    .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
    .where(and(eq(hourRecords.id, id), recordScope(ctx.actor)));
  const [row] = opts.lock ? await q.for('update', { of: hourRecords }) : await q;
  if (!row) throw notFound('学时记录');
  return row.r;
}
