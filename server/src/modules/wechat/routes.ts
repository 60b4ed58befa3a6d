import {
  LoginResponse,
  MyWechatBinding,
  Ok,
  WechatBindRequest,
  WechatCallbackRequest,
  WechatCallbackResponse,
  WechatLoginConfig,
  WechatPendingBinding,
  WechatStartResponse,
  WechatUnbindRequest,
} from '@ptce/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../../auth/sessions';
import { AppError } from '../../errors';
import { ctxOf } from '../../http/context';
import { getMe } from '../accounts/index';
import { bindWechat } from './bind-wechat';
import { unbindOwnWechat, wechatBindingOf } from './binding';
import { completeWechatLogin } from './complete-login';
import { BIND_MINUTES, BROWSER_COOKIE, browserToken, createState, pendingBinding } from './login-state';
import { wechatPolicy } from './policy';
import { qrConnectUrl } from './wechat-api';

export const WECHAT_NOT_CONFIGURED_MESSAGE = '微信扫码登录未配置，请使用用户名和密码登录';

export const wechatRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions, config } = app.deps;
  const tags = ['wechat'];
  const limit = { max: 30, timeWindow: '1 minute' };
  const wechat = () => {
    if (!config.wechat) throw new AppError('WECHAT_NOT_CONFIGURED', WECHAT_NOT_CONFIGURED_MESSAGE);
    return config.wechat;
  };
  const browserOf = (req: FastifyRequest) => req.cookies[BROWSER_COOKIE];
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });
  /** A new session (the old one, if any, dropped: no fixation) and the caller's Me. */
  const signIn = async (req: FastifyRequest, reply: FastifyReply, token: string) => {
    if (req.sessionToken) await sessions.destroy(app.deps.db, req.sessionToken);
    reply.setCookie(SESSION_COOKIE, token, app.deps.cookieOptions);
    const actor = await sessions.load(app.deps.db, token);
    if (!actor) throw new AppError('INTERNAL', '登录失败，请重试');
    return getMe(app.deps.db, actor);
  };

  app.get(
    '/auth/wechat/config',
    {
      schema: { tags, summary: '微信扫码登录是否可用（模拟：本地模拟的微信）', response: { 200: WechatLoginConfig } },
      config: { policy: wechatPolicy.config },
    },
    async () => ({ enabled: !!config.wechat, simulated: !!config.wechat?.simulated }),
  );

  app.post(
    '/auth/wechat/start',
    {
      schema: {
        tags,
        summary: '扫码登录：生成state（单次有效，10分钟，限本浏览器），返回微信扫码页地址',
        response: { 200: WechatStartResponse },
      },
      config: { policy: wechatPolicy.start, rateLimit: limit },
    },
    async (req, reply) => {
      const cfg = wechat();
      const browser = browserToken(browserOf(req));
      if (browser.isNew)
        reply.setCookie(BROWSER_COOKIE, browser.token, {
          ...app.deps.cookieOptions,
          path: '/api/auth/wechat',
          maxAge: 24 * 3600,
        });
      const state = await createState(app.deps.db, browser.token);
      reply.header('Cache-Control', 'no-store');
      return { url: qrConnectUrl(cfg, state) };
    },
  );

  app.post(
    '/auth/wechat/callback',
    {
      schema: {
        tags,
        summary: '扫码登录回调：校验state，以code换取unionid；已绑定即登录，未绑定转【绑定】',
        body: WechatCallbackRequest,
        response: { 200: WechatCallbackResponse },
      },
      config: { policy: wechatPolicy.callback, rateLimit: limit },
    },
    async (req, reply) => {
      const out = await completeWechatLogin(app.deps.db, sessions, wechat(), req.body, browserOf(req), meta(req));
      if (out.status === 'bind_required') return out;
      return { status: 'logged_in' as const, me: await signIn(req, reply, out.token) };
    },
  );

  app.get(
    '/auth/wechat/pending',
    {
      schema: { tags, summary: '本浏览器扫码后待绑定的微信', response: { 200: WechatPendingBinding } },
      config: { policy: wechatPolicy.pending },
    },
    async (req) => {
      wechat();
      const p = await pendingBinding(app.deps.db, browserOf(req));
      if (!p?.bindExpiresAt)
        throw new AppError('WECHAT_BIND_EXPIRED', `扫码已过期（${BIND_MINUTES}分钟内有效）或尚未扫码，请重新扫码登录`);
      return { nickname: p.nickname, expiresAt: p.bindExpiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/wechat/bind',
    {
      schema: {
        tags,
        summary: '绑定：以身份证号码和密码（及图形验证码）绑定所扫微信并登录',
        body: WechatBindRequest,
        response: { 200: LoginResponse },
      },
      config: { policy: wechatPolicy.bind, rateLimit: limit },
    },
    async (req, reply) => {
      const s = await bindWechat(app.deps.db, sessions, wechat(), req.body, browserOf(req), meta(req));
      return { me: await signIn(req, reply, s.token) };
    },
  );

  app.get(
    '/wechat/binding',
    {
      schema: { tags, summary: '我的信息：微信绑定', response: { 200: MyWechatBinding } },
      config: { policy: wechatPolicy.mine },
    },
    async (req) => ({
      enabled: !!config.wechat,
      simulated: !!config.wechat?.simulated,
      binding: await wechatBindingOf(app.deps.db, req.actor!.id),
    }),
  );

  app.post(
    '/wechat/unbind',
    {
      schema: { tags, summary: '解除微信绑定（须输入密码）', body: WechatUnbindRequest, response: { 200: Ok } },
      config: { policy: wechatPolicy.unbind },
    },
    async (req) => {
      await unbindOwnWechat(ctxOf(req), req.body.password);
      return { ok: true as const };
    },
  );
};
