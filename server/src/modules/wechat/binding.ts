import type { WechatBinding } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, wechatBindings } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import { verifyPassword } from '../../auth/passwords';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';

/** The account's WeChat binding (nickname and when), or null. */
export async function wechatBindingOf(db: Db, accountId: number): Promise<WechatBinding | null> {
  const [b] = await db
    .select({ nickname: wechatBindings.nickname, boundAt: wechatBindings.boundAt })
    .from(wechatBindings)
    .where(eq(wechatBindings.accountId, accountId));
  return b ? { nickname: b.nickname, boundAt: b.boundAt.toISOString() } : null;
}

const NOT_BOUND = '该账号未绑定微信';

/** 解除绑定 by the person, who confirms with their password. Audited. */
export async function unbindOwnWechat(ctx: Caller, password: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(accounts).where(eq(accounts.id, ctx.actor.id));
    if (!a || !(await verifyPassword(a.passwordHash, password))) throw invalid('password', '密码不正确');
    const gone = await tx.delete(wechatBindings).where(eq(wechatBindings.accountId, a.id)).returning();
    if (!gone.length) throw new AppError('CONFLICT', NOT_BOUND);
    await writeAudit(tx, ctx, {
      action: 'wechat.unbind',
      targetType: 'account',
      targetId: a.id,
      detail: { nickname: gone[0]!.nickname },
    });
  });
}

/**
 * 解除微信绑定 by the help desk, for a person who lost their phone: the caller has already checked the
 * account is in reach (helpdesk's person file). Audited with the help desk as actor.
 */
export async function unbindWechatFor(ctx: Caller, accountId: number, action: string): Promise<void> {
  const gone = await ctx.db.delete(wechatBindings).where(eq(wechatBindings.accountId, accountId)).returning();
  if (!gone.length) throw new AppError('CONFLICT', NOT_BOUND);
  await writeAudit(ctx.db, ctx, {
    action,
    targetType: 'account',
    targetId: accountId,
    detail: { nickname: gone[0]!.nickname },
  });
}
