import {
  ClassImportFields,
  ClassSummaryQuery,
  ExportPersonYearsQuery,
  ExportRecordsQuery,
  ExportStaffQuery,
  IdParam,
  ImportErrorsQuery,
  ImportJob,
  ImportRowError,
  ImportUploadFields,
  Page,
  QuestionImportFields,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context';
import { streamXlsx } from '../../http/xlsx-response';
import { credentialsFileName, takeCredentials, writeCredentialsWorkbook } from './credentials';
import { errorReportName, writeErrorReport } from './error-report';
import { exportPersonYears, personYearsExportName } from './export-person-years';
import { exportRecords, recordsExportName } from './export-records';
import { exportStaff, staffExportName } from './export-staff';
import { hoursRegistrationImport } from './hours-registration';
import { assertCourse, questionBankImport } from './question-bank-import';
import { assertClassImportable, classTraineesImport } from './class-trainees-import';
import { classSummaryName, exportClassRoster, exportClassSummary } from './export-class-roster';
import { findJob, getJob, listJobErrors } from './jobs';
import { registerImportKind } from './kind-routes';
import { IMPORT_KIND_DEFS } from './kinds';
import { importsPolicy } from './policy';
import { waitForImports, type RunEnv } from './run-import';
import { installImportResume } from './resume-job';
import { removeStaleSpools } from './row-spool';
import { importValidRows, startImport } from './start-import';
import { unitsImport } from './units-import';

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  const env: RunEnv = {
    files: app.deps.files,
    reportDuringWrite: app.deps.database.kind === 'postgres',
    log: (err, msg) => app.log.error({ err }, msg),
  };
  // Imports still running finish (or fail) before the server closes its database.
  app.addHook('onClose', async () => waitForImports());
  installImportResume(app, env);
  void removeStaleSpools().catch((err: unknown) => app.log.warn({ err }, 'removing stale import spools failed'));

  // 导入学员培训信息: ① 下载模板 ② 导入模板 ③ 查看导入结果
  registerImportKind(app, tags, {
    path: 'hours-registration',
    kind: hoursRegistrationImport,
    policy: importsPolicy.hoursImport,
    summaries: {
      template: '① 下载模板（导入学员培训信息）',
      upload: '② 导入模板：上传.xlsx，逐行校验后导入（有错误行时默认全部不导入）',
      recent: '最近的导入（本人）',
    },
    query: ImportUploadFields,
    start: async (ctx, q, file) => startImport(ctx, env, hoursRegistrationImport, await file(), q.mode),
  });

  // 批量导入单位: ① 下载模板 ② 导入模板 ③ 查看导入结果, then the new accounts' initial passwords, once.
  registerImportKind(app, tags, {
    path: 'units',
    kind: unitsImport,
    policy: importsPolicy.unitsImport,
    summaries: {
      template: '① 下载模板（批量导入单位）',
      upload: '② 导入模板：上传.xlsx，逐行校验；全部正确才导入（有错误行时不导入任何单位）',
      recent: '最近的单位导入（本人）',
    },
    query: ImportUploadFields,
    start: async (ctx, _q, file) => startImport(ctx, env, unitsImport, await file(), 'all'),
  });

  // 导入题库: ① 下载模板 ② 选择课程，导入 ③ 查看导入结果 (the same job routes below)
  registerImportKind(app, tags, {
    path: 'question-bank',
    kind: questionBankImport,
    policy: importsPolicy.questionImport,
    summaries: {
      template: '下载题库导入模板（题型、题干、选项A-F、答案、解析）',
      upload: '导入题库：上传.xlsx，逐行校验后导入所选课程的题库（有错误行时全部不导入）',
      recent: '最近的题库导入（本人）',
    },
    query: QuestionImportFields,
    start: async (ctx, q, file) => {
      await assertCourse(ctx, q.courseId);
      return startImport(ctx, env, questionBankImport, await file(), 'all', q.courseId);
    },
  });

  // 导入学员学时: ① 下载模板 ② 在培训班中导入 ③ 查看导入结果 (the same job routes below)
  registerImportKind(app, tags, {
    path: 'class-trainees',
    kind: classTraineesImport,
    policy: importsPolicy.classTraineesImport,
    summaries: {
      template: '下载导入学员学时模板（姓名、身份证号码、工作单位、实际学时、考核结果）',
      upload: '导入学员学时：上传.xlsx，逐行校验；全部正确才导入（有错误行时不导入任何学员）',
      recent: '最近的学员学时导入（本人）',
    },
    query: ClassImportFields,
    start: async (ctx, q, file) => {
      // The body is read first: a malformed upload is 400 whatever the class.
      const upload = await file();
      await assertClassImportable(ctx, q.classId);
      return startImport(ctx, env, classTraineesImport, upload, 'all', q.classId);
    },
  });

  app.get(
    '/imports/jobs/:id/credentials',
    {
      schema: {
        tags,
        summary: '下载新单位账号及初始密码（.xlsx，仅导入人可下载，仅一次）',
        params: IdParam,
      },
      config: { policy: importsPolicy.jobs },
    },
    async (req, reply) => {
      const list = await takeCredentials(ctxOf(req), req.params.id);
      return streamXlsx(req, reply, credentialsFileName(req.params.id), (out) => writeCredentialsWorkbook(list, out));
    },
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
    '/exports/classes/:id/roster',
    {
      schema: { tags, summary: '导出Excel：培训班学员名单及学时', params: IdParam },
      config: { policy: importsPolicy.exportClasses },
    },
    async (req, reply) => {
      const roster = await exportClassRoster(ctxOf(req), req.params.id);
      return streamXlsx(req, reply, roster.name, roster.write);
    },
  );

  app.get(
    '/exports/classes/summary',
    {
      schema: { tags, summary: '导出Excel：培训班年度汇总（本机构举办的）', querystring: ClassSummaryQuery },
      config: { policy: importsPolicy.exportClasses },
    },
    async (req, reply) =>
      streamXlsx(req, reply, classSummaryName(req.query.year), await exportClassSummary(ctxOf(req), req.query)),
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
