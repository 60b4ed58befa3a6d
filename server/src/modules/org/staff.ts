import type { StaffRow } from '@ptce/contracts';
import { StaffQuery } from '@ptce/contracts';
import { and, asc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { now } from '../../clock';
import { personScope } from '../../auth/scope';
import type { SessionStore } from '../../auth/sessions';
import type { Db } from '../../db/client';
import { accounts, departments } from '../../db/schema/index';
import { maskIdNumber, normalizeIdNumber } from '../../domain/id-number';
import { notFound } from '../../errors';
import type { Ctx } from '../../http/context';
import { writeAudit } from '../audit/write-audit';
import { assertAssignableDepartment } from './departments';
import { resetToInitialPassword } from './reset-password';
import { escapeLike } from '../../db/sql-helpers';

/** Name or ID-number search: a full ID number matches exactly, digits match by prefix, else a name prefix. */
export function personSearch(q: string): SQL {
  const s = q.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return eq(accounts.idNumber, normalizeIdNumber(s));
  if (/^\d{4,17}$/.test(s)) return like(accounts.idNumber, `${s}%`);
  return like(accounts.name, `${escapeLike(s)}%`);
}

/** 专业技术人员管理: the unit's professionals within the caller's scope. */
export async function listStaff(ctx: Ctx, q: z.infer<typeof StaffQuery>) {
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(ctx.actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId !== undefined) where.push(q.departmentId === 0 ? isNull(accounts.departmentId) : eq(accounts.departmentId, q.departmentId));
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({ a: accounts, deptName: departments.name })
      .from(accounts)
      .leftJoin(departments, eq(departments.id, accounts.departmentId))
      .where(cond)
      .orderBy(asc(accounts.name), asc(accounts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(cond),
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
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** One professional within the caller's scope, or 404 — out-of-scope people do not exist for the caller. */
export async function findStaff(ctx: Ctx, db: Db, id: number) {
  const [p] = await db.select().from(accounts).where(and(eq(accounts.id, id), eq(accounts.kind, 'professional'), personScope(ctx.actor)));
  if (!p) throw notFound('人员');
  return p;
}

export async function updateStaff(ctx: Ctx, id: number, input: { departmentId?: number | null; phone?: string; email?: string }) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    if (input.departmentId !== undefined) await assertAssignableDepartment(ctx, tx, input.departmentId);
    await tx.update(accounts).set({ ...input, updatedAt: now() }).where(eq(accounts.id, p.id));
    await writeAudit(tx, ctx, { action: 'org.staff.update', targetType: 'account', targetId: id, detail: { fields: Object.keys(input), departmentId: input.departmentId } });
  });
}

/** The notice's way for a forgotten password: the unit admin resets it; the person changes it at next login. */
export async function resetStaffPassword(ctx: Ctx, sessions: SessionStore, id: number) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    await resetToInitialPassword(tx, p, sessions);
    await writeAudit(tx, ctx, { action: 'org.staff.password.reset', targetType: 'account', targetId: id });
  });
}

/** A person who left the unit: detached from unit and department; their history stays. */
export async function removeStaff(ctx: Ctx, id: number, reason: string | undefined) {
  await ctx.db.transaction(async (tx) => {
    const p = await findStaff(ctx, tx, id);
    await tx.update(accounts).set({ unitId: null, departmentId: null, updatedAt: now() }).where(eq(accounts.id, p.id));
    await writeAudit(tx, ctx, { action: 'org.staff.remove', targetType: 'account', targetId: id, detail: { unitId: p.unitId, reason: reason ?? null } });
  });
}
