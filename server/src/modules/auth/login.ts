import type { LoginRealm, LoginRequest } from '@ptce/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { AppError } from '../../errors';
import { burnVerifyTime, verifyPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { writeAudit } from '../audit/write-audit';
import { clearFailures, countAttempt, lock, LOCK_MINUTES, MAX_FAILURES, releaseAttempt, usernameKey } from './login-throttle';

const REALMS_OF: Record<LoginRealm, Array<'person' | 'unit' | 'authority'>> = {
  person: ['person'],
  unit: ['unit'],
  authority: ['authority'],
};

const BAD_CREDENTIALS = '用户名或密码错误';

/** Usernames that look like ID numbers are masked before they reach the audit log. */
export const maskUsername = (u: string) => (/^\d{17}[\dXx]$/.test(u) ? maskIdNumber(u) : u.slice(0, 64));

export interface LoginMeta {
  ip: string;
  userAgent?: string;
}

export async function login(db: Db, store: SessionStore, input: LoginRequest, meta: LoginMeta) {
  const username = input.username.trim();
  const key = usernameKey(username);
  const audit = (action: string, result: 'ok' | 'failed', target?: { id: number; name: string; kind: string }) =>
    writeAudit(
      db,
      { actor: target ? { id: target.id, name: target.name, kind: target.kind as never } : null, ip: meta.ip },
      { action, result, targetType: 'account', targetId: target?.id, detail: { username: maskUsername(username), realm: input.realm ?? null } },
    );

  const LOCKED = `连续登录失败次数过多，账号已锁定，请${LOCK_MINUTES}分钟后再试`;
  // The attempt is counted before the password is checked: the 5th failure in a row locks, and no
  // concurrent burst gets more guesses than that.
  const attempt = await countAttempt(db, key);
  if (attempt.lockedUntil) throw new AppError('ACCOUNT_LOCKED', LOCKED);
  const realms = input.realm ? REALMS_OF[input.realm] : (['person', 'unit', 'authority'] as const);
  const candidates = await db
    .select()
    .from(accounts)
    .where(and(inArray(accounts.realm, [...realms]), inArray(accounts.username, [username, username.toUpperCase()])))
    .limit(3);
  // More attempts in flight than the limit: refuse this one without checking it, but do not lock —
  // only failed checks lock (several tabs logging in at once must not lock the account).
  if (attempt.attempts > MAX_FAILURES) {
    await releaseAttempt(db, key);
    throw new AppError('RATE_LIMITED', '登录请求过于频繁，请稍后再试');
  }

  let match: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    if (await verifyPassword(c.passwordHash, input.password)) {
      match = c;
      break;
    }
  }
  if (candidates.length === 0) await burnVerifyTime(input.password);

  if (!match) {
    await audit('auth.login', 'failed', candidates[0]);
    if (attempt.attempts >= MAX_FAILURES) {
      if (await lock(db, key)) await audit('auth.lockout', 'failed', candidates[0]);
      throw new AppError('ACCOUNT_LOCKED', LOCKED);
    }
    throw new AppError('INVALID_CREDENTIALS', BAD_CREDENTIALS);
  }
  if (!match.loginEnabled) {
    await audit('auth.login', 'failed', match);
    throw new AppError('LOGIN_DISABLED', '该账号已被禁止登录，请联系单位管理员');
  }
  await clearFailures(db, key);
  const session = await store.create(db, match.id, meta);
  await db.update(accounts).set({ lastLoginAt: now() }).where(eq(accounts.id, match.id));
  await audit('auth.login', 'ok', match);
  return { ...session, accountId: match.id };
}
