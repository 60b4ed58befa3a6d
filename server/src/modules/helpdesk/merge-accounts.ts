import type { AccountMergePreview, AccountMergeResult } from '@ptce/contracts';
import { ACCOUNT_RULES } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accountMerges } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { sideOf } from './account-merges';
import { countsOf, mergeConflicts, moveAll, pendingMoves } from './merge-moves';
import { helpdeskPerson } from './person-file';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MERGE_UNDO_MS = ACCOUNT_RULES.mergeUndoDays * DAY_MS;

/** Both professionals, reachable by the caller and locked in id order; neither already merged away. */
async function lockPair(tx: Db, ctx: Caller, keptId: number, mergedId: number) {
  if (keptId === mergedId) throw invalid('mergedId', '不能将账号与其自身合并');
  const [first, second] = keptId < mergedId ? [keptId, mergedId] : [mergedId, keptId];
  await tx.execute(sql`SELECT id FROM accounts WHERE id IN (${first}, ${second}) ORDER BY id FOR UPDATE`);
  const kept = await helpdeskPerson(tx, ctx.actor, keptId);
  const merged = await helpdeskPerson(tx, ctx.actor, mergedId);
  for (const [p, field] of [
    [kept, 'keptId'],
    [merged, 'mergedId'],
  ] as const)
    if (p.a.mergedIntoId)
      throw new AppError('STATE_CHANGED', `“${p.a.name}”的账号已被合并，不能再参与合并（可先撤销那次合并）`, [
        { field, reason: '账号已被合并' },
      ]);
  return { kept, merged };
}

/** 合并账号 → the confirmation: both accounts, what would move, and the conflicts that forbid it. */
export async function previewAccountMerge(ctx: Caller, keptId: number, mergedId: number): Promise<AccountMergePreview> {
  return ctx.db.transaction(async (tx) => {
    const { kept, merged } = await lockPair(tx, ctx, keptId, mergedId);
    return {
      kept: sideOf(kept),
      merged: sideOf(merged),
      counts: await pendingMoves(tx, mergedId),
      conflicts: await mergeConflicts(tx, keptId, mergedId),
    };
  });
}

/**
 * 合并账号: two accounts of one person become the kept one, in one transaction. Hours records (with their
 * history and evidence files), exam rounds and attempts, course progress and completions, public hours,
 * certificates (revoked ones too), makeup requests and personal deadline reopenings move to the kept
 * account; the merged account is disabled, marked 已合并 and its sessions end. Refused, naming each
 * conflict, when both accounts hold data of one year that a person can only have once. Every moved row
 * is recorded for 撤销合并 within ACCOUNT_RULES.mergeUndoDays; audited on both accounts.
 */
export async function mergeAccounts(
  ctx: Caller,
  keptId: number,
  input: { mergedId: number; reason: string },
): Promise<AccountMergeResult> {
  return ctx.db.transaction(async (tx) => {
    const { kept, merged } = await lockPair(tx, ctx, keptId, input.mergedId);
    const conflicts = await mergeConflicts(tx, kept.a.id, merged.a.id);
    if (conflicts.length)
      throw new AppError(
        'CONFLICT',
        `不能合并：${conflicts.join('；')}`,
        conflicts.map((reason) => ({ field: 'mergedId', reason })),
      );
    const moved = await moveAll(tx, merged.a.id, kept.a.id);
    const at = now();
    await tx.execute(sql`UPDATE accounts SET login_enabled = false, merged_into_id = ${kept.a.id}, updated_at = ${at}
      WHERE id = ${merged.a.id}`);
    await tx.execute(sql`DELETE FROM sessions WHERE account_id = ${merged.a.id}`);
    const [row] = await tx
      .insert(accountMerges)
      .values({
        keptId: kept.a.id,
        mergedId: merged.a.id,
        reason: input.reason,
        moved: moved as unknown as Record<string, unknown>,
        mergedLoginEnabled: merged.a.loginEnabled,
        mergedAt: at,
        mergedBy: ctx.actor.id,
        undoUntil: new Date(at.getTime() + MERGE_UNDO_MS),
      })
      .returning({ id: accountMerges.id });
    const counts = countsOf(moved);
    const detail = { mergeId: row!.id, kept: sideOf(kept), merged: sideOf(merged), counts, reason: input.reason };
    await writeAudit(tx, ctx, { action: 'helpdesk.account.merge', targetType: 'account', targetId: kept.a.id, detail });
    await writeAudit(tx, ctx, {
      action: 'helpdesk.account.merged-away',
      targetType: 'account',
      targetId: merged.a.id,
      detail,
    });
    return { mergeId: row!.id, counts };
  });
}
