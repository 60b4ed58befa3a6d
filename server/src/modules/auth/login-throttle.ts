import { eq, inArray, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { loginAddressFailures, loginFailures } from '../../db/schema/index';
import { storableUsername } from '../../db/pii';
import { ACCOUNT_RULES } from '@ptce/rules';

/**
 * Guessing is slowed without ever locking anyone out (a lock let anyone shut a unit admin out by
 * typing wrong passwords):
 * - per typed username: after CAPTCHA_AFTER_FAILURES failures its login needs an image captcha;
 *   the right password with a right captcha always gets in;
 * - per client address: from its ADDRESS_FREE_FAILURES + 1st failure the address waits 2^n seconds
 *   (n = failures beyond the free ones, at most MAX_DELAY_SECONDS) before its next attempt, and it has at most
 *   ADDRESS_BURST password checks running at once (fewer after failures), so a burst of guesses is bounded
 *   while the people of one unit behind one address still log in together.
 * Counts older than QUIET_MINUTES start again.
 */
export const CAPTCHA_AFTER_FAILURES = ACCOUNT_RULES.captchaAfterFailures;
export const ADDRESS_FREE_FAILURES = 4;
/** Password checks one address may have running at once while it has no failures (each failure takes one off). */
export const ADDRESS_BURST = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
export const QUIET_MINUTES = 60;

/**
 * Counters are per typed username (existing or not), so a captcha tells nothing about accounts;
 * an ID number only as its hash.
 */
export const usernameKey = (username: string) => storableUsername(username).toUpperCase();

/** The wait after an address's `failures`-th failure, in seconds (0 = none). */
export const delayAfter = (failures: number) =>
  failures <= ADDRESS_FREE_FAILURES ? 0 : Math.min(2 ** (failures - ADDRESS_FREE_FAILURES), MAX_DELAY_SECONDS);

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Counts a login attempt on a username *before* its password is checked, atomically, so a concurrent
 * burst cannot get more than CAPTCHA_AFTER_FAILURES guesses without a captcha. Returns the count
 * including this attempt.
 */
export async function countAccountAttempt(db: Db, key: string): Promise<number> {
  const at = now();
  const { rows } = await db.execute(sql`
    INSERT INTO login_failures AS f (username_key, failures, updated_at) VALUES (${key}, 1, ${ts(at)})
    ON CONFLICT (username_key) DO UPDATE SET
      failures = CASE WHEN f.updated_at < ${ts(at)} - make_interval(mins => ${QUIET_MINUTES}) THEN 1 ELSE f.failures + 1 END,
      updated_at = ${ts(at)}
    RETURNING failures`);
  return Number((rows as Array<{ failures: number }>)[0]!.failures);
}

/** Gives back the count of an attempt whose password was not checked (or was right). */
export async function releaseAccountAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginFailures)
    .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
    .where(eq(loginFailures.usernameKey, key));
}

/** Forgets the failures of a username: after a successful login, or when its password is reset. */
export async function clearAccountFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.usernameKey, usernameKey(username)));
}

/**
 * Admits a login attempt from an address before its password is checked, atomically, and counts it as in flight.
 * It is refused (and not counted) while the address is delayed, or while the address already has as many checks
 * running as its allowance: ADDRESS_BURST with no failures, one fewer for each failure, at least one. So many people
 * behind one address (a unit's NAT) log in at once, while a concurrent burst of guesses gets at most ADDRESS_BURST
 * checked before the failures' delay stops it. A count in flight for over a minute (its process died mid-check) is
 * dropped. `busy` says a refusal was for the allowance rather than the delay.
 */
