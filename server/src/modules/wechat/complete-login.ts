import type { WechatCallbackRequest } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { WechatConfig } from '../../config';
import type { Db } from '../../db/client';
import { accounts, wechatBindings } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { SessionStore } from '../../auth/sessions';
import type { LoginMeta } from '../auth/index';
import { writeAudit } from '../audit/index';
import { identityForCode } from './wechat-api';
import { consumeState, holdForBinding } from './login-state';

export type WechatCallbackOutcome =
  { status: 'logged_in'; token: string; accountId: number } | { status: 'bind_required'; nickname: string | null };

export const WECHAT_DENIED_MESSAGE = '您在微信中取消了授权，可重新扫码登录或使用用户名和密码登录';

/**
 * WeChat's redirect, as the callback page passes it on: the state is used up (refused when missing,
 * reused, expired or from another browser), the code exchanged server-side for the person's unionid
 * (openid without a union). A bound WeChat logs its person in (a normal session, audited); an unbound one
 * is held for this browser's 绑定 page.
 */
export async function completeWechatLogin(
  db: Db,
  store: SessionStore,
  cfg: WechatConfig,
  input: WechatCallbackRequest,
  browser: string | undefined,
  meta: LoginMeta,
): Promise<WechatCallbackOutcome> {
  const stateHash = await consumeState(db, input.state, browser);
  if (!input.code) throw new AppError('WECHAT_DENIED', WECHAT_DENIED_MESSAGE);
  const who = await identityForCode(cfg, input.code);

  const [bound] = await db
    .select({ account: accounts })
    .from(wechatBindings)
    .innerJoin(accounts, eq(accounts.id, wechatBindings.accountId))
    .where(eq(wechatBindings.wechatId, who.wechatId));
  if (!bound) {
    await holdForBinding(db, stateHash, who);
    return { status: 'bind_required', nickname: who.nickname };
  }
  const a = bound.account;
  const auditCtx = { actor: { id: a.id, name: a.name, kind: a.kind }, ip: meta.ip };
  if (!a.loginEnabled) {
    await writeAudit(db, auditCtx, {
      action: 'auth.wechat_login',
      result: 'failed',
      targetType: 'account',
      targetId: a.id,
      detail: { reason: 'login_disabled' },
    });
    throw new AppError('LOGIN_DISABLED', '该账号已被禁止登录，请联系单位管理员');
  }
  const session = await store.create(db, a.id, meta);
  await db.update(accounts).set({ lastLoginAt: now() }).where(eq(accounts.id, a.id));
  await writeAudit(db, auditCtx, {
    action: 'auth.wechat_login',
    targetType: 'account',
    targetId: a.id,
    detail: { wechatIdKind: who.kind, simulated: cfg.simulated || undefined },
  });
  return { status: 'logged_in', token: session.token, accountId: a.id };
}
