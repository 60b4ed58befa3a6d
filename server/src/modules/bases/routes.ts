import {
  BaseConsole,
  BaseConsoleQuery,
  BaseDetail,
  BaseInput,
  BaseListQuery,
  BaseLoginCreated,
  BaseLoginInput,
  BaseRow,
  BaseStatusInput,
  Filing,
  FilingChangeInput,
  FilingInput,
  FilingQuery,
  FilingReturnInput,
  FilingRow,
  FilingStatus,
  IdParam,
  IssuedPassword,
  Ok,
  Page,
  PublicFiling,
  PublicFilingQuery,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { baseDetail, listBases } from './base-directory';
import { baseConsole } from './base-console';
import { createBaseLogin, reissueBaseLoginPassword, setBaseLoginEnabled } from './base-logins';
import { approveChange, requestChange, returnChange } from './filing-changes';
import { listFilings } from './list-filings';
import { basesPolicy } from './policy';
import { listPublicFilings } from './public-filings';
import { readFiling } from './read-filing';
import { approveFiling, returnFiling } from './review-filing';
import { createBase, setBaseStatus, updateBase } from './save-base';
import { createFiling, deleteFiling, updateFiling } from './save-filing';
import { submitFiling } from './submit-filing';

const ok = { ok: true as const };
const Created = z.object({ id: z.number().int() });
const LoginParams = IdParam.extend({ accountId: z.coerce.number().int().positive() });

export const basesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.deps;
  const manage = { policy: basesPolicy.manageBases };
  const file = { policy: basesPolicy.file };
  const review = { policy: basesPolicy.review };
  const read = { policy: basesPolicy.read };
  const open = { policy: basesPolicy.public };
  const tags = ['bases'];

  // 基地管理 (operator)
  app.get(
    '/bases',
    {
      schema: { tags, summary: '基地管理：列表', querystring: BaseListQuery, response: { 200: Page(BaseRow) } },
      config: manage,
    },
    async (req) => listBases(ctxOf(req).db, req.query),
  );
  app.get(
    '/bases/:id',
    {
      schema: { tags, summary: '基地管理：查看（含登录账号）', params: IdParam, response: { 200: BaseDetail } },
      config: manage,
    },
    async (req) => baseDetail(ctxOf(req).db, req.params.id),
  );
  app.post(
    '/bases',
    { schema: { tags, summary: '新增基地', body: BaseInput, response: { 201: Created } }, config: manage },
    async (req, reply) => reply.status(201).send(await createBase(ctxOf(req), req.body)),
  );
  app.put(
    '/bases/:id',
    {
      schema: { tags, summary: '修改基地', params: IdParam, body: BaseInput, response: { 200: Created } },
      config: manage,
    },
    async (req) => updateBase(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/bases/:id/status',
    {
      schema: { tags, summary: '暂停 / 恢复基地', params: IdParam, body: BaseStatusInput, response: { 200: Ok } },
      config: manage,
    },
    async (req) => (await setBaseStatus(ctxOf(req), req.params.id, req.body), ok),
  );
  app.post(
    '/bases/:id/logins',
    {
      schema: {
        tags,
        summary: '新增基地登录账号（初始密码只显示一次）',
        params: IdParam,
        body: BaseLoginInput,
        response: { 201: BaseLoginCreated },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await createBaseLogin(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/bases/:id/logins/:accountId/password',
    {
      schema: { tags, summary: '重新生成基地账号初始密码', params: LoginParams, response: { 200: IssuedPassword } },
      config: manage,
    },
    async (req) => reissueBaseLoginPassword(ctxOf(req), sessions, req.params.id, req.params.accountId),
  );
  app.post(
    '/bases/:id/logins/:accountId/enabled',
    {
      schema: {
        tags,
        summary: '停用 / 启用基地登录账号',
        params: LoginParams,
        body: z.object({ enabled: z.boolean() }),
        response: { 200: Ok },
      },
      config: manage,
    },
    async (req) => (
      await setBaseLoginEnabled(ctxOf(req), sessions, req.params.id, req.params.accountId, req.body.enabled),
      ok
    ),
  );

  // 基地工作台 and 培训备案 (the base)
  app.get(
    '/base-console',
    {
      schema: {
        tags,
        summary: '基地工作台（备案统计；某年度的培训班、学员统计）',
        querystring: BaseConsoleQuery,
        response: { 200: BaseConsole },
      },
      config: file,
    },
    async (req) => baseConsole(ctxOf(req), req.query),
  );
  app.post(
    '/filings',
    { schema: { tags, summary: '新建培训备案（草稿）', body: FilingInput, response: { 201: Created } }, config: file },
    async (req, reply) => reply.status(201).send(await createFiling(ctxOf(req), req.body)),
  );
  app.put(
    '/filings/:id',
    {
      schema: { tags, summary: '修改草稿或退回的备案', params: IdParam, body: FilingInput, response: { 200: Created } },
      config: file,
    },
    async (req) => updateFiling(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/filings/:id',
    { schema: { tags, summary: '删除草稿', params: IdParam, response: { 200: Ok } }, config: file },
    async (req) => (await deleteFiling(ctxOf(req), req.params.id), ok),
  );
  app.post(
    '/filings/:id/submit',
    {
      schema: {
        tags,
        summary: '提交备案',
        params: IdParam,
        response: { 200: z.object({ status: FilingStatus, filingNo: z.string().nullable() }) },
      },
      config: file,
    },
    async (req) => submitFiling(ctxOf(req), req.params.id),
  );
  app.post(
    '/filings/:id/changes',
    {
      schema: {
        tags,
        summary: '申请变更（已备案）',
        params: IdParam,
        body: FilingChangeInput,
        response: { 201: z.object({ changeId: z.number().int() }) },
      },
      config: file,
    },
    async (req, reply) => reply.status(201).send(await requestChange(ctxOf(req), req.params.id, req.body)),
  );

  // Reading: the base its own, reviewers in scope
  app.get(
    '/filings',
    {
      schema: { tags, summary: '培训备案列表', querystring: FilingQuery, response: { 200: Page(FilingRow) } },
      config: read,
    },
    async (req) => listFilings(ctxOf(req), req.query),
  );
  app.get(
    '/filings/:id',
    { schema: { tags, summary: '查看培训备案', params: IdParam, response: { 200: Filing } }, config: read },
    async (req) => readFiling(ctxOf(req), req.params.id),
  );

  // 培训备案审核 (operator, supervising authority)
  app.post(
    '/filings/:id/approve',
    {
      schema: {
        tags,
        summary: '审核通过（给出备案号）',
        params: IdParam,
        response: { 200: z.object({ filingNo: z.string() }) },
      },
      config: review,
    },
    async (req) => approveFiling(ctxOf(req), req.params.id),
  );
  app.post(
    '/filings/:id/return',
    {
      schema: { tags, summary: '退回', params: IdParam, body: FilingReturnInput, response: { 200: Ok } },
      config: review,
    },
    async (req) => (await returnFiling(ctxOf(req), req.params.id, req.body.reason), ok),
  );
  app.post(
    '/filings/:id/changes/approve',
    { schema: { tags, summary: '变更通过', params: IdParam, response: { 200: Ok } }, config: review },
    async (req) => (await approveChange(ctxOf(req), req.params.id), ok),
  );
  app.post(
    '/filings/:id/changes/return',
    {
      schema: { tags, summary: '变更退回', params: IdParam, body: FilingReturnInput, response: { 200: Ok } },
      config: review,
    },
    async (req) => (await returnChange(ctxOf(req), req.params.id, req.body.reason), ok),
  );

  // 培训项目公示 (no login)
  app.get(
    '/public/filings',
    {
      schema: { tags, summary: '培训项目公示', querystring: PublicFilingQuery, response: { 200: Page(PublicFiling) } },
      config: open,
    },
    async (req) => listPublicFilings(app.deps.db, req.query),
  );
};
