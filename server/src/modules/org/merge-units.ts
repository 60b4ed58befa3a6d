import type { UnitMergeCounts, UnitMergePreview } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockScopedUnit } from './unit-checks';

/**
 * Every column that points at a unit, and what 合并单位 does with it: `move` re-points B's rows to A;
 * `keep` leaves them on B (a test fails when a new column referencing units is in neither list).
 */
export const MERGE_MOVES = [
  'accounts.unit_id', // its people (with their 新注册 marks) and admins; the 单位账号 is kept (below)
  'departments.unit_id',
  'hour_records.unit_id',
  'import_jobs.unit_id',
  'training_classes.unit_id', // 培训班 B organised: A's admins carry on (its trainees' records are hour_records)
] as const;
export const MERGE_KEEPS = [
  // B's own 单位账号 stays with B, which is disabled and cannot log in.
  'accounts.unit_id (unit_account)',
  // The unit a merged unit went into.
  'units.merged_into_id',
  // A deadline reopened for B was the operator's decision about B; it is not widened to all of A.
  'plan_reopenings.unit_id',
  // A spot check drew B: the published draw (seed and lists) must stay reproducible, so its sample keeps B.
  'spot_check_units.unit_id',
] as const;

const n = (v: unknown) => Number(v ?? 0);

async function countMoves(db: Db, sourceId: number, targetId: number): Promise<UnitMergeCounts> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    SELECT
      (SELECT count(*) FROM accounts WHERE unit_id = ${sourceId} AND kind = 'professional') AS people,
      (SELECT count(*) FROM accounts WHERE unit_id = ${sourceId} AND kind = 'professional' AND pending_confirmation) AS pending,
      (SELECT count(*) FROM accounts WHERE unit_id = ${sourceId} AND kind = 'unit_admin') AS admins,
      (SELECT count(*) FROM departments WHERE unit_id = ${sourceId}) AS departments,
      (SELECT count(*) FROM departments b WHERE b.unit_id = ${sourceId} AND b.parent_id IS NULL
         AND EXISTS (SELECT 1 FROM departments a WHERE a.unit_id = ${targetId} AND a.parent_id IS NULL AND a.name = b.name)) AS renamed,
      (SELECT count(*) FROM hour_records WHERE unit_id = ${sourceId}) AS records`);
  const r = rows[0] ?? {};
  return {
    people: n(r.people),
    departments: n(r.departments),
    renamedDepartments: n(r.renamed),
    admins: n(r.admins),
    records: n(r.records),
    pendingConfirmations: n(r.pending),
  };
}

/** Both units, in the caller's scope (an HR bureau: both in its region), locked in id order. */
async function lockPair(tx: Db, ctx: Caller, targetId: number, sourceId: number) {
  if (targetId === sourceId) throw invalid('sourceId', '不能将单位合并到其自身');
  const [first, second] = targetId < sourceId ? [targetId, sourceId] : [sourceId, targetId];
  const a = await lockScopedUnit(tx, ctx.actor, first);
  const b = await lockScopedUnit(tx, ctx.actor, second);
  const [target, source] = a.id === targetId ? [a, b] : [b, a];
  if (source.mergedIntoId) throw new AppError('STATE_CHANGED', `“${source.name}”已合并至其他单位`);
  if (target.disabledAt)
    throw new AppError('STATE_CHANGED', `“${target.name}”已停用，不能作为合并的目标单位，请先启用`, [
      { field: 'targetId', reason: '目标单位已停用' },
    ]);
  return { target, source };
}

/** What merging `sourceId` into `targetId` would move — for the confirmation. */
export async function previewMerge(ctx: Caller, targetId: number, sourceId: number): Promise<UnitMergePreview> {
  return ctx.db.transaction(async (tx) => {
    const { target, source } = await lockPair(tx, ctx, targetId, sourceId);
    return {
      target: { id: target.id, name: target.name },
      source: { id: source.id, name: source.name },
      counts: await countMoves(tx, source.id, target.id),
    };
  });
}

/**
 * 合并单位: B (source) goes into A (target), in one transaction. B's people (their 新注册 marks
 * included), departments (moved under A; a top-level one whose name A already has is renamed
 * "名称（原B）"), admins, hour records (their history follows the records) and import jobs move to A;
 * B keeps its 单位账号 and is disabled and marked 已合并至 A. Audited with the counts. An HR bureau
 * merges only units of its region (others' units answer 404).
 */
export async function mergeUnits(ctx: Caller, targetId: number, sourceId: number): Promise<UnitMergeCounts> {
  return ctx.db.transaction(async (tx) => {
    const { target, source } = await lockPair(tx, ctx, targetId, sourceId);
    const counts = await countMoves(tx, source.id, target.id);
    const at = now();

    // Top-level departments whose name A already uses: "办公室（原某某单位）", numbered if that is taken too.
    const { rows: clashes } = await tx.execute<{ id: number; name: string }>(sql`
      SELECT b.id, b.name FROM departments b
      WHERE b.unit_id = ${source.id} AND b.parent_id IS NULL
        AND EXISTS (SELECT 1 FROM departments a WHERE a.unit_id = ${target.id} AND a.parent_id IS NULL AND a.name = b.name)
      ORDER BY b.id`);
    for (const d of clashes) {
      for (let i = 1; ; i++) {
        const name = `${d.name}（原${source.name}${i > 1 ? i : ''}）`;
        const { rows: taken } = await tx.execute(sql`
          SELECT 1 FROM departments WHERE unit_id IN (${target.id}, ${source.id}) AND parent_id IS NULL AND name = ${name}`);
        if (taken.length) continue;
        await tx.execute(sql`UPDATE departments SET name = ${name} WHERE id = ${Number(d.id)}`);
        break;
      }
    }
    await tx.execute(sql`UPDATE departments SET unit_id = ${target.id} WHERE unit_id = ${source.id}`);
    await tx.execute(sql`
      UPDATE accounts SET unit_id = ${target.id}, updated_at = ${at}
      WHERE unit_id = ${source.id} AND kind <> 'unit_account'`);
    await tx.execute(sql`UPDATE hour_records SET unit_id = ${target.id} WHERE unit_id = ${source.id}`);
    await tx.execute(sql`UPDATE import_jobs SET unit_id = ${target.id} WHERE unit_id = ${source.id}`);
    await tx.execute(sql`UPDATE training_classes SET unit_id = ${target.id} WHERE unit_id = ${source.id}`);
    await tx.execute(sql`
      UPDATE units SET merged_into_id = ${target.id}, disabled_at = coalesce(disabled_at, ${at}), updated_at = ${at}
      WHERE id = ${source.id}`);
    // B's 单位账号 cannot log in any more (B is disabled); its open sessions end now.
    await tx.execute(sql`
      DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE unit_id = ${source.id} AND kind = 'unit_account')`);

    const detail = {
      target: { id: target.id, name: target.name },
      source: { id: source.id, name: source.name, creditCode: source.creditCode },
      counts,
    };
    await writeAudit(tx, ctx, { action: 'org.unit.merge', targetType: 'unit', targetId: target.id, detail });
    await writeAudit(tx, ctx, { action: 'org.unit.merged-away', targetType: 'unit', targetId: source.id, detail });
    return counts;
  });
}
