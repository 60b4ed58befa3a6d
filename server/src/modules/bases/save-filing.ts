import type { FilingInput } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { trainingFilings } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { baseThatMayFile, checkFiling } from './check-filing';
import { lockFiling } from './filing-view';
import { ownFilings } from './filing-scope';
import { filingColumns, writeContent } from './write-content';

/** 新建培训备案 (草稿) by a base that may file; 项目学时 computed from the schedule. Audited. */
export async function createFiling(ctx: Caller, input: FilingInput): Promise<{ id: number }> {
  const base = await baseThatMayFile(ctx.db, ctx.actor.baseId);
  const computed = await checkFiling(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const [f] = await tx
      .insert(trainingFilings)
      .values({
        ...filingColumns(input, computed),
        baseId: base.id,
        status: 'draft',
        createdBy: ctx.actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: trainingFilings.id });
    await writeContent(tx, f!.id, input);
    await writeAudit(tx, ctx, {
      action: 'bases.filing.create',
      targetType: 'training_filing',
      targetId: f!.id,
      detail: { name: input.name, hours: computed.hours },
    });
    return { id: f!.id };
  });
}

/** 修改 a draft or a returned filing (退回 → edited → submitted again). A filed class changes only by 变更. */
export async function updateFiling(ctx: Caller, id: number, input: FilingInput): Promise<{ id: number }> {
  await baseThatMayFile(ctx.db, ctx.actor.baseId);
  const computed = await checkFiling(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, ownFilings(ctx.actor));
    if (f.status !== 'draft' && f.status !== 'returned')
      throw new AppError(
        'STATE_CHANGED',
        f.status === 'filed' ? '已备案的培训项目只能通过“变更”修改' : '该备案正在审核中，不能修改',
      );
    await tx
      .update(trainingFilings)
      .set({ ...filingColumns(input, computed), updatedAt: now() })
      .where(eq(trainingFilings.id, id));
    await writeContent(tx, id, input);
    await writeAudit(tx, ctx, {
      action: 'bases.filing.update',
      targetType: 'training_filing',
      targetId: id,
      detail: { name: input.name, hours: computed.hours, status: f.status },
    });
    return { id };
  });
}

/** 删除 a draft that was never submitted. Audited. */
export async function deleteFiling(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const f = await lockFiling(tx, id, ownFilings(ctx.actor));
    if (f.status !== 'draft') throw new AppError('STATE_CHANGED', '只能删除未提交的草稿');
    await tx.delete(trainingFilings).where(eq(trainingFilings.id, id));
    await writeAudit(tx, ctx, {
      action: 'bases.filing.delete',
      targetType: 'training_filing',
      targetId: id,
      detail: { name: f.name },
    });
  });
}
