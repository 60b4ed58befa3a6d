import type { BaseLoginCreated, BaseLoginInput, IssuedPassword } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { accounts, trainingBases } from '../../db/schema/index';
import { isUniqueViolation } from '../../db/sql-helpers';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { INITIAL_PASSWORD_TTL_MS, issueInitialPassword, randomPassword } from '../org/index';

/**
 * 新增登录账号 of a base (管理部门 tab): a random initial password shown once to the operator, changed at first
 * login and no longer accepted 7 days later if unused — as a unit account's.
 */
export async function createBaseLogin(ctx: Caller, baseId: number, input: BaseLoginInput): Promise<BaseLoginCreated> {
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [base] = await tx.select({ id: trainingBases.id }).from(trainingBases).where(eq(trainingBases.id, baseId));
      if (!base) throw notFound('继续教育基地');
      const at = now();
      const expires = new Date(at.getTime() + INITIAL_PASSWORD_TTL_MS);
      const [a] = await tx
        .insert(accounts)
        .values({
          kind: 'base',
          realm: 'authority',
          username: input.username,
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: at,
          passwordExpiresAt: expires,
          name: input.name,
          baseId,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: accounts.id });
      await writeAudit(tx, ctx, {
        action: 'bases.login.create',
        targetType: 'account',
        targetId: a!.id,
        detail: { baseId, username: input.username, expiresAt: expires.toISOString() },
      });
      return { id: a!.id, account: { username: input.username, password, expiresAt: expires.toISOString() } };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', '该用户名已被使用', [{ field: 'username', reason: '该用户名已被使用' }]);
    throw e;
  }
}

async function baseAccount(ctx: Caller, baseId: number, accountId: number) {
  const [account] = await ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.baseId, baseId), eq(accounts.kind, 'base')));
  if (!account) throw notFound('基地登录账号');
  return account;
}

/** 重新生成初始密码 of a base login: shown once, valid 7 days; its sessions end. Audited. */
export async function reissueBaseLoginPassword(
  ctx: Caller,
  sessions: SessionStore,
  baseId: number,
  accountId: number,
): Promise<IssuedPassword> {
  const account = await baseAccount(ctx, baseId, accountId);
  return ctx.db.transaction(async (tx) => {
    const issued = await issueInitialPassword(tx, account, sessions);
    await writeAudit(tx, ctx, {
      action: 'bases.login.password.reissue',
      targetType: 'account',
      targetId: account.id,
      detail: { baseId, expiresAt: issued.expiresAt },
    });
    return issued;
  });
}

/** 停用 / 启用 a base login; a disabled login's sessions end. Audited. */
export async function setBaseLoginEnabled(
  ctx: Caller,
  sessions: SessionStore,
  baseId: number,
  accountId: number,
  enabled: boolean,
): Promise<void> {
  const account = await baseAccount(ctx, baseId, accountId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(accounts).set({ loginEnabled: enabled, updatedAt: now() }).where(eq(accounts.id, account.id));
    if (!enabled) await sessions.destroyAllFor(tx, account.id);
    await writeAudit(tx, ctx, {
      action: enabled ? 'bases.login.enable' : 'bases.login.disable',
      targetType: 'account',
      targetId: account.id,
      detail: { baseId, username: account.username },
    });
  });
}
