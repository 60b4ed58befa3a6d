import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../clock';
import type { SessionStore } from '../../auth/sessions';
import { accounts, units } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockScopedUnit } from './unit-checks';

/** The accounts that act for a unit (its 单位账号 and admins): refused at login while it is disabled. */
export const UNIT_SIDE_KINDS = ['unit_account', 'unit_admin'] as const;

/**
 * 停用 / 启用 a unit. Disabled, its 单位账号 and admins cannot log in (their sessions end now) and it
 * leaves the unit pickers of 注册 and 更改所在单位; its people still log in as professionals. A merged
 * unit stays disabled. An HR bureau only within its region (others' units answer 404).
 */
export async function setUnitEnabled(ctx: Caller, sessions: SessionStore, id: number, enabled: boolean) {
  await ctx.db.transaction(async (tx) => {
    const unit = await lockScopedUnit(tx, ctx.actor, id);
    if (unit.mergedIntoId) throw new AppError('STATE_CHANGED', '该单位已合并至其他单位，不能启用或停用');
    if (enabled === !unit.disabledAt) return;
    const at = now();
    await tx
      .update(units)
      .set({ disabledAt: enabled ? null : at, updatedAt: at })
      .where(eq(units.id, id));
    let endedSessions = 0;
    if (!enabled) {
      const unitSide = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.unitId, id), inArray(accounts.kind, [...UNIT_SIDE_KINDS])));
      for (const a of unitSide) await sessions.destroyAllFor(tx, a.id);
      endedSessions = unitSide.length;
    }
    await writeAudit(tx, ctx, {
      action: enabled ? 'org.unit.enable' : 'org.unit.disable',
      targetType: 'unit',
      targetId: id,
      detail: { name: unit.name, ...(enabled ? {} : { accountsSignedOut: endedSessions }) },
    });
  });
}
