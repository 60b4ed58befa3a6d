import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, departments, hourRecords, units } from '../../db/schema/index';
import { invalid } from '../../errors';

export interface PersonMove {
  from: { unitId: number | null; departmentId: number | null };
  to: { unitId: number; departmentId: number | null };
  /** drafts that followed the person */
  drafts: number;
}

/**
 * A change of 人事（劳动）关系所在单位, by the person (我的信息) or by the help desk (人员调动): records
 * already submitted or reviewed keep the unit they were submitted to; unsubmitted drafts follow the
 * person; the new unit sees them as 新注册 until it confirms. The department, if any, must be the new
 * unit's. Null when the person is already there (nothing changes). Call inside the caller's transaction.
 */
export async function movePersonToUnit(
  tx: Db,
  accountId: number,
  unitId: number,
  departmentId: number | null = null,
): Promise<PersonMove | null> {
  const [unit] = await tx
    .select({ id: units.id, disabledAt: units.disabledAt })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw invalid('unitId', '所选单位不存在，请重新搜索选择');
  if (unit.disabledAt) throw invalid('unitId', '所选单位已停用，请选择其他单位');
  if (departmentId !== null) {
    const [dept] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, departmentId), eq(departments.unitId, unitId)));
    if (!dept) throw invalid('departmentId', '所选部门不属于调入单位');
  }
  const [before] = await tx
    .select({ unitId: accounts.unitId, departmentId: accounts.departmentId })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for('update');
  if (!before || before.unitId === unitId) return null;
  const at = now();
  // The new unit has not vouched for the person yet: 新注册 there until it confirms.
  await tx
    .update(accounts)
    .set({ unitId, departmentId, pendingConfirmation: true, updatedAt: at })
    .where(eq(accounts.id, accountId));
  // Unsubmitted drafts follow the person; everything already submitted stays with the old unit.
  const drafts = await tx
    .update(hourRecords)
    .set({ unitId, updatedAt: at })
    .where(and(eq(hourRecords.accountId, accountId), eq(hourRecords.status, 'draft')))
    .returning({ id: hourRecords.id });
  return { from: before, to: { unitId, departmentId }, drafts: drafts.length };
}
