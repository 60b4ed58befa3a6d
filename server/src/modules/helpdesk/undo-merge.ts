import type { AccountMergeCounts } from '@ptce/contracts';
import { ACCOUNT_RULES } from '@ptce/rules';
import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import { accountMerges } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { sideOf } from './account-merges';
import { countsOf, moveBack, undoConflicts, type MergeMoved } from './merge-moves';
import { helpdeskPerson } from './person-file';

/**
 * 撤销合并: within the window, exactly the rows the merge moved go back to the merged account, which is
 * unmarked and gets its login state back (its old sessions stay ended). Refused when the kept account
 * has since built on what it received (named), or after the window. Audited on both accounts.
 */
export async function undoAccountMerge(
  ctx: Caller,
  mergeId: number,
  input: { reason: string },
): Promise<AccountMergeCounts> {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(accountMerges).where(eq(accountMerges.id, mergeId)).for('update');
    if (!m) throw notFound('合并记录');
    const [first, second] = m.keptId < m.mergedId ? [m.keptId, m.mergedId] : [m.mergedId, m.keptId];
    await tx.execute(sql`SELECT id FROM accounts WHERE id IN (${first}, ${second}) ORDER BY id FOR UPDATE`);
    const kept = await helpdeskPerson(tx, ctx.actor, m.keptId);
    const merged = await helpdeskPerson(tx, ctx.actor, m.mergedId);
    if (m.undoneAt) throw new AppError('STATE_CHANGED', '这次合并已撤销');
    const at = now();
    if (at > m.undoUntil)
      throw new AppError('STATE_CHANGED', `已超过撤销期限（合并后${ACCOUNT_RULES.mergeUndoDays}天内可撤销）`);
    if (kept.a.mergedIntoId)
      throw new AppError('STATE_CHANGED', `保留账号“${kept.a.name}”已被合并至其他账号，请先撤销那次合并`);
    const moved = m.moved as unknown as MergeMoved;
    const conflicts = await undoConflicts(tx, m.keptId, moved, m.mergedAt);
    if (conflicts.length)
      throw new AppError(
        'CONFLICT',
        `不能撤销合并：${conflicts.join('；')}`,
        conflicts.map((reason) => ({ field: 'mergeId', reason })),
      );
    await moveBack(tx, m.mergedId, m.keptId, moved);
    await tx.execute(sql`UPDATE accounts SET login_enabled = ${m.mergedLoginEnabled}, merged_into_id = NULL, updated_at = ${at}
      WHERE id = ${m.mergedId}`);
    await tx
      .update(accountMerges)
      .set({ undoneAt: at, undoneBy: ctx.actor.id, undoReason: input.reason })
      .where(eq(accountMerges.id, m.id));
    const counts = countsOf(moved);
    const detail = { mergeId: m.id, kept: sideOf(kept), merged: sideOf(merged), counts, reason: input.reason };
    await writeAudit(tx, ctx, {
      action: 'helpdesk.account.merge.undo',
      targetType: 'account',
      targetId: m.keptId,
      detail,
    });
    await writeAudit(tx, ctx, {
      action: 'helpdesk.account.merge.undone',
      targetType: 'account',
      targetId: m.mergedId,
      detail,
    });
    return counts;
  });
}
