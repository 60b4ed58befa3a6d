import { randomInt } from 'node:crypto';
import type { IssuedPassword } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { clearAccountFailures } from '../auth/index';
import { ACCOUNT_RULES } from '@ptce/rules';

const HOUR = 3600_000;
/** A new unit account's or admin's initial password stops working unused after 7 days. */
export const INITIAL_PASSWORD_TTL_MS = ACCOUNT_RULES.initialPasswordDays * 24 * HOUR;
/** A temporary password set by a reset stops working unused after 72 hours. */
export const TEMPORARY_PASSWORD_TTL_MS = ACCOUNT_RULES.temporaryPasswordHours * HOUR;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/l/I). */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

/** A random password from the operating system's CSPRNG, with at least one letter and one digit. */
export function randomPassword(length = 12): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    if (/[A-Za-z]/.test(s) && /\d/.test(s)) return s;
  }
}

/** The notice's rule for a new unit admin: the initial password is the last six characters of the ID number. */
export const initialPasswordOf = (idNumber: string) => idNumber.slice(-6);

type Account = { id: number; username: string; idNumber?: string | null };

/**
 * Sets a password the owner did not choose: it must be changed at the next login and stops working at
 * `expiresAt` if unused. Clears the account's login failures and ends its sessions.
 */
export async function issuePassword(
  tx: Db,
  account: Account,
  password: string,
  ttlMs: number,
  sessions: SessionStore | null,
): Promise<IssuedPassword> {
  // What the owner types at the login page: the ID number of an ID-number account (stored as its hash).
  const login = account.idNumber ?? account.username;
  const at = now();
  const expires = new Date(at.getTime() + ttlMs);
  await tx
    .update(accounts)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordChangedAt: at,
      passwordExpiresAt: expires,
      updatedAt: at,
    })
    .where(eq(accounts.id, account.id));
  await clearAccountFailures(tx, login);
  if (sessions) await sessions.destroyAllFor(tx, account.id);
  return { username: login, password, expiresAt: expires.toISOString() };
}

/** 重置密码 by a unit admin: a random temporary password, shown once, valid 72 hours, changed at first login. */
export const issueTemporaryPassword = (tx: Db, account: Account, sessions: SessionStore | null) =>
  issuePassword(tx, account, randomPassword(), TEMPORARY_PASSWORD_TTL_MS, sessions);

/** A new login's initial password, or its re-issue: random, shown once, valid 7 days, changed at first login. */
export const issueInitialPassword = (tx: Db, account: Account, sessions: SessionStore | null) =>
  issuePassword(tx, account, randomPassword(), INITIAL_PASSWORD_TTL_MS, sessions);
