import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, loginFailures } from '../../db/schema/index';
import { hashPassword } from '../../auth/passwords';
import { SessionStore } from '../../auth/sessions';
import { usernameKey } from '../auth/login-throttle';

/**
 * The initial (or reset) password is the last six characters of the ID number — the notice's rule
 * for new unit admins, used for resets too — and must be changed at the next login.
 */
export const initialPasswordOf = (idNumber: string) => idNumber.slice(-6);

export async function resetToInitialPassword(tx: Db, account: { id: number; idNumber: string | null; username: string }, sessions: SessionStore | null): Promise<void> {
  if (!account.idNumber) throw new Error('reset needs an ID number');
  const at = now();
  await tx
    .update(accounts)
    .set({ passwordHash: await hashPassword(initialPasswordOf(account.idNumber)), mustChangePassword: true, passwordChangedAt: at, updatedAt: at })
    .where(eq(accounts.id, account.id));
  await tx.delete(loginFailures).where(eq(loginFailures.usernameKey, usernameKey(account.username)));
  if (sessions) await sessions.destroyAllFor(tx, account.id);
}
