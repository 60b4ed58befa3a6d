import type { UnlockResult } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { accountFailures, clearAccountFailures, clearAddressFailures, type Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { helpdeskPerson, loginNameOf } from './person-file';

/** How far back failed logins are read for the addresses that failed on the account (address counters live a day). */
const ADDRESS_WINDOW_MS = 24 * 3600_000;

/**
 * 解除锁定: the caller proved who they are on the phone, so the account's login failures are forgotten
 * and its next login needs no 图形验证码 (an initial or temporary password still does — login.ts asks
 * for it at every such login). The throttle counts addresses apart from accounts, so the addresses are
 * found in the audit log (each failed login is audited with its address and account): the delay of
 * an address is lifted only when all its recent failures were on this account — an address guessing
 * at other accounts too keeps its delay. Audited with what was cleared.
 */
export async function unlockAccount(ctx: Caller, id: number): Promise<UnlockResult> {
  return ctx.db.transaction(async (tx) => {
    const { a } = await helpdeskPerson(tx, ctx.actor, id);
    const login = loginNameOf(a);
    const { failures } = await accountFailures(tx, login);
    await clearAccountFailures(tx, login);

    const since = new Date(now().getTime() - ADDRESS_WINDOW_MS).toISOString();
    const { rows } = await tx.execute(sql`
      SELECT ip, bool_and(target_type IS NOT DISTINCT FROM 'account' AND target_id IS NOT DISTINCT FROM ${String(id)}) AS only_this
      FROM audit_log
      WHERE action = 'auth.login' AND result = 'failed' AND at > ${since}::timestamptz AND ip IS NOT NULL
        AND ip IN (SELECT ip FROM audit_log WHERE action = 'auth.login' AND result = 'failed'
                   AND at > ${since}::timestamptz AND target_type = 'account' AND target_id = ${String(id)})
      GROUP BY ip`);
    const found = rows as Array<{ ip: string; only_this: boolean }>;
    const mine = found.filter((r) => r.only_this).map((r) => r.ip);
    const cleared = await clearAddressFailures(tx, mine);
    const result: UnlockResult = {
      failuresCleared: failures,
      addressesCleared: cleared,
      addressesKept: found.length - mine.length,
    };
    await writeAudit(tx, ctx, {
      action: 'helpdesk.account.unlock',
      targetType: 'account',
      targetId: id,
      detail: { ...result },
    });
    return result;
  });
}
