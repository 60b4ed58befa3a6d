import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { now, resetClock, setNow } from '../../clock';
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
