import { passwordPolicyProblem, type ChangePasswordRequest } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { writeAudit } from '../audit/index';

/** Changing one's password ends every other session of the account. */
export async function changeOwnPassword(ctx: Caller, store: SessionStore, input: ChangePasswordRequest): Promise<void> {
  const [acc] = await ctx.db.select().from(accounts).where(eq(accounts.id, ctx.actor.id));
  if (!acc) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  if (!(await verifyPassword(acc.passwordHash, input.oldPassword))) {
    await writeAudit(ctx.db, ctx, {
      action: 'account.password.change',
      targetType: 'account',
      targetId: acc.id,
      result: 'failed',
    });
    throw invalid('oldPassword', '原密码不正确');
  }
  if (input.oldPassword === input.newPassword) throw invalid('newPassword', '新密码不能与原密码相同');
  const problem = passwordPolicyProblem(input.newPassword, {
    username: acc.idNumber && acc.username === acc.idNumberHmac ? acc.idNumber : acc.username,
    idNumber: acc.idNumber,
  });
  if (problem) throw invalid('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now(),
        passwordExpiresAt: null,
        updatedAt: now(),
      })
      .where(eq(accounts.id, acc.id));
    await store.destroyAllFor(tx, acc.id, ctx.actor.sessionId);
    await writeAudit(tx, ctx, { action: 'account.password.change', targetType: 'account', targetId: acc.id });
  });
}