export async function countAddressAttempt(
  db: Db,
  address: string,
): Promise<{ retryAfterSeconds: number | null; busy: boolean }> {
  const at = now();
  const delayed = sql`(f.delayed_until IS NOT NULL AND f.delayed_until > ${ts(at)})`;
  const failures = sql`(CASE WHEN f.updated_at < ${ts(at)} - make_interval(mins => ${QUIET_MINUTES}) THEN 0 ELSE f.failures END)`;
  const inFlight = sql`(CASE WHEN f.updated_at < ${ts(at)} - interval '1 minute' THEN 0 ELSE f.in_flight END)`;
  const busy = sql`(${inFlight} >= greatest(1, ${ADDRESS_BURST} - ${failures}))`;
  const { rows } = await db.execute(sql`
    INSERT INTO login_address_failures AS f (address, failures, in_flight, delayed_until, refused, updated_at)
      VALUES (${address}, 0, 1, NULL, false, ${ts(at)})
    ON CONFLICT (address) DO UPDATE SET
      refused = (${delayed} OR ${busy}),
      failures = CASE WHEN ${delayed} OR ${busy} THEN f.failures ELSE ${failures} END,
      in_flight = CASE WHEN ${delayed} OR ${busy} THEN f.in_flight ELSE ${inFlight} + 1 END,
      updated_at = CASE WHEN ${delayed} OR ${busy} THEN f.updated_at ELSE ${ts(at)} END
    RETURNING delayed_until, refused, (delayed_until IS NOT NULL AND delayed_until > ${ts(at)}) AS delayed`);
  const row = (rows as Array<{ delayed_until: string | Date | null; refused: boolean; delayed: boolean }>)[0]!;
  if (!row.refused) return { retryAfterSeconds: null, busy: false };
  if (!row.delayed) return { retryAfterSeconds: 1, busy: true };
  const waitMs = new Date(row.delayed_until!).getTime() - at.getTime();
  return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), busy: false };
}

/** Gives back an address's attempt whose password was not checked or was right. */
export async function releaseAddressAttempt(db: Db, address: string): Promise<void> {
  await db.execute(sql`
    UPDATE login_address_failures SET in_flight = greatest(in_flight - 1, 0) WHERE address = ${address}`);
}

/**
 * Counts an address's attempt whose password was wrong as a failure; from the ADDRESS_FREE_FAILURES + 1st the
 * address waits delayAfter(failures). Returns the failures counted now.
 */
export async function countAddressFailure(db: Db, address: string): Promise<number> {
  const at = now();
  const { rows } = await db.execute(sql`
    UPDATE login_address_failures SET
      failures = failures + 1,
      in_flight = greatest(in_flight - 1, 0),
      delayed_until = CASE WHEN failures + 1 > ${ADDRESS_FREE_FAILURES}
        THEN greatest(coalesce(delayed_until, ${ts(at)}),
                      ${ts(at)} + make_interval(secs => least(power(2, failures + 1 - ${ADDRESS_FREE_FAILURES}), ${MAX_DELAY_SECONDS})))
        ELSE delayed_until END,
      updated_at = ${ts(at)}
    WHERE address = ${address}
    RETURNING failures`);
  return Number((rows as Array<{ failures: number }>)[0]?.failures ?? 0);
}

/** Drops address counters quiet for a day (their count would start again anyway), so the table stays small. */
export async function sweepAddressFailures(db: Db): Promise<void> {
  const at = now();
  await db
    .delete(loginAddressFailures)
    .where(
      sql`${loginAddressFailures.updatedAt} < ${ts(new Date(at.getTime() - 24 * 3600_000))} AND (${loginAddressFailures.delayedUntil} IS NULL OR ${loginAddressFailures.delayedUntil} < ${ts(at)})`,
    );
}

/**
 * The failures counted now against a typed username (0 once its count has gone quiet); from
 * CAPTCHA_AFTER_FAILURES on, its next login needs the 图形验证码.
 */
export async function accountFailures(db: Db, username: string): Promise<{ failures: number; lastAt: Date | null }> {
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(eq(loginFailures.usernameKey, usernameKey(username)));
  if (!row) return { failures: 0, lastAt: null };
  const quiet = row.updatedAt.getTime() < now().getTime() - QUIET_MINUTES * 60_000;
  return { failures: quiet ? 0 : row.failures, lastAt: row.updatedAt };
}

/** Lifts the delay and forgets the failures of these client addresses (the help desk's 解除锁定). */
export async function clearAddressFailures(db: Db, addresses: readonly string[]): Promise<number> {
  if (addresses.length === 0) return 0;
  const gone = await db
    .delete(loginAddressFailures)
    .where(inArray(loginAddressFailures.address, [...addresses]))
    .returning({ address: loginAddressFailures.address });
  return gone.length;
}
