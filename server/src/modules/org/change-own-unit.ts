import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts, hourRecords, units } from '../../db/schema/index';
import { invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';

/**
 * 我的信息 — change of 人事（劳动）关系所在单位. Records already reviewed keep the unit they were
 * submitted to; new submissions go to the new unit. The department is cleared (it belonged to the old unit).
 */
export async function changeOwnUnit(ctx: Caller, unitId: number) {
  await ctx.db.transaction(async (tx) => {
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!unit) throw invalid('unitId', '所选单位不存在，请重新搜索选择');
    const [before] = await tx.select({ unitId: accounts.unitId }).from(accounts).where(eq(accounts.id, ctx.actor.id));
    if (before?.unitId === unitId) return;
    // The new unit has not vouched for the person yet: 新注册 there until it confirms.
    await tx
      .update(accounts)
      .set({ unitId, departmentId: null, pendingConfirmation: true, updatedAt: now() })
      .where(eq(accounts.id, ctx.actor.id));
    // Unsubmitted drafts follow the person; everything already submitted stays with the old unit.
    await tx
      .update(hourRecords)
      .set({ unitId, updatedAt: now() })
      .where(and(eq(hourRecords.accountId, ctx.actor.id), eq(hourRecords.status, 'draft')));
    await writeAudit(tx, ctx, {
      action: 'org.me.unit.change',
      targetType: 'account',
      targetId: ctx.actor.id,
      detail: { from: before?.unitId ?? null, to: unitId },
    });
  });
}
