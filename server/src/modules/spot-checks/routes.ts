import {
  IdParam,
  MySpotCheckFinding,
  Ok,
  PublicSpotCheck,
  PublicSpotCheckRow,
  SpotCheckAnswer,
  SpotCheckCreate,
  SpotCheckDetail,
  SpotCheckFile,
  SpotCheckFindingInput,
  SpotCheckFinish,
  SpotCheckPreview,
  SpotCheckPreviewQuery,
  SpotCheckSummary,
} from '@ptce/contracts';
import { evidenceMessages, MAX_EVIDENCE_BYTES } from '@ptce/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, nameByType } from '../../http/content-disposition';
import { ctxOf } from '../../http/context';
import { receiveFile } from '../../http/upload';
import { streamXlsx } from '../../http/xlsx-response';
import { answerCampaign } from './answer';
import { createCampaign } from './create-campaign';
import { addItemFile, openItemFile } from './files';
import { finishCampaign } from './finish-campaign';
import { getCampaign, getUnitCampaign, listCampaigns, listUnitCampaigns } from './list-campaigns';
import { myFindings } from './my-findings';
import { spotChecksPolicy } from './policy';
import { previewCampaign } from './preview';
import { getPublicCampaign, listPublicCampaigns } from './public-results';
import { recordFinding } from './record-finding';
import { exportReport, reportPdf } from './report';

const ok = { ok: true as const };

export const spotChecksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['spot-checks'];
  const { files } = app.deps;
  const manage = { policy: spotChecksPolicy.manage };
  const unit = { policy: spotChecksPolicy.unit };

  // 抽查管理 (人社局, 行业主管部门, the operator; their drawn inspectors)
  app.get(
    '/spot-checks',
    { schema: { tags, summary: '抽查：列表', response: { 200: z.array(SpotCheckSummary) } }, config: manage },
    async (req) => listCampaigns(ctxOf(req)),
  );
  app.get(
    '/spot-checks/preview',
    {
      schema: {
        tags,
        summary: '抽查：范围内可抽查的单位数与检查人员库',
        querystring: SpotCheckPreviewQuery,
        response: { 200: SpotCheckPreview },
      },
      config: manage,
    },
    async (req) => previewCampaign(ctxOf(req), req.query.year),
  );
  app.post(
    '/spot-checks',
    {
      schema: {
        tags,
        summary: '新建抽查并随机抽取（双随机）',
        body: SpotCheckCreate,
        response: { 201: z.object({ id: z.number().int(), seed: z.string() }) },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await createCampaign(ctxOf(req), req.body)),
  );
  app.get(
    '/spot-checks/:id',
    { schema: { tags, summary: '抽查：查看', params: IdParam, response: { 200: SpotCheckDetail } }, config: manage },
    async (req) => getCampaign(ctxOf(req), req.params.id),
  );
  app.post(
    '/spot-checks/:id/finish',
    {
      schema: { tags, summary: '结束抽查并公开结果', params: IdParam, body: SpotCheckFinish, response: { 200: Ok } },
      config: manage,
    },
    async (req) => (await finishCampaign(ctxOf(req), req.params.id, req.body.conclusion), ok),
  );
  app.get(
    '/spot-checks/:id/report',
    { schema: { tags, summary: '导出Excel：抽查报告', params: IdParam }, config: manage },
    async (req, reply) => {
      const { name, write } = await exportReport(ctxOf(req), req.params.id);
      return streamXlsx(req, reply, name, write);
    },
  );
  app.get(
    '/spot-checks/:id/report.pdf',
    { schema: { tags, summary: '抽查报告（PDF）', params: IdParam }, config: manage },
    async (req, reply) => {
      const { name, pdf } = await reportPdf(ctxOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.post(
    '/spot-checks/items/:id/finding',
    {
      schema: {
        tags,
        summary: '记录核查结论（属实 / 不属实 / 材料不全）',
        params: IdParam,
        body: SpotCheckFindingInput,
        response: { 200: z.object({ removed: z.boolean() }) },
      },
      config: manage,
    },
    async (req) => recordFinding(ctxOf(req), req.params.id, req.body),
  );

  // 被抽查单位 (the unit account and its total admins)
  app.get(
    '/spot-checks/unit',
    { schema: { tags, summary: '本单位的抽查', response: { 200: z.array(SpotCheckSummary) } }, config: unit },
    async (req) => listUnitCampaigns(ctxOf(req)),
  );
  app.get(
    '/spot-checks/:id/unit',
    {
      schema: { tags, summary: '本单位的抽查：查看', params: IdParam, response: { 200: SpotCheckDetail } },
      config: unit,
    },
    async (req) => getUnitCampaign(ctxOf(req), req.params.id),
  );
  app.post(
    '/spot-checks/:id/unit/answer',
    {
      schema: { tags, summary: '答复抽查', params: IdParam, body: SpotCheckAnswer, response: { 200: Ok } },
      config: unit,
    },
    async (req) => (await answerCampaign(ctxOf(req), req.params.id, req.body.note), ok),
  );

  // 材料 (the unit's answer, the inspectors' findings)
  app.post(
    '/spot-checks/items/:id/files',
    {
      schema: {
        tags,
        summary: '上传抽查材料（PDF/JPG/PNG）',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 201: SpotCheckFile },
      },
      config: { policy: spotChecksPolicy.upload },
    },
    async (req, reply) => {
      const file = await receiveFile(req, {
        maxBytes: MAX_EVIDENCE_BYTES,
        tooLarge: evidenceMessages.tooLarge(),
        missing: '请选择要上传的文件',
      });
      return reply.status(201).send(await addItemFile(ctxOf(req), files, req.params.id, file));
    },
  );
  app.get(
    '/spot-checks/items/:id/files/:fileId',
    {
      schema: { tags, summary: '下载抽查材料', params: IdParam.extend({ fileId: z.coerce.number().int().positive() }) },
      config: { policy: spotChecksPolicy.upload },
    },
    async (req, reply) => {
      const { meta, stream } = await openItemFile(ctxOf(req), files, req.params.id, req.params.fileId);
      return reply
        .header('content-type', meta.mime)
        .header('content-length', meta.size)
        .header('content-disposition', contentDisposition(nameByType(meta.fileName, meta.mime)))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  // 专业技术人员
  app.get(
    '/spot-checks/mine',
    {
      schema: { tags, summary: '抽查核查不属实的本人学时', response: { 200: z.array(MySpotCheckFinding) } },
      config: { policy: spotChecksPolicy.own },
    },
    async (req) => myFindings(ctxOf(req)),
  );

  // 一公开 (no login)
  app.get(
    '/public/spot-checks',
    {
      schema: { tags, summary: '抽查结果公开：列表', response: { 200: z.array(PublicSpotCheckRow) } },
      config: { policy: spotChecksPolicy.public },
    },
    async () => listPublicCampaigns(app.deps.db),
  );
  app.get(
    '/public/spot-checks/:id',
    {
      schema: { tags, summary: '抽查结果公开：查看', params: IdParam, response: { 200: PublicSpotCheck } },
      config: { policy: spotChecksPolicy.public },
    },
    async (req) => getPublicCampaign(app.deps.db, req.params.id),
  );
};
