import type { DepartmentRow } from '@ptce/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, departments } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { isUniqueViolation } from '../../db/sql-helpers';
import { lockUnit, unitOf } from './unit-of';

const DUPLICATE = '同一上级部门下已有同名部门';

/** 单位部门管理: departments of the caller's unit with their staff and admin counts. */
export async function listDepartments(ctx: Caller): Promise<DepartmentRow[]> {
  const unitId = unitOf(ctx.actor);
  return ctx.db
    .select({
      id: departments.id,
      name: departments.name,
      parentId: departments.parentId,
      // Qualified by hand: in a single-table select Drizzle renders ${departments.id} as a bare "id",
      // which inside the subquery would mean a.id.
      staffCount: sql<number>`(SELECT count(*)::int FROM accounts a WHERE a.department_id = "departments"."id" AND a.kind = 'professional' AND a.unit_id = ${unitId})`,
      adminCount: sql<number>`(SELECT count(*)::int FROM accounts a WHERE a.department_id = "departments"."id" AND a.kind = 'unit_admin')`,
    })
    .from(departments)
    .where(eq(departments.unitId, unitId))
    .orderBy(asc(departments.id));
}

async function findOwn(db: Db, unitId: number, id: number) {
  const [d] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.unitId, unitId)));
  if (!d) throw notFound('部门');
  return d;
}

/** Two levels at most: a parent must itself be a top-level department of the same unit. */
async function assertParent(db: Db, unitId: number, parentId: number | null, selfId?: number) {
  if (parentId === null) return;
  if (parentId === selfId) throw invalid('parentId', '不能把部门移到它自己之下');
  const [p] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, parentId), eq(departments.unitId, unitId)));
  if (!p) throw invalid('parentId', '上级部门不存在');
  if (p.parentId !== null) throw invalid('parentId', '部门最多两级：上级部门必须是一级部门');
}

function unique<T>(p: Promise<T>): Promise<T> {
  return p.catch((e) => {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', DUPLICATE, [{ field: 'name', reason: DUPLICATE }]);
    throw e;
  });
}

export async function createDepartment(ctx: Caller, input: { name: string; parentId: number | null }) {
  const unitId = unitOf(ctx.actor);
  return unique(
    ctx.db.transaction(async (tx) => {
      await lockUnit(tx, unitId);
      await assertParent(tx, unitId, input.parentId);
      const [d] = await tx
        .insert(departments)
        .values({ unitId, name: input.name, parentId: input.parentId, createdAt: now() })
        .returning();
      await writeAudit(tx, ctx, {
        action: 'org.department.create',
        targetType: 'department',
        targetId: d!.id,
        detail: { unitId, name: input.name, parentId: input.parentId },
      });
      return { id: d!.id };
    }),
  );
}

/** Rename and/or move. A department with sub-departments cannot go under another one (three levels). */
export async function updateDepartment(ctx: Caller, id: number, input: { name?: string; parentId?: number | null }) {
  const unitId = unitOf(ctx.actor);
  await unique(
    ctx.db.transaction(async (tx) => {
      await lockUnit(tx, unitId);
      const d = await findOwn(tx, unitId, id);
      if (input.parentId !== undefined && input.parentId !== d.parentId) {
        await assertParent(tx, unitId, input.parentId, id);
        if (input.parentId !== null) {
          const [child] = await tx
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.parentId, id))
            .limit(1);
          if (child) throw invalid('parentId', '该部门下还有下级部门，不能再移到其他部门之下（部门最多两级）');
        }
      }
      await tx
        .update(departments)
        .set({ name: input.name ?? d.name, parentId: input.parentId === undefined ? d.parentId : input.parentId })
        .where(eq(departments.id, id));
      await writeAudit(tx, ctx, {
        action: 'org.department.update',
        targetType: 'department',
        targetId: id,
        detail: { from: { name: d.name, parentId: d.parentId }, to: input },
      });
    }),
  );
}

/** Only an empty department can go: no sub-departments, no staff, no admins. */
export async function deleteDepartment(ctx: Caller, id: number) {
  const unitId = unitOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    await lockUnit(tx, unitId);
    const d = await findOwn(tx, unitId, id);
    const [children] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(departments)
      .where(eq(departments.parentId, id));
    const [people] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(eq(accounts.departmentId, id));
    if ((children?.n ?? 0) > 0)
      throw new AppError('CONFLICT', `部门“${d.name}”下还有${children!.n}个下级部门，请先删除或移走下级部门`);
    if ((people?.n ?? 0) > 0)
      throw new AppError('CONFLICT', `部门“${d.name}”下还有${people!.n}名人员（含管理员），请先调整他们的部门`);
    await tx.delete(departments).where(eq(departments.id, id));
    await writeAudit(tx, ctx, {
      action: 'org.department.delete',
      targetType: 'department',
      targetId: id,
      detail: { name: d.name },
    });
  });
}

/** Departments an actor may assign people to: the whole unit, or a department admin's own subtree. */
export async function assertAssignableDepartment(
  ctx: Caller,
  db: Db,
  departmentId: number | null,
  field = 'departmentId',
) {
  const unitId = unitOf(ctx.actor);
  if (departmentId === null) {
    if (ctx.actor.departmentScopeIds) throw invalid(field, '二级管理员只能把人员分配到本部门');
    return;
  }
  const [d] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.unitId, unitId)));
  if (!d) throw invalid(field, '部门不存在或不属于本单位');
  if (ctx.actor.departmentScopeIds && !ctx.actor.departmentScopeIds.includes(departmentId))
    throw invalid(field, '二级管理员只能把人员分配到本部门');
}
