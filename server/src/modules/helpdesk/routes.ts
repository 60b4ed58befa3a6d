import {
  AccountMergeCounts,
  AccountMergePreview,
  AccountMergeQuery,
  AccountMergeRequest,
  AccountMergeResult,
  HelpdeskMakeupRequest,
  HelpdeskPerson,
  HelpdeskSearchQuery,
  HelpdeskSearchResult,
  IdParam,
  IssuedPassword,
  Ok,
  PersonExamStatus,
  TransferRequest,
  UndoMergeRequest,
  UnlockResult,
} from '@ptce/contracts';
import { ACCOUNT_RULES } from '@ptce/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { findPeople } from './find-people';
import { grantMakeup } from './grant-makeup';
import { mergeAccounts, previewAccountMerge } from './merge-accounts';
import { personFile } from './person-file';
import { helpdeskPolicy } from './policy';
import { resetPassword } from './reset-password';
import { transferPerson } from './transfer-person';
import { undoAccountMerge } from './undo-merge';
import { unitDepartments } from './unit-departments';
import { unbindPersonWechat } from './unbind-wechat';
import { unlockAccount } from './unlock-account';

const DepartmentOption = z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable() });

export const helpdeskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions, config } = app.deps;
  const tags = ['helpdesk'];
  const lookUp = { policy: helpdeskPolicy.lookUp };
  const act = { policy: helpdeskPolicy.act };

  app.get(
    '/helpdesk/people',
    {
      schema: {
        tags,
        summary: '人员查询：按身份证号码、手机号码或姓名查找专业技术人员',
        querystring: HelpdeskSearchQuery,
        response: { 200: HelpdeskSearchResult },
      },
      config: lookUp,
    },
    async (req) => findPeople(ctxOf(req), req.query.q),
  );
  app.get(
    '/helpdesk/people/:id',
    {
      schema: {
        tags,
        summary: '人员查询：账号、单位、历年学时与达标、考试与补考、证书、最近操作记录',
        params: IdParam,
        response: { 200: HelpdeskPerson },
      },
      config: lookUp,
    },
    async (req) => personFile(ctxOf(req), config, req.params.id),
  );
  app.post(
    '/helpdesk/people/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（随机临时密码，仅显示一次，72小时内有效）',
        params: IdParam,
        response: { 200: IssuedPassword },
      },
      config: act,
    },
    async (req) => resetPassword(ctxOf(req), sessions, req.params.id),
  );
  app.post(
    '/helpdesk/people/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除锁定：清除登录失败次数（不再需要图形验证码）及仅在本账号失败的地址的等待',
        params: IdParam,
        response: { 200: UnlockResult },
      },
      config: act,
    },
    async (req) => unlockAccount(ctxOf(req), req.params.id),
  );
  app.delete(
    '/helpdesk/people/:id/wechat',
    {
      schema: { tags, summary: '解除微信绑定（手机丢失等，已核实身份）', params: IdParam, response: { 200: Ok } },
      config: act,
    },
    async (req) => {
      await unbindPersonWechat(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/helpdesk/people/:id/makeups',
    {
      schema: {
        tags,
        summary: '补考授权（开通补学补考，须填写原因）',
        params: IdParam,
        body: HelpdeskMakeupRequest,
        response: { 201: PersonExamStatus },
      },
      config: act,
    },
    async (req, reply) => reply.status(201).send(await grantMakeup(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/helpdesk/people/:id/transfer',
    {
      schema: {
        tags,
        summary: '人员调动：调入其他单位（已提交和已认定的学时仍属原单位，调入单位确认前为新注册）',
        params: IdParam,
        body: TransferRequest,
        response: { 200: Ok },
      },
      config: act,
    },
    async (req) => (await transferPerson(ctxOf(req), req.params.id, req.body), { ok: true as const }),
  );
  app.get(
    '/helpdesk/units/:id/departments',
    {
      schema: {
        tags,
        summary: '人员调动：调入单位的部门',
        params: IdParam,
        response: { 200: z.array(DepartmentOption) },
      },
      config: act,
    },
    async (req) => unitDepartments(ctxOf(req), req.params.id),
  );
  app.get(
    '/helpdesk/people/:id/merge-preview',
    {
      schema: {
        tags,
        summary: '合并账号：保留本账号，合并所选账号前核对将转移的记录及冲突',
        params: IdParam,
        querystring: AccountMergeQuery,
        response: { 200: AccountMergePreview },
      },
      config: act,
    },
    async (req) => previewAccountMerge(ctxOf(req), req.params.id, req.query.mergedId),
  );
  app.post(
    '/helpdesk/people/:id/merge',
    {
      schema: {
        tags,
        summary: `合并账号：所选账号的学时、考试、学习进度、证书、补考申请转入本账号，所选账号停用（${ACCOUNT_RULES.mergeUndoDays}天内可撤销）`,
        params: IdParam,
        body: AccountMergeRequest,
        response: { 200: AccountMergeResult },
      },
      config: act,
    },
    async (req) => mergeAccounts(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/helpdesk/merges/:id/undo',
    {
      schema: {
        tags,
        summary: '撤销合并：合并时转移的记录全部退回被合并账号，并恢复其登录状态',
        params: IdParam,
        body: UndoMergeRequest,
        response: { 200: AccountMergeCounts },
      },
      config: act,
    },
    async (req) => undoAccountMerge(ctxOf(req), req.params.id, req.body),
  );
};
