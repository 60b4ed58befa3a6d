import {
  CreatePlanInput,
  PlanCoursesInput,
  PlanDetail,
  PlanNotice,
  PlanSummary,
  PlanVersion,
  Reopening,
  ReopeningInput,
  UpdatePlanInput,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import {
  createPlan,
  getPlan,
  listPlans,
  planVersionsOf,
  publishPlan,
  setPlanCourses,
  updatePlan,
} from './manage-plans';
import { plansPolicy } from './policy';
import { listReopenings, planNotices, reopen } from './reopenings';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];
  const manage = { policy: plansPolicy.manage };
  app.get(
    '/plans',
    { schema: { tags, summary: '年度计划列表（含草稿）', response: { 200: z.array(PlanSummary) } }, config: manage },
    async (req) => listPlans(ctxOf(req)),
  );
  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: '新建年度计划：复制上一年度计划为草稿',
        body: CreatePlanInput,
        response: { 201: PlanDetail },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createPlan(ctxOf(req), req.body)),
  );
  app.get(
    '/plans/notices',
    {
      schema: {
        tags,
        summary: '与本人有关的年度计划提示（重新开放、尚未发布）',
        response: { 200: z.array(PlanNotice) },
      },
      config: { policy: plansPolicy.notices },
    },
    async (req) => planNotices(ctxOf(req)),
  );
  app.get(
    '/plans/:year',
    { schema: { tags, summary: '年度计划', params: YearParams, response: { 200: PlanDetail } }, config: manage },
    async (req) => getPlan(ctxOf(req), req.params.year),
  );
  app.put(
    '/plans/:year',
    {
      schema: {
        tags,
        summary: '修改年度计划（已发布且有记录的须填写原因，记入版本）',
        params: YearParams,
        body: UpdatePlanInput,
        response: { 200: PlanDetail },
      },
      config: manage,
    },
    async (req) => updatePlan(ctxOf(req), req.params.year, req.body),
  );
  app.put(
    '/plans/:year/courses',
    {
      schema: {
        tags,
        summary: '关联本年度必修课和选修课',
        params: YearParams,
        body: PlanCoursesInput,
        response: { 200: PlanDetail },
      },
      config: manage,
    },
    async (req) => setPlanCourses(ctxOf(req), req.params.year, req.body),
  );
  app.post(
    '/plans/:year/publish',
    { schema: { tags, summary: '发布年度计划', params: YearParams, response: { 200: PlanDetail } }, config: manage },
    async (req) => publishPlan(ctxOf(req), req.params.year),
  );
  app.get(
    '/plans/:year/versions',
    {
      schema: { tags, summary: '年度计划修改历史', params: YearParams, response: { 200: z.array(PlanVersion) } },
      config: manage,
    },
    async (req) => planVersionsOf(ctxOf(req), req.params.year),
  );
  app.get(
    '/plans/:year/reopenings',
    {
      schema: { tags, summary: '重新开放的截止日期', params: YearParams, response: { 200: z.array(Reopening) } },
      config: manage,
    },
    async (req) => listReopenings(ctxOf(req), req.params.year),
  );
  app.post(
    '/plans/:year/reopenings',
    {
      schema: {
        tags,
        summary: '为全区、单位或个人重新开放已过的截止日期',
        params: YearParams,
        body: ReopeningInput,
        response: { 201: z.array(Reopening) },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await reopen(ctxOf(req), req.params.year, req.body)),
  );
};
