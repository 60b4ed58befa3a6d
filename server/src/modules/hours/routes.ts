import {
  BatchResult,
  CreateRecordRequest,
  DeleteRecordRequest,
  EvidenceFile,
  HoursPreviewQuery,
  IdParam,
  IdsRequest,
  Ok,
  Page,
  PersonHoursQuery,
  PersonYearRow,
  RecordDetail,
  RecordListQuery,
  RecordRow,
  RejectRequest,
  SubmitRequest,
  UpdateRecordRequest,
  YearTotals,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkSpan, evidenceMessages, halfDays, refusal } from '@ptce/rules';
import { AppError, ERROR_OF_RULE, ruleError } from '../../errors';
import { contentDisposition, nameByType } from '../../http/content-disposition';
import { ctxOf } from '../../http/context';
import { receiveFile } from '../../http/upload';
import { findStaff } from '../org/index';
import { deleteRecord } from './delete-record';
import { addEvidence, MAX_EVIDENCE_BYTES, openEvidence, removeEvidence } from './evidence';
import { getRecord } from './get-record';
import { listRecords } from './list-records';
import { personYearTotals, yearTotals } from './overview';
import { planOf, yearClosed } from './plan-window';
import { hoursPolicy } from './policy';
import { registerRecord } from './register-record';
import { reviewRecords } from './review-records';
import { submitRecords } from './submit-records';
import { updateRecord } from './update-record';
import { withdrawRecord } from './withdraw-record';

const ok = { ok: true as const };

