import type { IssuedPassword, StaffQuery, StaffRow } from '@ptce/contracts';
import { and, asc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { now } from '../../clock';
import { personScope } from '../../auth/scope';
import type { SessionStore } from '../../auth/sessions';
import type { Db } from '../../db/client';
import { accounts, departments } from '../../db/schema/index';
import { idNumberIs } from '../../db/pii-lookup';
import { phoneColumns } from '../../db/pii';
import { maskIdNumber } from '../../domain/id-number';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { assertAssignableDepartment } from './departments';
import { issueTemporaryPassword } from './reset-password';
import { escapeLike } from '../../db/sql-helpers';

/**
 * Name or ID-number search: a full ID number matches exactly, digits match by prefix, else a name prefix —
 * of accounts.name, or of a copy of it (hour_records.person_name) given as `name`. An ID number is looked up
 * on `accounts`, which the query must join.
 */
export function personSearch(q: string, name: AnyPgColumn = accounts.name): SQL {
  const s = q.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return idNumberIs(s);
  // Part of an ID number finds nobody: the number is stored encrypted, found only whole by its hash.
  if (/^\d{4,17}$/.test(s)) return sql`false`;
  return like(name, `${escapeLike(s)}%`);
}

/** 专业技术人员管理: the unit's professionals within the caller's scope. */
export async function listStaff(ctx: Caller, q: z.infer<typeof StaffQuery>) {
  const scope = and(eq(accounts.kind, 'professional'), personScope(ctx.actor)) as SQL;
  const where: SQL[] = [scope];
  if (q.q) where.push(personSearch(q.q));
  if (q.newRegistration !== undefined) where.push(eq(accounts.pendingConfirmation, q.newRegistration));
  if (q.departmentId !== undefined)
    where.push(q.departmentId === 0 ? isNull(accounts.departmentId) : eq(accounts.departmentId, q.departmentId));
  const cond = and(...where);
  const [rows, [count], [pending]] = await Promise.all([
    ctx.db
      .select({ a: accounts, deptName: departments.name })
      .from(accounts)
      .leftJoin(departments, eq(departments.id, accounts.departmentId))
      .where(cond)
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(cond),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(and(scope, eq(accounts.pendingConfirmation, true))),
  ]);
  const items: StaffRow[] = rows.map(({ a, deptName }) => ({
    id: a.id,
    name: a.name,
    idNumberMasked: maskIdNumber(a.idNumber ?? ''),
    gender: a.gender,
    phone: a.phone,
    email: a.email,
    departmentId: a.departmentId,
    departmentName: deptName,
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    newRegistration: a.pendingConfirmation,
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize, newRegistrationCount: pending?.n ?? 0 };
}

/** One professional within the caller's scope, or 404 — out-of-scope people do not exist for the caller. */
export async function findStaff(ctx: Caller, db: Db, id: number) {
  const [p] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.kind, 'professional'), personScope(ctx.actor)));
  if (!p) throw notFound('人员');
  return p;
}

export async function updateStaff(
  ctx: Caller,
  id: number,
  input: { departmentId?: number | null; phone?: string; email?: string },
) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    if (input.departmentId !== undefined) await assertAssignableDepartment(ctx, tx, input.departmentId);
    await tx
      .update(accounts)
      .set({ ...input, ...(input.phone !== undefined ? phoneColumns(input.phone) : {}), updatedAt: now() })
      .where(eq(accounts.id, p.id));
    await writeAudit(tx, ctx, {
      action: 'org.staff.update',
      targetType: 'account',
      targetId: id,
      detail: { fields: Object.keys(input), departmentId: input.departmentId },
    });
  });
}

/**
 * The notice's way for a forgotten password: the unit admin resets it to a random temporary password,
 * shown once and valid 72 hours; the person changes it at next login.
 */
export async function resetStaffPassword(ctx: Caller, sessions: SessionStore, id: number): Promise<IssuedPassword> {
  return ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    const issued = await issueTemporaryPassword(tx, p, sessions);
    await writeAudit(tx, ctx, {
      action: 'org.staff.password.reset',
      targetType: 'account',
      targetId: id,
      detail: { expiresAt: issued.expiresAt },
    });
    return issued;
  });
}

/** A person who left the unit: detached from unit and department; their history stays. */
export async function removeStaff(ctx: Caller, id: number, reason: string | undefined) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    await tx
      .update(accounts)
      .set({ unitId: null, departmentId: null, pendingConfirmation: false, updatedAt: now() })
      .where(eq(accounts.id, p.id));
    await writeAudit(tx, ctx, {
      action: 'org.staff.remove',
      targetType: 'account',
      targetId: id,
      detail: { unitId: p.unitId, reason: reason ?? null, newRegistration: p.pendingConfirmation },
    });
  });
}

/** 确认 a 新注册 person: the unit accepts that they work there; the mark goes away. */
export async function confirmStaff(ctx: Caller, id: number) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    if (!p.pendingConfirmation) throw new AppError('CONFLICT', '该人员已确认为本单位人员，无需再次确认');
    await tx.update(accounts).set({ pendingConfirmation: false, updatedAt: now() }).where(eq(accounts.id, p.id));
    await writeAudit(tx, ctx, {
      action: 'org.staff.confirm',
      targetType: 'account',
      targetId: id,
      detail: { unitId: p.unitId },
    });
  });
}
