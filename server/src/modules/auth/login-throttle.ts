import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { loginFailures } from '../../db/schema/index';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Counters are per typed username (existing or not), so a lockout tells nothing about accounts. */
export const usernameKey = (username: string) => username.trim().toUpperCase();

export async function lockedUntil(db: Db, key: string): Promise<Date | null> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.usernameKey, key));
  return row?.lockedUntil && row.lockedUntil > now() ? row.lockedUntil : null;
}

/** Counts one failure atomically; returns true when this failure locks the username. */
export async function recordFailure(db: Db, key: string): Promise<boolean> {
  const at = now();
  const [row] = await db
    .insert(loginFailures)
    .values({ usernameKey: key, failures: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: loginFailures.usernameKey,
      set: { failures: sql`${loginFailures.failures} + 1`, updatedAt: at },
    })
    .returning({ failures: loginFailures.failures });
  if ((row?.failures ?? 0) < MAX_FAILURES) return false;
  await db
    .update(loginFailures)
    .set({ failures: 0, lockedUntil: new Date(at.getTime() + LOCK_MINUTES * 60_000) })
    .where(eq(loginFailures.usernameKey, key));
  return true;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.usernameKey, key));
}
