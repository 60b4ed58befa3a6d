import type { UnitUpdate } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts, units } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { assertRefs, assertRegionAllowed, lockScopedUnit } from './unit-checks';

type UnitFields = Omit<typeof units.$inferSelect, 'id' | 'creditCode' | 'createdAt' | 'updatedAt'>;

/**
 * 修改: rename, 所在地区, 行业, 主管部门, 单位类型, 联系人 and 联系电话. The 统一社会信用代码 (the 单位账号's
 * username) never changes. A rename keeps history: certificates keep the unit name they were issued with
 * (their stored snapshot); hour records name the unit by id, so the audit entry keeps the old name and
 * the new one. An HR bureau edits only units of its region and cannot move one out of it.
 */
export async function updateUnit(ctx: Caller, id: number, input: UnitUpdate): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const unit = await lockScopedUnit(tx, ctx.actor, id);
    if (input.regionCode) assertRegionAllowed(ctx.actor, input.regionCode);
    await assertRefs(tx, input);
    const set: Partial<UnitFields> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(input) as Array<keyof UnitUpdate>) {
      let value = input[key];
      if ((key === 'contactName' || key === 'contactPhone') && value === '') value = null;
      if (value === undefined || value === unit[key]) continue;
      (set as Record<string, unknown>)[key] = value;
      changes[key] = { from: unit[key], to: value };
    }
    if (!Object.keys(changes).length) return;
    await tx
      .update(units)
      .set({ ...set, updatedAt: now() })
      .where(eq(units.id, id));
    if (set.name)
      await tx
        .update(accounts)
        .set({ name: set.name, updatedAt: now() })
        .where(and(eq(accounts.unitId, id), eq(accounts.kind, 'unit_account')));
    await writeAudit(tx, ctx, {
      action: set.name ? 'org.unit.rename' : 'org.unit.update',
      targetType: 'unit',
      targetId: id,
      detail: { name: set.name ?? unit.name, fields: Object.keys(changes), changes },
    });
  });
}
