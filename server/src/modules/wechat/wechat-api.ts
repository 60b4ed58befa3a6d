import { z } from 'zod';
import type { WechatConfig } from '../../config';
import { AppError } from '../../errors';

/**
 * A small client of WeChat's Open Platform API for website login (snsapi_login), on fetch with every
 * answer validated. No npm library fits: the maintained WeChat SDKs (wechat-oauth, co-wechat-oauth, …)
 * are for the 公众号 flow, have had no release for years and keep tokens in process memory.
 *
 * The AppSecret is put into the request URL (WeChat's protocol) and nowhere else: neither the URL nor a
 * fetch error is logged or carried into an error message.
 */

/** sns/oauth2/access_token's answer. WeChat answers errors with HTTP 200 and {errcode, errmsg}. */
const TokenAnswer = z.object({
  access_token: z.string().min(1).max(512),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().max(512).optional(),
  openid: z.string().min(1).max(128),
  scope: z.string().max(128),
  unionid: z.string().min(1).max(128).optional(),
});
const UserInfoAnswer = z.object({
  openid: z.string().min(1).max(128),
  nickname: z.string().max(100).optional(),
  unionid: z.string().min(1).max(128).optional(),
});
const ErrorAnswer = z.object({ errcode: z.number().int(), errmsg: z.string().max(500).optional() });

/** WeChat's error codes on this flow, as the person reads them. */
export const WECHAT_ERROR_MESSAGES: Record<number, string> = {
  40029: '微信授权码无效或已过期，请重新扫码登录',
  40163: '微信授权码已使用过，请重新扫码登录',
  41008: '缺少微信授权码，请重新扫码登录',
  40013: '微信登录配置有误（AppID无效），请联系服务热线',
  40125: '微信登录配置有误（AppSecret无效），请联系服务热线',
  40002: '微信登录请求有误（grant_type无效），请联系服务热线',
  45011: '微信接口调用过于频繁，请稍后再试',
  [-1]: '微信系统繁忙，请稍后再试',
};

export const WECHAT_UNREACHABLE = '暂时无法连接微信，请稍后再试或使用用户名和密码登录';
const WECHAT_ANSWER_INVALID = '微信返回的数据无法识别，请稍后再试或使用用户名和密码登录';
const TIMEOUT_MS = 8000;

/** The WeChat account as this system binds it: its unionid, or the app's openid when there is no union. */
export interface WechatIdentity {
  wechatId: string;
  kind: 'unionid' | 'openid';
  nickname: string | null;
}

function refusal(errcode: number): AppError {
  const message = WECHAT_ERROR_MESSAGES[errcode] ?? `微信登录失败（微信错误码 ${errcode}），请重新扫码登录`;
  return new AppError('WECHAT_CODE_INVALID', message, [{ field: 'code', reason: `errcode ${errcode}` }]);
}

/** GETs one endpoint and parses its JSON (WeChat sends it as text/plain too); throws a clear AppError. */
async function getJson(url: URL): Promise<unknown> {
  let text: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    text = await res.text();
    if (!res.ok) throw new Error('http status');
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE', WECHAT_UNREACHABLE);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE', WECHAT_ANSWER_INVALID);
  }
}

function refusedOrParsed<T>(body: unknown, schema: z.ZodType<T>): T {
  const err = ErrorAnswer.safeParse(body);
  if (err.success && err.data.errcode !== 0) throw refusal(err.data.errcode);
  const ok = schema.safeParse(body);
  if (!ok.success) throw new AppError('WECHAT_UNAVAILABLE', WECHAT_ANSWER_INVALID);
  return ok.data;
}

/** The QR-connect page's address for a state (the browser is sent there). */
export function qrConnectUrl(cfg: WechatConfig, state: string): string {
  const u = new URL(`${cfg.openBaseUrl}/connect/qrconnect`);
  u.searchParams.set('appid', cfg.appId);
  u.searchParams.set('redirect_uri', cfg.redirectUrl);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('scope', 'snsapi_login');
  u.searchParams.set('state', state);
  return `${u.toString()}#wechat_redirect`;
}

/**
 * Exchanges the code for an access token and the person's ids, then reads the profile for the nickname
 * (and a unionid the token answer lacked). A failing profile read leaves the nickname out; the ids stand.
 */
export async function identityForCode(cfg: WechatConfig, code: string): Promise<WechatIdentity> {
  const tokenUrl = new URL(`${cfg.apiBaseUrl}/sns/oauth2/access_token`);
  tokenUrl.searchParams.set('appid', cfg.appId);
  tokenUrl.searchParams.set('secret', cfg.appSecret);
  tokenUrl.searchParams.set('code', code);
  tokenUrl.searchParams.set('grant_type', 'authorization_code');
  const token = refusedOrParsed(await getJson(tokenUrl), TokenAnswer);

  let nickname: string | null = null;
  let unionid = token.unionid;
  try {
    const infoUrl = new URL(`${cfg.apiBaseUrl}/sns/userinfo`);
    infoUrl.searchParams.set('access_token', token.access_token);
    infoUrl.searchParams.set('openid', token.openid);
    const info = refusedOrParsed(await getJson(infoUrl), UserInfoAnswer);
    if (info.openid === token.openid) {
      nickname = info.nickname?.trim() || null;
      unionid ??= info.unionid;
    }
  } catch {
    // The profile is optional: the token answer identifies the person.
  }
  return unionid
    ? { wechatId: unionid, kind: 'unionid', nickname }
    : { wechatId: `${cfg.appId}:${token.openid}`, kind: 'openid', nickname };
}
