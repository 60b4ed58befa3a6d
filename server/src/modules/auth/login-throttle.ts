import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { loginFailures } from '../../db/schema/index';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Counters are per typed username (existing or not), so a lockout tells nothing about accounts. */
export const usernameKey = (username: string) => username.trim().toUpperCase();

/**
 * Counts a login attempt *before* its password is checked, atomically, so a concurrent burst cannot
 * slip more than MAX_FAILURES guesses past the lock. A lock that has expired starts a new count.
 */
export async function countAttempt(db: Db, key: string): Promise<{ attempts: number; lockedUntil: Date | null }> {
  const at = now();
  const { rows } = await db.execute(sql`
    INSERT INTO login_failures (username_key, failures, updated_at) VALUES (${key}, 1, ${at})
    ON CONFLICT (username_key) DO UPDATE SET
      failures = CASE
        WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= ${at} THEN 1
        WHEN login_failures.locked_until > ${at} THEN login_failures.failures
        ELSE login_failures.failures + 1 END,
      locked_until = CASE WHEN login_failures.locked_until <= ${at} THEN NULL ELSE login_failures.locked_until END,
      updated_at = ${at}
    RETURNING failures, locked_until`);
  const row = (rows as Array<{ failures: number; locked_until: string | Date | null }>)[0]!;
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  return { attempts: Number(row.failures), lockedUntil: lockedUntil && lockedUntil > at ? lockedUntil : null };
}

/** Locks the username for LOCK_MINUTES; returns false when it was already locked. */
export async function lock(db: Db, key: string): Promise<boolean> {
  const at = now();
  const locked = await db
    .update(loginFailures)
    .set({ lockedUntil: new Date(at.getTime() + LOCK_MINUTES * 60_000), updatedAt: at })
    .where(sql`${loginFailures.usernameKey} = ${key} AND (${loginFailures.lockedUntil} IS NULL OR ${loginFailures.lockedUntil} <= ${at})`)
    .returning({ key: loginFailures.usernameKey });
  return locked.length > 0;
}

/** Gives back the count of an attempt that was refused without being checked. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginFailures)
    .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
    .where(eq(loginFailures.usernameKey, key));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.usernameKey, key));
}
