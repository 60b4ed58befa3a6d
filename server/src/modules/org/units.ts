import {
  type IssuedPassword,
  type UnitCreated,
  type UnitInput,
  type UnitListQuery,
  type UnitRow,
  type UnitUpdate,
} from '@ptce/contracts';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { now } from '../../clock';
import { regionPrefix, unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { accounts, authorities, industries, regions, units } from '../../db/schema/index';
import { normalizeCreditCode, validateCreditCode } from '../../domain/credit-code';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { INITIAL_PASSWORD_TTL_MS, issuePassword, randomPassword } from './reset-password';
import { writeAudit } from '../audit/index';
import { escapeLike, isUniqueViolation } from '../../db/sql-helpers';

/** An HR bureau works within its region: a unit it creates or edits must lie there. */
function assertRegionAllowed(ctx: Caller, regionCode: string) {
  if (ctx.actor.scope === 'province') return;
  if (ctx.actor.scope === 'region' && ctx.actor.regionCode && regionCode.startsWith(regionPrefix(ctx.actor.regionCode)))
    return;
  throw invalid('regionCode', '只能在本辖区内创建或修改单位');
}

async function assertRefs(db: Db, input: Partial<UnitInput>) {
  if (input.regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!r || r.level === 'province') throw invalid('regionCode', '所在地区无效，请选择市或县（区）');
  }
  if (input.industryCode) {
    const [i] = await db
      .select({ code: industries.code })
      .from(industries)
      .where(eq(industries.code, input.industryCode));
    if (!i) throw invalid('industryCode', '行业代码无效，请从列表中选择');
  }
  if (input.supervisingAuthorityId) {
    const [a] = await db
      .select({ id: authorities.id })
      .from(authorities)
      .where(eq(authorities.id, input.supervisingAuthorityId));
    if (!a) throw invalid('supervisingAuthorityId', '主管部门不存在');
  }
}

/**
 * A unit and its 单位账号: username = credit code; a random initial password shown once to the caller,
 * changed at first login and no longer accepted 7 days after creation if unused (the caller re-issues it).
 * The credit code is public, so nothing of it goes into the password.
 */
export async function createUnit(ctx: Caller, input: UnitInput): Promise<UnitCreated> {
  const creditCode = normalizeCreditCode(input.creditCode);
  const check = validateCreditCode(creditCode);
  if (!check.ok) throw invalid('creditCode', check.reason);
  assertRegionAllowed(ctx, input.regionCode);
  await assertRefs(ctx.db, input);
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const at = now();
      const expires = new Date(at.getTime() + INITIAL_PASSWORD_TTL_MS);
      const [unit] = await tx
        .insert(units)
        .values({ ...input, creditCode, createdAt: at, updatedAt: at })
        .returning();
      await tx.insert(accounts).values({
        kind: 'unit_account',
        realm: 'unit',
        username: creditCode,
        passwordHash,
        mustChangePassword: true,
        passwordExpiresAt: expires,
        loginEnabled: true,
        name: unit!.name,
        unitId: unit!.id,
        passwordChangedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await writeAudit(tx, ctx, {
        action: 'org.unit.create',
        targetType: 'unit',
        targetId: unit!.id,
        detail: { name: unit!.name, creditCode, passwordExpiresAt: expires.toISOString() },
      });
      return { id: unit!.id, account: { username: creditCode, password, expiresAt: expires.toISOString() } };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', '该统一社会信用代码的单位已存在', [
        { field: 'creditCode', reason: '该统一社会信用代码的单位已存在' },
      ]);
    throw e;
  }
}

/**
 * 重新生成初始密码 of a unit account (lost, or expired unused): a new random password shown once, valid
 * 7 days, changed at first login; the account's sessions end. An HR bureau only within its region.
 */
export async function reissueUnitAccountPassword(
  ctx: Caller,
  sessions: SessionStore,
  unitId: number,
): Promise<IssuedPassword> {
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), unitScope(ctx.actor)));
    if (!unit) throw notFound('单位');
    const [account] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.unitId, unitId), eq(accounts.kind, 'unit_account')));
    if (!account) throw notFound('单位账号');
    const issued = await issuePassword(tx, account, randomPassword(), INITIAL_PASSWORD_TTL_MS, sessions);
    await writeAudit(tx, ctx, {
      action: 'org.unit.account.password.reissue',
      targetType: 'account',
      targetId: account.id,
      detail: { unitId, expiresAt: issued.expiresAt },
    });
    return issued;
  });
}

export async function updateUnit(ctx: Caller, id: number, input: z.infer<typeof UnitUpdate>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.id, id), unitScope(ctx.actor)));
    if (!unit) throw notFound('单位');
    if (input.regionCode) assertRegionAllowed(ctx, input.regionCode);
    await assertRefs(tx, input);
    await tx
      .update(units)
      .set({ ...input, updatedAt: now() })
      .where(eq(units.id, id));
    if (input.name)
      await tx
        .update(accounts)
        .set({ name: input.name })
        .where(and(eq(accounts.unitId, id), eq(accounts.kind, 'unit_account')));
    await writeAudit(tx, ctx, {
      action: 'org.unit.update',
      targetType: 'unit',
      targetId: id,
      detail: { fields: Object.keys(input) },
    });
  });
}

export async function listUnits(
  ctx: Caller,
  q: z.infer<typeof UnitListQuery>,
): Promise<{ items: UnitRow[]; total: number; page: number; pageSize: number }> {
  const where: SQL[] = [unitScope(ctx.actor)];
  if (q.q) where.push(or(ilike(units.name, `%${escapeLike(q.q)}%`), eq(units.creditCode, q.q.toUpperCase())) as SQL);
  if (q.regionCode) where.push(sql`${units.regionCode} LIKE ${regionPrefix(q.regionCode) + '%'}`);
  const cond = and(...where);
  const staffCount = sql<number>`(SELECT count(*)::int FROM accounts a WHERE a.unit_id = ${units.id} AND a.kind = 'professional')`;
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({
        id: units.id,
        name: units.name,
        creditCode: units.creditCode,
        regionCode: units.regionCode,
        regionName: sql<string>`coalesce(${regions.name}, '')`,
        industryCode: units.industryCode,
        supervisingAuthorityId: units.supervisingAuthorityId,
        supervisingAuthorityName: authorities.name,
        unitType: units.unitType,
        staffCount,
      })
      .from(units)
      .leftJoin(regions, eq(regions.code, units.regionCode))
      .leftJoin(authorities, eq(authorities.id, units.supervisingAuthorityId))
      .where(cond)
      .orderBy(asc(units.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(units)
      .where(cond),
  ]);
  return { items: rows as UnitRow[], total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** 主管部门 search, for "提交至主管部门审核" and the unit form. */
export async function searchAuthorities(db: Db, q: string | undefined) {
  return db
    .select({ id: authorities.id, name: authorities.name, kind: authorities.kind, regionCode: authorities.regionCode })
    .from(authorities)
    .where(q ? ilike(authorities.name, `%${escapeLike(q)}%`) : undefined)
    .orderBy(asc(authorities.name))
    .limit(20);
}
