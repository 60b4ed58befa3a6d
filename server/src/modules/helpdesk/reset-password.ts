import type { IssuedPassword } from '@ptce/contracts';
import type { SessionStore } from '../../auth/sessions';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { issueTemporaryPassword } from '../org/index';
import { helpdeskPerson } from './person-file';

/**
 * 重置密码 by the help desk: as a unit admin's reset, a random temporary password shown once, valid
 * 72 hours, changed at the next login (which asks for the 图形验证码, as every temporary password's);
 * the account's failures are cleared and its sessions end. Audited (never the password).
 */
export async function resetPassword(ctx: Caller, sessions: SessionStore, id: number): Promise<IssuedPassword> {
  return ctx.db.transaction(async (tx) => {
    const { a } = await helpdeskPerson(tx, ctx.actor, id);
    const issued = await issueTemporaryPassword(tx, a, sessions);
    await writeAudit(tx, ctx, {
      action: 'helpdesk.password.reset',
      targetType: 'account',
      targetId: id,
      detail: { expiresAt: issued.expiresAt },
    });
    return issued;
  });
}
