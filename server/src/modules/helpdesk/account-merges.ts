import type { AccountMergeRow, AccountMergeSide } from '@ptce/contracts';
import { desc, eq, inArray, or } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accountMerges, accounts, units } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { countsOf, type MergeMoved } from './merge-moves';

/** One side of a merge as the help desk sees it (ID number masked). */
export const sideOf = ({
  a,
  unit,
}: {
  a: typeof accounts.$inferSelect;
  unit: { name: string } | null;
}): AccountMergeSide => ({
  id: a.id,
  name: a.name,
  idNumberMasked: a.idNumber ? maskIdNumber(a.idNumber) : '',
  unitName: unit?.name ?? null,
  loginEnabled: a.loginEnabled,
});

/** The merges an account took part in (kept or merged), newest first, with whether 撤销合并 is open. */
export async function accountMergesOf(db: Db, accountId: number): Promise<AccountMergeRow[]> {
  const merges = await db
    .select()
    .from(accountMerges)
    .where(or(eq(accountMerges.keptId, accountId), eq(accountMerges.mergedId, accountId)))
    .orderBy(desc(accountMerges.mergedAt), desc(accountMerges.id));
  if (!merges.length) return [];
  const ids = [
    ...new Set(merges.flatMap((m) => [m.keptId, m.mergedId, m.mergedBy, ...(m.undoneBy ? [m.undoneBy] : [])])),
  ];
  const people = new Map(
    (
      await db
        .select({ a: accounts, unit: units })
        .from(accounts)
        .leftJoin(units, eq(units.id, accounts.unitId))
        .where(inArray(accounts.id, ids))
    ).map((r) => [r.a.id, r]),
  );
  const at = now();
  return merges.map((m) => ({
    id: m.id,
    kept: sideOf(people.get(m.keptId)!),
    merged: sideOf(people.get(m.mergedId)!),
    reason: m.reason,
    counts: countsOf(m.moved as unknown as MergeMoved),
    mergedAt: m.mergedAt.toISOString(),
    mergedByName: people.get(m.mergedBy)?.a.name ?? null,
    undoUntil: m.undoUntil.toISOString(),
    undoneAt: m.undoneAt?.toISOString() ?? null,
    undoneByName: m.undoneBy ? (people.get(m.undoneBy)?.a.name ?? null) : null,
    undoReason: m.undoReason,
    canUndo: !m.undoneAt && at <= m.undoUntil,
  }));
}
