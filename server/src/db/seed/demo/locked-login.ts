import { now } from '../../../clock';
import type { Db } from '../../client';
import { loginAddressFailures, loginFailures } from '../../schema/index';
import { maskIdNumber } from '../../../domain/id-number';
import { writeAudit } from '../../../modules/audit/index';
import { CAPTCHA_AFTER_FAILURES, usernameKey } from '../../../modules/auth/index';

/** A Guangxi mobile-network address the demo's failed logins came from. */
const DEMO_ADDRESS = '171.108.62.25';

/**
 * A person who mistyped their password CAPTCHA_AFTER_FAILURES times just now, as login.ts counts and
 * audits it: their next login asks for the 图形验证码 until the help desk's 解除锁定 (人员查询) — or
 * until the count goes quiet (login-throttle QUIET_MINUTES after the seed), as for real failures.
 */
export async function seedLockedLogin(tx: Db, person: { id: number; name: string; idNumber: string }) {
  const at = now();
  await tx
    .insert(loginFailures)
    .values({ usernameKey: usernameKey(person.idNumber), failures: CAPTCHA_AFTER_FAILURES, updatedAt: at });
  await tx
    .insert(loginAddressFailures)
    .values({ address: DEMO_ADDRESS, failures: CAPTCHA_AFTER_FAILURES, refused: false, updatedAt: at });
  const audit = (action: string, extra: Record<string, unknown> = {}) =>
    writeAudit(
      tx,
      { actor: { id: person.id, name: person.name, kind: 'professional' }, ip: DEMO_ADDRESS },
      {
        action,
        result: 'failed',
        targetType: 'account',
        targetId: person.id,
        detail: { username: maskIdNumber(person.idNumber), realm: 'person', ...extra },
      },
    );
  for (let i = 0; i < CAPTCHA_AFTER_FAILURES; i++) await audit('auth.login');
  await audit('auth.captcha_required', { failures: CAPTCHA_AFTER_FAILURES });
}
