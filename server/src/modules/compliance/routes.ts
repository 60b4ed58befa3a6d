import { ComplianceList, ComplianceListQuery, ComplianceStatus } from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiYear } from '../../clock';
import { ctxOf } from '../../http/context';
import { compliancePolicy } from './policy';
import { unitCompliancePage, unitComplianceExport } from './unit-compliance';
import { streamXlsx } from '../../http/xlsx-response';
import { complianceFor, complianceYears } from './year-compliance';

export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['compliance'];
  app.get(
    '/compliance/me',
    {
      schema: {
        tags,
        summary: '本年度学时达标情况（进度）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ComplianceStatus },
      },
      config: { policy: compliancePolicy.own },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return complianceFor(ctx.db, ctx.actor.id, req.query.year ?? shanghaiYear());
    },
  );
  app.get(
    '/compliance/me/years',
    {
      schema: { tags, summary: '历年达标情况', response: { 200: z.array(ComplianceStatus) } },
      config: { policy: compliancePolicy.own },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return complianceYears(ctx.db, ctx.actor.id);
    },
  );
  app.get(
    '/compliance/unit/export',
    {
      schema: {
        tags,
        summary: '导出Excel：单位人员年度达标情况（当前筛选条件的全部人员）',
        querystring: ComplianceListQuery,
      },
      config: { policy: compliancePolicy.list },
    },
    async (req, reply) => {
      const write = await unitComplianceExport(ctxOf(req), req.query);
      return streamXlsx(req, reply, `学时达标情况_${req.query.year}年度.xlsx`, write);
    },
  );
  app.get(
    '/compliance/unit',
    {
      schema: {
        tags,
        summary: '单位人员年度达标情况（职称申报、年度考核参考）',
        querystring: ComplianceListQuery,
        response: { 200: ComplianceList },
      },
      config: { policy: compliancePolicy.list },
    },
    async (req) => unitCompliancePage(ctxOf(req), req.query),
  );
};
