import type { TransferRequest } from '@ptce/contracts';
import { inArray } from 'drizzle-orm';
import { units } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { movePersonToUnit } from '../org/index';
import { helpdeskPerson } from './person-file';

/**
 * 人员调动: the help desk moves a person to another unit (and, optionally, one of its departments).
 * As when the person changes unit themselves: what was submitted or approved keeps the unit it was
 * submitted to; drafts follow the person; the new unit sees them as 新注册 until it confirms. Audited
 * with both units and the reason.
 */
export async function transferPerson(ctx: Caller, id: number, input: TransferRequest) {
  await ctx.db.transaction(async (tx) => {
    await helpdeskPerson(tx, ctx.actor, id);
    const move = await movePersonToUnit(tx, id, input.unitId, input.departmentId);
    if (!move)
      throw new AppError('CONFLICT', '该人员已在所选单位，无需调动', [
        { field: 'unitId', reason: '该人员已在所选单位' },
      ]);
    const ids = [move.from.unitId, move.to.unitId].filter((u): u is number => u !== null);
    const names = new Map(
      (await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    await writeAudit(tx, ctx, {
      action: 'helpdesk.person.transfer',
      targetType: 'account',
      targetId: id,
      detail: {
        from: { ...move.from, unitName: move.from.unitId ? (names.get(move.from.unitId) ?? null) : null },
        to: { ...move.to, unitName: names.get(move.to.unitId) ?? null },
        draftsMoved: move.drafts,
        reason: input.reason,
      },
    });
  });
}
