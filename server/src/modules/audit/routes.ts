import { AuditEntry, AuditFilter, AuditQuery, Page } from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context';
import { streamXlsx } from '../../http/xlsx-response';
import { auditExportName, exportAudit } from './export-audit';
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

  app.get(
    '/audit/export',
    {
      schema: { tags: ['audit'], summary: '导出Excel：审计日志（当前筛选条件的全部记录）', querystring: AuditFilter },
      config: { policy: auditPolicy.export },
    },
    async (req, reply) => streamXlsx(req, reply, auditExportName(), await exportAudit(ctxOf(req), req.query)),
  );
};
