import { CaptchaResponse, LoginRequest, LoginResponse, Ok, RegisterRequest } from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../auth/sessions';
import { getMe, registerProfessional } from '../accounts/index';
import { login } from './login';
import { authPolicy } from './policy';
import { writeAudit } from '../audit/index';
import { AppError, notFound } from '../../errors';
import { captchaAnswerForTest, checkCaptcha, createCaptcha } from './captcha';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.deps;
  const loginLimit = { max: 30, timeWindow: '1 minute' };

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginRequest, response: { 200: LoginResponse } },
      config: { policy: authPolicy.login, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const db = app.deps.db;
      // A new session id at every login (no fixation): the old one, if any, is dropped.
      if (req.sessionToken) await sessions.destroy(db, req.sessionToken);
      const s = await login(db, sessions, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, s.token, app.deps.cookieOptions);
      const actor = await sessions.load(db, s.token);
      if (!actor) throw new AppError('INTERNAL', '登录失败，请重试');
      return { me: await getMe(db, actor) };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } },
      config: { policy: authPolicy.logout },
    },
    async (req, reply) => {
      if (req.sessionToken) await sessions.destroy(app.deps.db, req.sessionToken);
      if (req.actor)
        await writeAudit(
          app.deps.db,
          { actor: req.actor, ip: req.ip },
          { action: 'auth.logout', targetType: 'account', targetId: req.actor.id },
        );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: '注册（专业技术人员）',
        body: RegisterRequest,
        response: { 201: z.object({ id: z.number().int() }) },
      },
      config: { policy: authPolicy.register, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await checkCaptcha(app.deps.db, req.body.captchaId, req.body.captchaAnswer);
      const created = await registerProfessional(app.deps.db, req.body, req.ip);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/auth/captcha',
    {
      schema: { tags: ['auth'], summary: '图形验证码（单次有效，2分钟内）', response: { 200: CaptchaResponse } },
      config: { policy: authPolicy.captcha, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (_req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return createCaptcha(app.deps.db, { keepAnswerForTests: app.deps.config.enableTestClock });
    },
  );

  if (app.deps.config.enableTestClock) {
    app.get(
      '/test/captcha/:captchaId',
      {
        schema: {
          tags: ['system'],
          summary: '图形验证码答案（仅测试环境）',
          params: z.object({ captchaId: z.string().max(64) }),
          response: { 200: z.object({ answer: z.string() }) },
        },
        config: { policy: authPolicy.testCaptchaAnswer },
      },
      async (req) => {
        const answer = captchaAnswerForTest(req.params.captchaId);
        if (!answer) throw notFound('验证码');
        return { answer };
      },
    );
  }
};
