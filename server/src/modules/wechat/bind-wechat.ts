import { UNIT_ACCOUNT_CANNOT_BIND, type WechatBindRequest } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { WechatConfig } from '../../config';
import type { Db } from '../../db/client';
import { wechatBindings } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { SessionStore } from '../../auth/sessions';
import { login, type LoginAccount, type LoginMeta } from '../auth/index';
import { writeAudit } from '../audit/index';
import { closePending, pendingBinding } from './login-state';

export const BIND_MESSAGES = {
  expired: '扫码已过期或尚未扫码，请重新扫码登录',
  accountBound: '该账号已绑定其他微信，如需更换请先登录后在【我的信息】中解除绑定',
  wechatBound: '该微信已绑定其他账号',
} as const;

/**
 * 绑定: the WeChat this browser scanned is bound to the account whose ID number and password are given, and
 * the person is logged in. The password goes through the login itself (its captcha and throttling, its
 * audit). Only a professional's account binds: a 单位账号 or an admin-only account is refused; one WeChat ↔
 * one person, both ways (the table's keys hold it under concurrency too).
 */
export async function bindWechat(
  db: Db,
  store: SessionStore,
  cfg: WechatConfig,
  input: WechatBindRequest,
  browser: string | undefined,
  meta: LoginMeta,
) {
  const pending = await pendingBinding(db, browser);
  if (!pending?.wechatId || !pending.wechatIdKind) throw new AppError('WECHAT_BIND_EXPIRED', BIND_MESSAGES.expired);
  const { wechatId, wechatIdKind, nickname } = pending;

  const refuse = async (a: LoginAccount, reason: string, error: AppError) => {
    await writeAudit(
      db,
      { actor: { id: a.id, name: a.name, kind: a.kind }, ip: meta.ip },
      { action: 'wechat.bind', result: 'failed', targetType: 'account', targetId: a.id, detail: { reason } },
    );
    return error;
  };

  const beforeSession = async (a: LoginAccount) => {
    if (a.kind !== 'professional')
      throw await refuse(a, 'unit_account', new AppError('WECHAT_UNIT_ACCOUNT', UNIT_ACCOUNT_CANNOT_BIND));
    const [mine] = await db.select().from(wechatBindings).where(eq(wechatBindings.accountId, a.id));
    if (mine) throw await refuse(a, 'account_bound', new AppError('WECHAT_ALREADY_BOUND', BIND_MESSAGES.accountBound));
    const inserted = await db
      .insert(wechatBindings)
      .values({ accountId: a.id, wechatId, wechatIdKind, appId: cfg.appId, nickname, boundAt: now() })
      .onConflictDoNothing()
      .returning({ accountId: wechatBindings.accountId });
    if (!inserted.length) {
      // The other key: this WeChat was bound to another account meanwhile (another browser's scan).
      throw await refuse(a, 'wechat_bound', new AppError('WECHAT_ALREADY_BOUND', BIND_MESSAGES.wechatBound));
    }
    await closePending(db, pending.stateHash);
    await writeAudit(
      db,
      { actor: { id: a.id, name: a.name, kind: a.kind }, ip: meta.ip },
      {
        action: 'wechat.bind',
        targetType: 'account',
        targetId: a.id,
        detail: { wechatIdKind, nickname, simulated: cfg.simulated || undefined },
      },
    );
  };

  return login(
    db,
    store,
    {
      username: input.idNumber,
      password: input.password,
      captchaId: input.captchaId,
      captchaAnswer: input.captchaAnswer,
    },
    meta,
    { beforeSession },
  );
}
