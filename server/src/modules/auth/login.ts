import type { LoginRealm, LoginRequest } from '@ptce/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { HELP_DESK } from '@ptce/rules';
import { accounts, units } from '../../db/schema/index';
import { maskIdNumber, normalizeIdNumber } from '../../domain/id-number';
import { storedUsernames } from '../../db/pii';
import { AppError } from '../../errors';
import { burnVerifyTime, verifyPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessions';
import { writeAudit } from '../audit/index';
import { checkCaptcha } from './captcha';
import {
  CAPTCHA_AFTER_FAILURES,
  clearAccountFailures,
  countAccountAttempt,
  countAddressAttempt,
  countAddressFailure,
  delayAfter,
  releaseAccountAttempt,
  releaseAddressAttempt,
  sweepAddressFailures,
  usernameKey,
} from './login-throttle';

const REALMS_OF: Record<LoginRealm, Array<'person' | 'unit' | 'authority'>> = {
  person: ['person'],
  unit: ['unit'],
  authority: ['authority'],
};

const BAD_CREDENTIALS = '用户名或密码错误';
const UNIT_DISABLED = `单位已停用，请联系所在地人社局或继续教育服务热线${HELP_DESK.phone}`;

/** Usernames that look like ID numbers are masked before they reach the audit log. */
export const maskUsername = (u: string) => (/^\d{17}[\dXx]$/.test(u) ? maskIdNumber(u) : u.slice(0, 64));

export interface LoginMeta {
  ip: string;
  userAgent?: string;
}

export type LoginAccount = typeof accounts.$inferSelect;

export interface LoginOptions {
  /**
   * Runs once the password is right and the account may log in, before the session is made (微信绑定 binds
   * here); what it throws refuses the login. The right password is no failure either way.
   */
  beforeSession?: (account: LoginAccount) => Promise<void>;
}

export const CAPTCHA_NEEDED = '请输入图形验证码后再登录';

/**
 * Checks a login. Guessing is slowed, never locked (see login-throttle.ts): an address in its delay
 * gets 429 LOGIN_DELAYED with Retry-After; a username with 3 failures — or an account still on an
 * initial or temporary password — needs a right captcha (401 CAPTCHA_REQUIRED, 400 CAPTCHA_INVALID);
 * the right password with a right captcha always gets in. Refusals before the password is checked
 * count as no attempt; what starts a captcha or a delay, and a success after failures, is audited.
 */
export async function login(
  db: Db,
  store: SessionStore,
  input: LoginRequest,
  meta: LoginMeta,
  options: LoginOptions = {},
) {
  const username = input.username.trim();
  const key = usernameKey(username);
  const audit = (
    action: string,
    result: 'ok' | 'failed',
    target?: { id: number; name: string; kind: string },
    extra: Record<string, unknown> = {},
  ) =>
    writeAudit(
      db,
      { actor: target ? { id: target.id, name: target.name, kind: target.kind as never } : null, ip: meta.ip },
      {
        action,
        result,
        targetType: 'account',
        targetId: target?.id,
        detail: { username: maskUsername(username), realm: input.realm ?? null, ...extra },
      },
    );

  const address = await countAddressAttempt(db, meta.ip);
  if (address.retryAfterSeconds !== null) {
    // Busy: the password was not looked at, so the same request may simply be sent again after Retry-After (the
    // login page does so by itself); delayed: the address's failures must wait out their delay.
    throw new AppError(
      address.busy ? 'LOGIN_BUSY' : 'LOGIN_DELAYED',
      address.busy
        ? `同一网络正在登录的人数较多，请${waitText(address.retryAfterSeconds)}后再试`
        : `登录失败次数过多，请${waitText(address.retryAfterSeconds)}后再试`,
      undefined,
      address.retryAfterSeconds,
    );
  }
  const attempts = await countAccountAttempt(db, key);
  const release = async () => {
    await releaseAccountAttempt(db, key);
    await releaseAddressAttempt(db, meta.ip);
  };

  const realms = input.realm ? REALMS_OF[input.realm] : (['person', 'unit', 'authority'] as const);
  const candidates = await db
    .select()
    .from(accounts)
    .where(and(inArray(accounts.realm, [...realms]), inArray(accounts.username, storedUsernames(username))))
    // Without a realm, a professional's account is tried before an admin's of the same ID number.
    .orderBy(sql`${accounts.realm} <> 'person'`, accounts.id)
    .limit(3);

  // An initial or temporary password (an admin's is the last six of a known ID number) needs the
  // captcha at every login; so does a username that has failed CAPTCHA_AFTER_FAILURES times.
  const initialPassword = candidates.some((c) => c.mustChangePassword || c.passwordExpiresAt !== null);
  const captchaGiven = !!input.captchaId || !!input.captchaAnswer;
  if (!captchaGiven && (initialPassword || attempts > CAPTCHA_AFTER_FAILURES)) {
    await release();
    throw new AppError('CAPTCHA_REQUIRED', CAPTCHA_NEEDED, [{ field: 'captchaAnswer', reason: CAPTCHA_NEEDED }]);
  }
  if (captchaGiven) {
    try {
      await checkCaptcha(db, input.captchaId, input.captchaAnswer);
    } catch (e) {
      await release();
      throw e;
    }
  }

  let match: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    if (
      (await verifyPassword(c.passwordHash, input.password)) ||
      (await initialPasswordTypedInLowercase(c, input.password))
    ) {
      match = c;
      break;
    }
  }
  if (candidates.length === 0) await burnVerifyTime(input.password);

  if (!match) {
    await audit('auth.login', 'failed', candidates[0]);
    if (attempts === CAPTCHA_AFTER_FAILURES)
      await audit('auth.captcha_required', 'failed', candidates[0], { failures: attempts });
    const addressFailures = await countAddressFailure(db, meta.ip);
    const delay = delayAfter(addressFailures);
    if (delay > 0)
      await audit('auth.login_delayed', 'failed', candidates[0], {
        addressFailures,
        delaySeconds: delay,
      });
    await sweepAddressFailures(db);
    throw new AppError('INVALID_CREDENTIALS', BAD_CREDENTIALS);
  }
  // The password is right from here on: this attempt is no failure.
  await release();
  if (match.passwordExpiresAt && match.passwordExpiresAt <= now()) {
    await audit('auth.login', 'failed', match, { reason: 'password_expired' });
    throw new AppError('PASSWORD_EXPIRED', '初始密码或临时密码已过期，请联系管理员重新设置密码');
  }
  if (!match.loginEnabled) {
    await audit('auth.login', 'failed', match);
    throw new AppError('LOGIN_DISABLED', '该账号已被禁止登录，请联系单位管理员');
  }
  // A disabled (or merged) unit's 单位账号 and admins are refused; its people still log in as professionals.
  if ((match.kind === 'unit_account' || match.kind === 'unit_admin') && match.unitId !== null) {
    const [unit] = await db
      .select({ disabledAt: units.disabledAt, mergedIntoId: units.mergedIntoId })
      .from(units)
      .where(eq(units.id, match.unitId));
    if (unit?.disabledAt) {
      await audit('auth.login', 'failed', match, { reason: unit.mergedIntoId ? 'unit_merged' : 'unit_disabled' });
      throw new AppError('LOGIN_DISABLED', UNIT_DISABLED);
    }
  }
  const earlierFailures = attempts - 1;
  await clearAccountFailures(db, username);
  if (options.beforeSession) await options.beforeSession(match);
  const session = await store.create(db, match.id, meta);
  await db.update(accounts).set({ lastLoginAt: now() }).where(eq(accounts.id, match.id));
  await audit('auth.login', 'ok', match);
  if (earlierFailures > 0)
    await audit('auth.login_after_failures', 'ok', match, { failures: earlierFailures, captcha: captchaGiven });
  return { ...session, accountId: match.id };
}

function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

/**
 * An initial password is the last six characters of the ID number, stored with an upper-case X; one
 * typed with a lowercase x (as the ID number may be) matches too. Only that password is retried.
 */
async function initialPasswordTypedInLowercase(
  c: { passwordHash: string; idNumber: string | null },
  password: string,
): Promise<boolean> {
  const upper = password.toUpperCase();
  if (upper === password || !c.idNumber || upper !== normalizeIdNumber(c.idNumber).slice(-6)) return false;
  return verifyPassword(c.passwordHash, upper);
}
