import type { HelpdeskAccount, HelpdeskPerson, PasswordState } from '@ptce/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { personScope } from '../../auth/scope';
import { now } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { accounts, auditLog, departments, units } from '../../db/schema/index';
import { notFound } from '../../errors';
import { searchAudit } from '../audit/index';
import { accountFailures, CAPTCHA_AFTER_FAILURES, type Caller } from '../auth/index';
import { certificatesOf } from '../certificates/index';
import { complianceYears } from '../compliance/index';
import { personExamHistory } from '../exams/index';
import { accountMergesOf } from './account-merges';
import { wechatBindingOf } from '../wechat/index';

/** The audit entries about the person shown on their page. */
export const RECENT_AUDIT = 20;

/** A professional the help desk may reach, with unit and department; 404 otherwise. */
export async function helpdeskPerson(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ a: accounts, unit: units, department: departments })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(departments, eq(departments.id, accounts.departmentId))
    .where(and(eq(accounts.id, id), eq(accounts.kind, 'professional'), personScope(actor)));
  if (!row) throw notFound('专业技术人员');
  return row;
}

/** What the person types at the login page: the ID number (stored only as its hash in username). */
export const loginNameOf = (a: { idNumber: string | null; username: string }) => a.idNumber ?? a.username;

function passwordState(a: typeof accounts.$inferSelect, at: Date): PasswordState {
  if (a.passwordExpiresAt && a.passwordExpiresAt <= at) return 'expired';
  if (a.passwordExpiresAt) return 'temporary';
  if (a.mustChangePassword) return 'must_change';
  return 'normal';
}

/** The account as the login page treats it now: failures, whether the 图形验证码 is required, the password's state. */
export async function accountState(db: Db, a: typeof accounts.$inferSelect): Promise<HelpdeskAccount> {
  const { failures, lastAt } = await accountFailures(db, loginNameOf(a));
  // As login.ts: an initial or temporary password always needs the captcha, and so do repeated failures.
  const initialPassword = a.mustChangePassword || a.passwordExpiresAt !== null;
  const byFailures = failures >= CAPTCHA_AFTER_FAILURES;
  const [last] = await db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, ['auth.login', 'auth.wechat_login']),
        eq(auditLog.result, 'ok'),
        eq(auditLog.targetType, 'account'),
        eq(auditLog.targetId, String(a.id)),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  return {
    username: loginNameOf(a),
    loginEnabled: a.loginEnabled,
    failures,
    lastFailureAt: failures > 0 ? (lastAt?.toISOString() ?? null) : null,
    captchaRequired: byFailures || initialPassword,
    captchaReason: byFailures ? 'failures' : initialPassword ? 'initial_password' : null,
    passwordState: passwordState(a, now()),
    passwordExpiresAt: a.passwordExpiresAt?.toISOString() ?? null,
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    lastLoginIp: last?.ip ?? null,
    createdAt: a.createdAt.toISOString(),
    wechat: await wechatBindingOf(db, a.id),
  };
}

/**
 * 人员查询 → one person's page: account (login state, captcha, password, last login), unit and
 * department, each year's hours and 达标, exam rounds and makeups, certificates, and the latest
 * audit entries about them. The ID number and phone in full: the help desk reads them back.
 */
export async function personFile(ctx: Caller, config: Pick<Config, 'publicUrl'>, id: number): Promise<HelpdeskPerson> {
  return ctx.db.transaction(async (tx) => {
    const { a, unit, department } = await helpdeskPerson(tx, ctx.actor, id);
    const exams = await personExamHistory(tx, ctx.actor, id);
    // About the person: their account, and their records, attempts and certificates (审计日志's 对象 filter).
    const about = a.idNumber ? { target: a.idNumber } : { targetType: 'account', targetId: String(id) };
    const audit = await searchAudit(tx, { ...about, page: 1, pageSize: RECENT_AUDIT });
    return {
      id: a.id,
      name: a.name,
      idNumber: a.idNumber ?? '',
      gender: a.gender,
      phone: a.phone,
      email: a.email,
      unit: unit ? { id: unit.id, name: unit.name } : null,
      department: department ? { id: department.id, name: department.name } : null,
      newRegistration: a.pendingConfirmation,
      account: await accountState(tx, a),
      years: await complianceYears(tx, id),
      exams,
      certificates: await certificatesOf(tx, config, id),
      audit: audit.items,
      mergedInto: a.mergedIntoId
        ? ((
            await tx
              .select({ id: accounts.id, name: accounts.name })
              .from(accounts)
              .where(eq(accounts.id, a.mergedIntoId))
          )[0] ?? null)
        : null,
      merges: await accountMergesOf(tx, id),
    };
  });
}
