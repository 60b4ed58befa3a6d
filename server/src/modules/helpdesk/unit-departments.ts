import { asc, eq } from 'drizzle-orm';
import { departments, units } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';

/** 人员调动: the departments of the unit a person moves to, to pick one (optional); 404 for a unit that does not exist. */
export async function unitDepartments(ctx: Caller, unitId: number) {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('单位');
  return ctx.db
    .select({ id: departments.id, name: departments.name, parentId: departments.parentId })
    .from(departments)
    .where(eq(departments.unitId, unitId))
    .orderBy(asc(departments.id));
}
