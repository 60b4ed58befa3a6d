import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { now, resetClock, setNow } from '../../clock';
import { maskSensitive } from '../../http/log-redaction';
import { systemPolicy } from './policy';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), time: z.string() }) },
      },
      config: { policy: systemPolicy.health },
    },
    async () => {
      await app.deps.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, db: app.deps.database.kind, time: now().toISOString() };
    },
  );

  // What a browser reports of an error in a page (a render that failed): logged under this request's id, which the
  // page shows as its 错误编号. Nothing is stored, and a signed-out visitor may report too (登录 can fail).
  app.post(
    '/client-errors',
    {
      schema: {
        tags: ['system'],
        summary: '页面错误上报（返回错误编号）',
        body: z.object({
          message: z.string().max(1000),
          stack: z.string().max(8000).optional(),
          path: z.string().max(1000),
        }),
        response: { 200: z.object({ reference: z.string() }) },
      },
      config: { policy: systemPolicy.clientErrors, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      req.log.error(
        {
          browserError: {
            message: maskSensitive(req.body.message),
            stack: req.body.stack === undefined ? undefined : maskSensitive(req.body.stack),
            path: maskSensitive(req.body.path),
          },
          accountId: req.actor?.id,
        },
        'browser error',
      );
      return { reference: req.id };
    },
  );

  if (app.deps.config.enableTestClock) {
    app.post(
      '/test/clock',
      {
        schema: {
          tags: ['system'],
          summary: '测试时钟（仅测试环境）',
          body: z.object({ at: z.string().datetime({ offset: true }).nullable(), freeze: z.boolean().default(false) }),
        },
        config: { policy: systemPolicy.testClock },
      },
      async (req) => {
        if (req.body.at === null) resetClock();
        else setNow(req.body.at, { freeze: req.body.freeze });
        return { now: now().toISOString() };
      },
    );
  }
};
