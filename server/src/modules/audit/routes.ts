import { AuditEntry, AuditQuery, Page } from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context';
import { auditPolicy } from './policy';
import { searchAudit } from './search-audit';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
      config: { policy: auditPolicy.search },
    },
    async (req) => searchAudit(ctxOf(req).db, req.query),
  );
};
