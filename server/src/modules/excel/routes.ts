import {
  ExportPersonYearsQuery,
  ExportRecordsQuery,
  ExportStaffQuery,
  IdParam,
  ImportErrorsQuery,
  ImportJob,
  ImportRowError,
  ImportUploadFields,
  Page,
} from '@ptce/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { receiveFile } from '../../http/upload';
import { streamXlsx, xlsxHeaders } from '../../http/xlsx-response';
import { errorReportName, writeErrorReport } from './error-report';
import { exportPersonYears, personYearsExportName } from './export-person-years';
import { exportRecords, recordsExportName } from './export-records';
import { exportStaff, staffExportName } from './export-staff';
import { hoursRegistrationImport } from './hours-registration';
import { findJob, getJob, listJobErrors, listJobs } from './jobs';
import { IMPORT_KIND_DEFS } from './kinds';
import { importLimits, mb } from './limits';
import { importsPolicy } from './policy';
import { waitForImports, type RunEnv } from './run-import';
import { removeStaleSpools } from './row-spool';
import { importValidRows, startImport } from './start-import';
import { buildTemplate } from './template';

/** The uploaded file, within the import size limit, with a clear message when it is over. */
function uploadedFile(req: FastifyRequest) {
  const { maxFileBytes } = importLimits();
  return receiveFile(req, {
    maxBytes: maxFileBytes,
    tooLarge: `文件超过${mb(maxFileBytes)}，请拆分后分批导入`,
    missing: '请选择要导入的文件',
  });
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  const env: RunEnv = {
    files: app.deps.files,
    reportDuringWrite: app.deps.database.kind === 'postgres',
    log: (err, msg) => app.log.error({ err }, msg),
  };
  // Imports still running finish (or fail) before the server closes its database.
  app.addHook('onClose', async () => waitForImports());
  void removeStaleSpools().catch((err: unknown) => app.log.warn({ err }, 'removing stale import spools failed'));

  // 导入学员培训信息: ① 下载模板 ② 导入模板 ③ 查看导入结果
  app.get(
    '/imports/hours-registration/template',
    {
      schema: { tags, summary: '① 下载模板（导入学员培训信息）' },
      config: { policy: importsPolicy.hoursImport },
    },
    async (_req, reply) =>
      xlsxHeaders(reply, hoursRegistrationImport.templateFileName).send(await buildTemplate(hoursRegistrationImport)),
  );

  app.post(
    '/imports/hours-registration/jobs',
    {
      schema: {
        tags,
        summary: '② 导入模板：上传.xlsx，逐行校验后导入（有错误行时默认全部不导入）',
        consumes: ['multipart/form-data'],
        querystring: ImportUploadFields,
        response: { 202: ImportJob },
      },
      config: { policy: importsPolicy.hoursImport },
    },
    async (req, reply) => {
      const upload = await uploadedFile(req);
      return reply
        .status(202)
        .send(await startImport(ctxOf(req), env, hoursRegistrationImport, upload, req.query.mode));
    },
  );

  app.get(
    '/imports/hours-registration/jobs',
    {
      schema: { tags, summary: '最近的导入（本人）', response: { 200: z.array(ImportJob) } },
      config: { policy: importsPolicy.hoursImport },
    },
    async (req) => listJobs(ctxOf(req), hoursRegistrationImport.kind),
  );

  // ③ 查看导入结果 — any import kind; a job is visible only to its uploader.
  app.get(
    '/imports/jobs/:id',
    {
      schema: { tags, summary: '导入进度与结果', params: IdParam, response: { 200: ImportJob } },
      config: { policy: importsPolicy.jobs },
    },
    async (req) => getJob(ctxOf(req), req.params.id),
  );

  app.get(
    '/imports/jobs/:id/errors',
    {
      schema: {
        tags,
        summary: '导入结果：错误行（行号、列、原因）',
        params: IdParam,
        querystring: ImportErrorsQuery,
        response: { 200: Page(ImportRowError) },
      },
      config: { policy: importsPolicy.jobs },
    },
    async (req) => listJobErrors(ctxOf(req), req.params.id, req.query.page, req.query.pageSize),
  );

  app.get(
    '/imports/jobs/:id/error-report',
    {
      schema: { tags, summary: '下载错误报告（.xlsx，含“错误原因”列）', params: IdParam },
      config: { policy: importsPolicy.jobs },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const job = await findJob(ctx, req.params.id);
      const def = IMPORT_KIND_DEFS[job.kind as keyof typeof IMPORT_KIND_DEFS];
      return streamXlsx(req, reply, await errorReportName(ctx, job.id), (out) =>
        writeErrorReport(ctx, def, job.id, out),
      );
    },
  );

  app.post(
    '/imports/jobs/:id/import-valid',
    {
      schema: { tags, summary: '仅导入正确的行（重新校验后导入）', params: IdParam, response: { 202: ImportJob } },
      config: { policy: importsPolicy.jobs },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const job = await findJob(ctx, req.params.id);
      const def = IMPORT_KIND_DEFS[job.kind as keyof typeof IMPORT_KIND_DEFS];
      return reply.status(202).send(await importValidRows(ctx, env, def, job.id));
    },
  );

  // 导出Excel — the list's current filter, the whole result, streamed.
  app.get(
    '/exports/hours/results',
    {
      schema: {
        tags,
        summary: '导出Excel：专业科目学时审核结果（当前筛选条件的全部记录）',
        querystring: ExportRecordsQuery,
      },
      config: { policy: importsPolicy.exportHours },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return streamXlsx(req, reply, recordsExportName(), await exportRecords(ctx, req.query));
    },
  );

  app.get(
    '/exports/hours/person-years',
    {
      schema: { tags, summary: '导出Excel：专业科目学时查询（按人员、年度）', querystring: ExportPersonYearsQuery },
      config: { policy: importsPolicy.exportHours },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return streamXlsx(req, reply, personYearsExportName(), await exportPersonYears(ctx, req.query));
    },
  );

  app.get(
    '/exports/org/staff',
    {
      schema: { tags, summary: '导出Excel：专业技术人员管理（本单位/本部门人员）', querystring: ExportStaffQuery },
      config: { policy: importsPolicy.exportStaff },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return streamXlsx(req, reply, staffExportName(), await exportStaff(ctx, req.query));
    },
  );
};
