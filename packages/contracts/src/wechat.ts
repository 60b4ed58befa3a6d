import { z } from 'zod';
import { CaptchaAnswer, Me } from './auth';

/** 扫码登录 as the login page offers it: not configured, the real WeChat, or the local simulation (模拟). */
export const WechatLoginConfig = z.object({
  enabled: z.boolean(),
  simulated: z.boolean(),
});
export type WechatLoginConfig = z.infer<typeof WechatLoginConfig>;

/** Where to send the browser: WeChat's QR-connect page with a fresh state. */
export const WechatStartResponse = z.object({ url: z.string() });
export type WechatStartResponse = z.infer<typeof WechatStartResponse>;

/** What WeChat's redirect brought back to /wechat/callback (no code when the person refused). */
export const WechatCallbackRequest = z.object({
  code: z.string().trim().max(256).optional(),
  state: z.string().trim().max(256).optional(),
});
export type WechatCallbackRequest = z.infer<typeof WechatCallbackRequest>;

export const WechatCallbackResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('logged_in'), me: Me }),
  z.object({ status: z.literal('bind_required'), nickname: z.string().nullable() }),
]);
export type WechatCallbackResponse = z.infer<typeof WechatCallbackResponse>;

/** The scanned WeChat waiting on the 绑定 page of this browser. */
export const WechatPendingBinding = z.object({ nickname: z.string().nullable(), expiresAt: z.string() });
export type WechatPendingBinding = z.infer<typeof WechatPendingBinding>;

/** 绑定: the person's ID number and password (and the 图形验证码 when the login asks for it). */
export const WechatBindRequest = z.object({
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  ...CaptchaAnswer.shape,
});
export type WechatBindRequest = z.infer<typeof WechatBindRequest>;

export const WechatBinding = z.object({ nickname: z.string().nullable(), boundAt: z.string() });
export type WechatBinding = z.infer<typeof WechatBinding>;

/** 我的信息's 微信绑定; `simulated` when the binding was made with the local simulation (shown as 模拟). */
export const MyWechatBinding = z.object({
  enabled: z.boolean(),
  simulated: z.boolean(),
  binding: WechatBinding.nullable(),
});
export type MyWechatBinding = z.infer<typeof MyWechatBinding>;

export const WechatUnbindRequest = z.object({ password: z.string().min(1, '请输入密码').max(128) });
export type WechatUnbindRequest = z.infer<typeof WechatUnbindRequest>;

/** The message shown on the login page for each refusal of 扫码登录 (also the API's). */
export const UNIT_ACCOUNT_CANNOT_BIND = '单位账号不能绑定微信';
