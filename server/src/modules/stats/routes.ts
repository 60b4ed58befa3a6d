import {
  StatsExportQuery,
  StatsOverview,
  StatsPeopleQuery,
  StatsPersonYear,
  StatsQuery,
  StatsRefreshResult,
  StatsUnitList,
  StatsUnitPeople,
  StatsUnitsQuery,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { streamXlsx } from '../../http/xlsx-response';
import { writeAudit } from '../audit/index';
import { statsExport } from './export-stats';
import { statsReport } from './stats-report';
import { contentDisposition } from '../../http/content-disposition';
import { statsOverview } from './overview';
import { personYear } from './person-year';
import { statsPolicy } from './policy';
import { installStatsRefresh } from './refresh-job';
import { refreshStats } from './refresh-stats';
import { unitLeague } from './unit-league';
import { unitPeople } from './unit-people';

const Id = z.coerce.number().int().positive();

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stats'];
  const read = { policy: statsPolicy.read };
  installStatsRefresh(app);

  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary: '统计分析：指标卡、地图（下级地区）、行业、学时来源、学时分布、月度趋势',
        querystring: StatsQuery,
        response: { 200: StatsOverview },
      },
      config: read,
    },
    async (req) => statsOverview(ctxOf(req), req.query),
  );
  app.get(
    '/stats/units',
    {
      schema: {
        tags,
        summary: '统计分析：单位达标排名（达标率低的在前）',
        querystring: StatsUnitsQuery,
        response: { 200: StatsUnitList },
      },
      config: read,
    },
    async (req) => unitLeague(ctxOf(req), req.query),
  );
  app.get(
    '/stats/units/:unitId/people',
    {
      schema: {
        tags,
        summary: '统计分析：单位人员的年度学时（未达标的在前）',
        params: z.object({ unitId: Id }),
        querystring: StatsPeopleQuery,
        response: { 200: StatsUnitPeople },
      },
      config: read,
    },
    async (req) => {
      const r = await unitPeople(ctxOf(req), req.params.unitId, req.query);
      return { ...r, items: r.items.map(({ idNumber: _full, ...row }) => row) };
    },
  );
  app.get(
    '/stats/people/:accountId',
    {
      schema: {
        tags,
        summary: '统计分析：个人年度学时与达标',
        params: z.object({ accountId: Id }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: StatsPersonYear },
      },
      config: read,
    },
    async (req) => personYear(ctxOf(req), req.params.accountId, req.query.year),
  );
  app.get(
    '/stats/export',
    {
      schema: { tags, summary: '导出Excel：统计分析的任一表格（当前筛选条件）', querystring: StatsExportQuery },
      config: read,
    },
    async (req, reply) => {
      const { fileName, write } = await statsExport(ctxOf(req), req.query);
      return streamXlsx(req, reply, fileName, write);
    },
  );
  app.get(
    '/stats/report',
    {
      schema: { tags, summary: '年度继续教育统计报告（PDF，当前范围与地区）', querystring: StatsQuery },
      config: read,
    },
    async (req, reply) => {
      const { fileName, pdf } = await statsReport(ctxOf(req), req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.post(
    '/stats/refresh',
    {
      schema: {
        tags,
        summary: '立即刷新统计数据（否则每分钟更新变动的人员，每天全量重算）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: StatsRefreshResult },
      },
      config: { policy: statsPolicy.refresh },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const years = await refreshStats(ctx.db, { full: true, year: req.query.year });
      await writeAudit(ctx.db, ctx, { action: 'stats.refresh', detail: { year: req.query.year ?? null, years } });
      return { refreshed: years !== null, years: years ?? [] };
    },
  );
};