export const hoursRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['hours'];
  const { files } = app.deps;

  app.get(
    '/hours/preview',
    {
      schema: {
        tags,
        summary: '申请学时预览（按每半天学时计算）',
        querystring: HoursPreviewQuery,
        response: { 200: z.object({ halfDays: z.number().int(), hours: z.number() }) },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req) => {
      // The same span check as 保存: two years (不能跨年登记) or an end before the start are said at once.
      const violations = checkSpan(req.query);
      if (violations.length) throw ruleError(violations);
      const n = halfDays(req.query);
      const year = Number(req.query.startDate.slice(0, 4));
      const plan = await planOf(ctxOf(req).db, year);
      // A year whose plan is not yet published (e.g. on Jan 1) has no number to count by: say so at once.
      if (!plan) {
        const closed = (await yearClosed(ctxOf(req).db, year)) ?? refusal('NO_PLAN', year);
        throw new AppError(ERROR_OF_RULE[closed.code], closed.reason, [{ field: 'startDate', reason: closed.reason }]);
      }
      return { halfDays: n, hours: n * plan.hoursPerHalfDay };
    },
  );

  // 我的学时
  app.get(
    '/hours/my/records',
    {
      schema: {
        tags,
        summary: '学时登记 / 培训登记详情（本人）',
        querystring: RecordListQuery,
        response: { 200: Page(RecordRow) },
      },
      config: { policy: hoursPolicy.ownRecords },
    },
    async (req) => listRecords(ctxOf(req), 'mine', req.query),
  );
  app.get(
    '/hours/my/overview',
    {
      schema: { tags, summary: '培训总体查询（本人）', response: { 200: z.array(YearTotals) } },
      config: { policy: hoursPolicy.ownRecords },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return yearTotals(ctx.db, ctx.actor.id);
    },
  );

  // 登记、修改、删除、提交、撤回 — one set of commands for both sides
  app.post(
    '/hours/records',
    {
      schema: {
        tags,
        summary: '新登记培训 / 专业科目学时登记',
        body: CreateRecordRequest,
        response: { 201: z.object({ id: z.number().int(), hours: z.number() }) },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req, reply) => reply.status(201).send(await registerRecord(ctxOf(req), req.body)),
  );
  app.get(
    '/hours/records/:id',
    {
      schema: { tags, summary: '查看（含审核进度）', params: IdParam, response: { 200: RecordDetail } },
      config: { policy: hoursPolicy.read },
    },
    async (req) => getRecord(ctxOf(req), req.params.id),
  );
  app.put(
    '/hours/records/:id',
    {
      schema: {
        tags,
        summary: '修改',
        params: IdParam,
        body: UpdateRecordRequest,
        response: { 200: z.object({ hours: z.number() }) },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req) => updateRecord(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/hours/records/:id',
    {
      schema: {
        tags,
        summary: '删除（已通过认定的须填写原因）',
        params: IdParam,
        body: DeleteRecordRequest.nullish(),
        response: { 200: Ok },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req) => (await deleteRecord(ctxOf(req), req.params.id, req.body?.reason), ok),
  );
  app.post(
    '/hours/records/submit',
    {
      schema: {
        tags,
        summary: '批量提交至本单位审核 / 提交至主管部门审核 / 批量提交审核',
        body: SubmitRequest,
        response: { 200: BatchResult },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req) => submitRecords(ctxOf(req), req.body.ids, req.body.target, req.body.authorityId),
  );
  app.post(
    '/hours/records/:id/withdraw',
    {
      schema: { tags, summary: '撤回（待初审时）', params: IdParam, response: { 200: Ok } },
      config: { policy: hoursPolicy.register },
    },
    async (req) => (await withdrawRecord(ctxOf(req), req.params.id), ok),
  );

  // 证明材料
  app.post(
    '/hours/records/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传证明材料（PDF/JPG/PNG）',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceFile },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req, reply) => {
      const file = await receiveFile(req, {
        maxBytes: MAX_EVIDENCE_BYTES,
        tooLarge: evidenceMessages.tooLarge(),
        missing: '请选择要上传的文件',
      });
      return reply.status(201).send(await addEvidence(ctxOf(req), files, req.params.id, file));
    },
  );
  app.delete(
    '/hours/records/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: '删除证明材料',
        params: IdParam.extend({ evidenceId: z.coerce.number().int().positive() }),
        response: { 200: Ok },
      },
      config: { policy: hoursPolicy.register },
    },
    async (req) => (await removeEvidence(ctxOf(req), files, req.params.id, req.params.evidenceId), ok),
  );
  app.get(
    '/hours/evidence/:id',
    { schema: { tags, summary: '下载证明材料', params: IdParam }, config: { policy: hoursPolicy.read } },
    async (req, reply) => {
      const { meta, stream } = await openEvidence(ctxOf(req), files, req.params.id);
      return reply
        .header('content-type', meta.mime)
        .header('content-length', meta.size)
        .header('content-disposition', contentDisposition(nameByType(meta.fileName, meta.mime)))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  // 学时管理 (unit side) and authorities
  app.get(
    '/hours/unit/registrations',
    {
      schema: {
        tags,
        summary: '专业科目学时登记（单位登记的记录）',
        querystring: RecordListQuery,
        response: { 200: Page(RecordRow) },
      },
      config: { policy: hoursPolicy.unitRegistrations },
    },
    async (req) => listRecords(ctxOf(req), 'registrations', req.query),
  );
  app.get(
    '/hours/review/queue',
    {
      schema: {
        tags,
        summary: '专业科目学时审核（待初审）',
        querystring: RecordListQuery,
        response: { 200: Page(RecordRow) },
      },
      config: { policy: hoursPolicy.review },
    },
    async (req) => listRecords(ctxOf(req), 'queue', req.query),
  );
  app.post(
    '/hours/review/approve',
    {
      schema: {
        tags,
        summary: '通过 / 批量通过审核',
        body: IdsRequest.extend({ opinion: z.string().trim().max(500).optional() }),
        response: { 200: BatchResult },
      },
      config: { policy: hoursPolicy.review },
    },
    async (req) => reviewRecords(ctxOf(req), req.body.ids, 'approve', req.body.opinion),
  );
  app.post(
    '/hours/review/reject',
    {
      schema: {
        tags,
        summary: '不通过 / 批量不通过审核（须填写审核意见）',
        body: RejectRequest,
        response: { 200: BatchResult },
      },
      config: { policy: hoursPolicy.review },
    },
    async (req) => reviewRecords(ctxOf(req), req.body.ids, 'reject', req.body.opinion),
  );
  app.get(
    '/hours/unit/results',
    {
      schema: {
        tags,
        summary: '专业科目学时审核结果',
        querystring: RecordListQuery,
        response: { 200: Page(RecordRow) },
      },
      config: { policy: hoursPolicy.unitLists },
    },
    async (req) => listRecords(ctxOf(req), 'results', req.query),
  );
  app.get(
    '/hours/unit/person-years',
    {
      schema: {
        tags,
        summary: '专业科目学时查询（按人员、年度）',
        querystring: PersonHoursQuery,
        response: { 200: Page(PersonYearRow) },
      },
      config: { policy: hoursPolicy.unitLists },
    },
    async (req) => personYearTotals(ctxOf(req), req.query),
  );
  app.get(
    '/hours/people/:id/overview',
    {
      schema: { tags, summary: '某人员的培训总体查询', params: IdParam, response: { 200: z.array(YearTotals) } },
      config: { policy: hoursPolicy.unitLists },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const person = await findStaff(ctx, ctx.db, req.params.id);
      return yearTotals(ctx.db, person.id);
    },
  );
};
