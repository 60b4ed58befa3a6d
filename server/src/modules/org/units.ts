import {
  type IssuedPassword,
  type UnitCreated,
  type UnitInput,
  type UnitListQuery,
  type UnitRow,
} from '@ptce/contracts';
import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { regionPrefix, unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { accounts, authorities, regions, units } from '../../db/schema/index';
import { normalizeCreditCode, validateCreditCode } from '../../domain/credit-code';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import type { SessionStore } from '../../auth/sessions';
import { INITIAL_PASSWORD_TTL_MS, issuePassword, randomPassword } from './reset-password';
import { writeAudit } from '../audit/index';
import { escapeLike, isUniqueViolation } from '../../db/sql-helpers';
import { insertUnits } from './create-units';
import { assertRefs, assertRegionAllowed } from './unit-checks';

const mergedInto = alias(units, 'merged_into');

/**
 * A unit and its 单位账号: username = credit code; a random initial password shown once to the caller,
 * changed at first login and no longer accepted 7 days after creation if unused (the caller re-issues it).
 * The credit code is public, so nothing of it goes into the password.
 */
export async function createUnit(ctx: Caller, input: UnitInput): Promise<UnitCreated> {
  const creditCode = normalizeCreditCode(input.creditCode);
  const check = validateCreditCode(creditCode);
  if (!check.ok) throw invalid('creditCode', check.reason);
  assertRegionAllowed(ctx.actor, input.regionCode);
  await assertRefs(ctx.db, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [unit] = await insertUnits(tx, ctx, [{ ...input, creditCode }]);
      return { id: unit!.id, account: unit!.account };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw creditCodeTaken();
    throw e;
  }
}

export const creditCodeTaken = () =>
  new AppError('CONFLICT', '该统一社会信用代码的单位已存在', [
    { field: 'creditCode', reason: '该统一社会信用代码的单位已存在' },
  ]);

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

export async function listUnits(
  ctx: Caller,
  q: z.infer<typeof UnitListQuery>,
): Promise<{ items: UnitRow[]; total: number; page: number; pageSize: number }> {
  const where: SQL[] = [unitScope(ctx.actor)];
  if (q.status === 'active') where.push(isNull(units.disabledAt));
  if (q.status === 'disabled') where.push(and(isNotNull(units.disabledAt), isNull(units.mergedIntoId)) as SQL);
  if (q.status === 'merged') where.push(isNotNull(units.mergedIntoId));
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
        contactName: units.contactName,
        contactPhone: units.contactPhone,
        disabledAt: units.disabledAt,
        mergedIntoId: units.mergedIntoId,
        mergedIntoName: mergedInto.name,
      })
      .from(units)
      .leftJoin(mergedInto, eq(mergedInto.id, units.mergedIntoId))
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
  const items: UnitRow[] = rows.map(({ disabledAt, mergedIntoId, mergedIntoName, ...r }) => ({
    ...(r as Omit<UnitRow, 'status' | 'disabledAt' | 'mergedInto'>),
    status: mergedIntoId ? 'merged' : disabledAt ? 'disabled' : 'active',
    disabledAt: disabledAt?.toISOString() ?? null,
    mergedInto: mergedIntoId ? { id: mergedIntoId, name: mergedIntoName ?? '' } : null,
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
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
