import type { FilingChangeInput, FilingInput } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { trainingFilingChanges, trainingFilings } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { assertTraineesFit, followFiling } from '../classes/index';
import { baseThatMayFile, checkFiling } from './check-filing';
import { contentOf, inputOf, lockFiling } from './filing-view';
import { ownFilings, reviewScope } from './filing-scope';
import { filingColumns, writeContent } from './write-content';

type Snapshot = FilingInput & { hours: number };

/** The fields that differ between two snapshots, as {from, to} (the audit log's 变更 shows them). */
function diffOf(before: Snapshot, after: Snapshot): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after) as (keyof Snapshot)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) diff[k] = { from: before[k], to: after[k] };
  }
  return diff;
}

/**
 * 申请变更 of a filed class: the whole new content with a reason, reviewed again like a filing. The class stays
 * filed as it was until the change is approved; one open change at a time. Audited.
 */
export async function requestChange(ctx: Caller, id: number, input: FilingChangeInput): Promise<{ changeId: number }> {
  await baseThatMayFile(ctx.db, ctx.actor.baseId);
  const computed = await checkFiling(ctx.db, input.content);
  return ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, ownFilings(ctx.actor));
    if (f.status !== 'filed') throw new AppError('STATE_CHANGED', '只有已备案的培训项目可以申请变更');
    if (computed.year !== f.year)
      throw new AppError('VALIDATION', '变更不能改变培训年度', [
        { field: 'startDate', reason: '变更不能改变培训年度' },
      ]);
    const [open] = await tx
      .select({ id: trainingFilingChanges.id })
      .from(trainingFilingChanges)
      .where(and(eq(trainingFilingChanges.filingId, id), eq(trainingFilingChanges.status, 'pending')));
    if (open) throw new AppError('CONFLICT', '该培训项目已有待审核的变更');
    const previous: Snapshot = { ...inputOf(f, await contentOf(tx, id)), hours: f.hours };
    const proposed: Snapshot = { ...input.content, hours: computed.hours };
    const diff = diffOf(previous, proposed);
    if (!Object.keys(diff).length) throw new AppError('VALIDATION', '变更内容与已备案内容相同');
    await assertTraineesFit(tx, id, computed.hours);
    const [c] = await tx
      .insert(trainingFilingChanges)
      .values({ filingId: id, reason: input.reason, proposed, previous, submittedAt: now(), submittedBy: ctx.actor.id })
      .returning({ id: trainingFilingChanges.id });
    await writeAudit(tx, ctx, {
      action: 'bases.filing.change.request',
      targetType: 'training_filing',
      targetId: id,
      detail: { filingNo: f.filingNo, reason: input.reason, diff },
    });
    return { changeId: c!.id };
  });
}

async function openChange(ctx: Caller, tx: Caller['db'], id: number) {
  const f = await lockFiling(tx, id, reviewScope(ctx.actor));
  const [c] = await tx
    .select()
    .from(trainingFilingChanges)
    .where(and(eq(trainingFilingChanges.filingId, id), eq(trainingFilingChanges.status, 'pending')))
    .for('update');
  if (!c) throw notFound('待审核的变更');
  return { f, c };
}

/**
 * 变更通过: the proposed content replaces the filing's (the 备案号 stays), and its 培训班 with the trainees'
 * records follows; audited before → after.
 */
export async function approveChange(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { f, c } = await openChange(ctx, tx, id);
    const proposed = c.proposed as Snapshot;
    const computed = await checkFiling(tx, proposed);
    const at = now();
    await tx
      .update(trainingFilings)
      .set({ ...filingColumns(proposed, computed), updatedAt: at })
      .where(eq(trainingFilings.id, id));
    await writeContent(tx, id, proposed);
    // Its 培训班 and the trainees' records follow (refused if a trainee now holds more than the 项目学时).
    const followed = await followFiling(tx, id);
    await tx
      .update(trainingFilingChanges)
      .set({ status: 'approved', decidedAt: at, decidedBy: ctx.actor.id, decidedByName: ctx.actor.name })
      .where(eq(trainingFilingChanges.id, c.id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.change.approve',
      targetType: 'training_filing',
      targetId: id,
      detail: {
        filingNo: f.filingNo,
        reason: c.reason,
        diff: diffOf(c.previous as Snapshot, { ...proposed, hours: computed.hours }),
        ...(followed && { classId: followed.classId, classRecords: followed.records }),
      },
    });
  });
}

/** 变更退回 with a reason: the filing stays as filed; the base may request another change. Audited. */
export async function returnChange(ctx: Caller, id: number, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { f, c } = await openChange(ctx, tx, id);
    await tx
      .update(trainingFilingChanges)
      .set({
        status: 'returned',
        decidedAt: now(),
        decidedBy: ctx.actor.id,
        decidedByName: ctx.actor.name,
        returnReason: reason,
      })
      .where(eq(trainingFilingChanges.id, c.id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.change.return',
      targetType: 'training_filing',
      targetId: id,
      detail: { filingNo: f.filingNo, reason },
    });
  });
}
