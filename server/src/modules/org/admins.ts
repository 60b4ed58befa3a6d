import type { AdminInput, AdminRow, IssuedPassword } from '@ptce/contracts';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, departments } from '../../db/schema/index';
import { maskIdNumber, normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { writeAudit } from '../audit/index';
import { isUniqueViolation } from '../../db/sql-helpers';
import { idNumberAccountColumns, phoneColumns } from '../../db/pii';
import { idNumberIs } from '../../db/pii-lookup';
import { INITIAL_PASSWORD_TTL_MS, initialPasswordOf, issueTemporaryPassword } from './reset-password';
import { lockUnit, unitOf } from './unit-of';

const LAST_TOTAL_ADMIN = '单位须至少保留一名可登录的总管理员（未分配部门的管理员）';

export async function listAdmins(ctx: Caller): Promise<AdminRow[]> {
  const unitId = unitOf(ctx.actor);
  const rows = await ctx.db
    .select({ a: accounts, deptName: departments.name })
    .from(accounts)
    .leftJoin(departments, eq(departments.id, accounts.departmentId))
    .where(and(eq(accounts.unitId, unitId), eq(accounts.kind, 'unit_admin')))
    .orderBy(sql`${accounts.departmentId} NULLS FIRST`, asc(accounts.id));
  return rows.map(({ a, deptName }) => ({
    id: a.id,
    name: a.name,
    idNumberMasked: maskIdNumber(a.idNumber ?? ''),
    phone: a.phone,
    departmentId: a.departmentId,
    departmentName: deptName,
    loginEnabled: a.loginEnabled,
    mustChangePassword: a.mustChangePassword,
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
  }));
}

async function assertDepartment(db: Db, unitId: number, departmentId: number | null) {
  if (departmentId === null) return;
  const [d] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.unitId, unitId)));
  if (!d) throw invalid('departmentId', '部门不存在或不属于本单位');
}

async function findAdmin(db: Db, unitId: number, id: number) {
  const [a] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.unitId, unitId), eq(accounts.kind, 'unit_admin')));
  if (!a) throw notFound('管理员');
  return a;
}

/** Enabled total admins other than `exceptId`. */
async function otherTotalAdmins(db: Db, unitId: number, exceptId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .where(
      and(
        eq(accounts.unitId, unitId),
        eq(accounts.kind, 'unit_admin'),
        isNull(accounts.departmentId),
        eq(accounts.loginEnabled, true),
        ne(accounts.id, exceptId),
      ),
    );
  return r?.n ?? 0;
}

/**
 * 新增管理员: initial password = last six characters of the ID number (the notice's rule), changed at
 * first login and no longer accepted 7 days after creation if unused.
 */
export async function createAdmin(
  ctx: Caller,
  input: AdminInput,
): Promise<{ id: number; initialPasswordHint: string; passwordExpiresAt: string }> {
  const unitId = unitOf(ctx.actor);
  const idNumber = normalizeIdNumber(input.idNumber);
  const check = validateIdNumber(idNumber, shanghaiDate());
  if (!check.ok) throw invalid('idNumber', check.reason);
  const passwordHash = await hashPassword(initialPasswordOf(idNumber));
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockUnit(tx, unitId);
      await assertDepartment(tx, unitId, input.departmentId);
      // As in 注册: also finds a number stored under PII_KEY_PREVIOUS during a key rotation.
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.kind, 'unit_admin'), idNumberIs(idNumber)))
        .limit(1);
      if (taken)
        throw new AppError('CONFLICT', '该身份证号码已是单位管理员账号', [
          { field: 'idNumber', reason: '该身份证号码已是单位管理员账号' },
        ]);
      const at = now();
      const expires = new Date(at.getTime() + INITIAL_PASSWORD_TTL_MS);
      const [a] = await tx
        .insert(accounts)
        .values({
          kind: 'unit_admin',
          realm: 'unit',
          ...idNumberAccountColumns(idNumber),
          passwordHash,
          mustChangePassword: true,
          passwordExpiresAt: expires,
          loginEnabled: input.loginEnabled,
          name: input.name,
          ...phoneColumns(input.phone),
          gender: check.gender,
          birthDate: check.birthDate,
          unitId,
          departmentId: input.departmentId,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: accounts.id });
      await writeAudit(tx, ctx, {
        action: 'org.admin.create',
        targetType: 'account',
        targetId: a!.id,
        detail: { unitId, departmentId: input.departmentId, loginEnabled: input.loginEnabled },
      });
      return {
        id: a!.id,
        initialPasswordHint: '初始密码为身份证号码后六位，7日内有效，首次登录须修改',
        passwordExpiresAt: expires.toISOString(),
      };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', '该身份证号码已是单位管理员账号', [
        { field: 'idNumber', reason: '该身份证号码已是单位管理员账号' },
      ]);
    throw e;
  }
}

