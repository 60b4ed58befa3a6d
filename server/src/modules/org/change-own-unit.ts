import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { movePersonToUnit } from './move-person';

/**
 * 我的信息 — change of 人事（劳动）关系所在单位. Records already reviewed keep the unit they were
 * submitted to; new submissions go to the new unit. The department is cleared (it belonged to the old unit).
 */
export async function changeOwnUnit(ctx: Caller, unitId: number) {
  await ctx.db.transaction(async (tx) => {
    const move = await movePersonToUnit(tx, ctx.actor.id, unitId);
    if (!move) return;
    await writeAudit(tx, ctx, {
      action: 'org.me.unit.change',
      targetType: 'account',
      targetId: ctx.actor.id,
      detail: { from: move.from.unitId, to: unitId },
    });
  });
}