/** 修改: name, phone, department (none = total admin), 允许登录系统. */
export async function updateAdmin(
  ctx: Caller,
  sessions: SessionStore,
  id: number,
  input: { name?: string; phone?: string; departmentId?: number | null; loginEnabled?: boolean },
) {
  const unitId = unitOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    await lockUnit(tx, unitId);
    const a = await findAdmin(tx, unitId, id);
    if (input.departmentId !== undefined) await assertDepartment(tx, unitId, input.departmentId);
    const stillTotal = (input.departmentId === undefined ? a.departmentId : input.departmentId) === null;
    const stillEnabled = input.loginEnabled ?? a.loginEnabled;
    const wasTotal = a.departmentId === null && a.loginEnabled;
    if (wasTotal && !(stillTotal && stillEnabled) && (await otherTotalAdmins(tx, unitId, id)) === 0) {
      throw new AppError('CONFLICT', LAST_TOTAL_ADMIN);
    }
    await tx
      .update(accounts)
      .set({ ...input, ...(input.phone !== undefined ? phoneColumns(input.phone) : {}), updatedAt: now() })
      .where(eq(accounts.id, id));
    if (input.loginEnabled === false) await sessions.destroyAllFor(tx, id);
    await writeAudit(tx, ctx, {
      action: input.loginEnabled === false && a.loginEnabled ? 'org.admin.disable' : 'org.admin.update',
      targetType: 'account',
      targetId: id,
      detail: { fields: Object.keys(input), departmentId: input.departmentId, loginEnabled: input.loginEnabled },
    });
  });
}

/** 重置密码: a random temporary password, shown once to the caller, valid 72 hours. */
export async function resetAdminPassword(ctx: Caller, sessions: SessionStore, id: number): Promise<IssuedPassword> {
  const unitId = unitOf(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const a = await findAdmin(tx, unitId, id);
    const issued = await issueTemporaryPassword(tx, a, sessions);
    await writeAudit(tx, ctx, {
      action: 'org.admin.password.reset',
      targetType: 'account',
      targetId: id,
      detail: { expiresAt: issued.expiresAt },
    });
    return issued;
  });
}

export async function deleteAdmin(ctx: Caller, id: number) {
  const unitId = unitOf(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    await lockUnit(tx, unitId);
    const a = await findAdmin(tx, unitId, id);
    if (a.id === ctx.actor.id) throw new AppError('CONFLICT', '不能删除当前登录的管理员账号');
    if (a.departmentId === null && a.loginEnabled && (await otherTotalAdmins(tx, unitId, id)) === 0)
      throw new AppError('CONFLICT', LAST_TOTAL_ADMIN);
    await tx.delete(accounts).where(eq(accounts.id, id));
    await writeAudit(tx, ctx, {
      action: 'org.admin.delete',
      targetType: 'account',
      targetId: id,
      detail: { name: a.name },
    });
  });
}
