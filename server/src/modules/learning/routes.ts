import {
  AdminCourseChapters,
  AdminCourseRow,
  ChapterIdParam,
  ChapterFileQuery,
  ChapterView,
  CopyCourseRequest,
  CourseCreated,
  CourseDetail,
  CreateCourseRequest,
  PublishCourseRequest,
  UpdateCourseRequest,
  CourseIdParam,
  CourseMaterialParam,
  MaterialUploadQuery,
  CreateChapterRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  LearningOverview,
  LearningYear,
  MaterialIdParam,
  MaterialView,
  OpenChapterRequest,
  PublicHoursRow,
  YearChapterParams,
  YearCourseParams,
  YearParam,
  Ok,
} from '@ptce/contracts';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { withSessionInStatement } from '../../http/session-in-statement';
import { listAdminChapters, listAdminCourses } from './admin-courses';
import { sendChapterFile, sendMaterial } from './download-files';
import { getChapter } from './get-chapter';
import { getCourse } from './get-course';
import { listCourses } from './list-courses';
import { listMaterials } from './list-materials';
import { listYears } from './list-years';
import { copyCourse } from './copy-course';
import { createCourse, updateCourse } from './create-course';
import { createChapter, uploadChapterFile } from './manage-chapters';
import { deleteMaterial, uploadMaterial } from './manage-materials';
import { openChapter } from './open-chapter';
import { learningPolicy } from './policy';
import { previewChapter, previewCourse } from './preview-course';
import { publicHoursByYear } from './public-hours';
import { publishCourse, unpublishCourse } from './publish-course';
import { recordHeartbeat, recordHeartbeatInSession } from './record-heartbeat';

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['learning'];
  const study = { policy: learningPolicy.study };

  const manage = { policy: learningPolicy.manageContent };

  app.get(
    '/learning/years',
    {
      schema: { tags, summary: '历年培训：各年度公需科目情况', response: { 200: z.array(LearningYear) } },
      config: study,
    },
    async (req) => listYears(ctxOf(req)),
  );

  app.get(
    '/learning/years/:year',
    {
      schema: {
        tags,
        summary: '前往学习：本年度学习课程（必修课、选修课）与进度',
        params: YearParam,
        response: { 200: LearningOverview },
      },
      config: study,
    },
    async (req) => listCourses(ctxOf(req), req.params.year),
  );

  app.get(
    '/learning/years/:year/materials',
    {
      schema: { tags, summary: '相关资料', params: YearParam, response: { 200: z.array(MaterialView) } },
      config: study,
    },
    async (req) => listMaterials(ctxOf(req), req.params.year),
  );

  app.get(
    '/learning/years/:year/courses/:courseId',
    {
      schema: { tags, summary: '课程章节与学习进度', params: YearCourseParams, response: { 200: CourseDetail } },
      config: study,
    },
    async (req) => getCourse(ctxOf(req), req.params.year, req.params.courseId),
  );

  app.get(
    '/learning/years/:year/chapters/:chapterId',
    {
      schema: { tags, summary: '章节内容', params: YearChapterParams, response: { 200: ChapterView } },
      config: study,
    },
    async (req) => getChapter(ctxOf(req), req.params.year, req.params.chapterId),
  );

  app.post(
    '/learning/years/:year/chapters/:chapterId/open',
    {
      schema: {
        tags,
        summary: '进入学习 / 继续学习：本页面开始计时（其他页面停止计时）',
        params: YearChapterParams,
        body: OpenChapterRequest,
        response: { 200: HeartbeatResponse },
      },
      config: study,
    },
    async (req) => openChapter(ctxOf(req), req.params.year, req.params.chapterId, req.body.tabId),
  );

  app.post(
    '/learning/heartbeat',
    {
      schema: {
        tags,
        summary: '学习心跳（页面可见时每30秒一次）',
        body: HeartbeatRequest,
        response: { 200: HeartbeatResponse },
      },
      // One statement per learner every 30 s: it checks its session itself (auth/session-in-statement.ts).
      config: { ...study, sessionInStatement: true },
      attachValidation: true,
    },
    async (req) =>
      withSessionInStatement(
        req,
        (session) => recordHeartbeatInSession(req.server.deps.db, session, req.ip, req.body),
        () => recordHeartbeat(ctxOf(req), req.body),
      ),
  );

  app.get(
    '/learning/hours',
    {
      schema: { tags, summary: '我的公需科目学时（按年度）', response: { 200: z.array(PublicHoursRow) } },
      config: study,
    },
    async (req) => {
      const ctx = ctxOf(req);
      return publicHoursByYear(ctx.db, ctx.actor.id);
    },
  );

  app.get(
    '/learning/chapters/:chapterId/file',
    {
      schema: { tags, summary: '章节文件（PDF、视频；支持Range）', params: ChapterIdParam },
      config: { policy: learningPolicy.readContent },
    },
    async (req, reply) => sendChapterFile(req, reply, req.params.chapterId),
  );

  app.get(
    '/learning/materials/:materialId/download',
    {
      schema: { tags, summary: '相关资料下载', params: MaterialIdParam },
      config: { policy: learningPolicy.readContent },
    },
    async (req, reply) => sendMaterial(req, reply, req.params.materialId),
  );

  app.get(
    '/learning/admin/courses',
    {
      schema: {
        tags,
        summary: '课程管理：全部课程（年度计划、必修课/选修课、章节数、学习时长）',
        response: { 200: z.array(AdminCourseRow) },
      },
      config: manage,
    },
    async (req) => listAdminCourses(ctxOf(req).db),
  );

  app.get(
    '/learning/admin/courses/:courseId/chapters',
    {
      schema: {
        tags,
        summary: '课程管理：课程章节（按顺序，含文件上传情况）',
        params: CourseIdParam,
        response: { 200: AdminCourseChapters },
      },
      config: manage,
    },
    async (req) => listAdminChapters(ctxOf(req).db, req.params.courseId, app.deps.config.maxUploadBytes),
  );

  app.post(
    '/learning/admin/courses',
    {
      schema: {
        tags,
        summary: '新增课程（草稿：必修课或选修课，所属年度）',
        body: CreateCourseRequest,
        response: { 201: CourseCreated },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await createCourse(ctxOf(req), req.body)),
  );

  app.patch(
    '/learning/admin/courses/:courseId',
    {
      schema: {
        tags,
        summary: '修改课程信息（名称、简介、主讲人、领域）',
        params: CourseIdParam,
        body: UpdateCourseRequest,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await updateCourse(ctxOf(req), req.params.courseId, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/learning/admin/courses/:courseId/publish',
    {
      schema: {
        tags,
        summary: '发布课程（必修课须题库题量足够组卷；可同时加入本年度计划）',
        params: CourseIdParam,
        body: PublishCourseRequest,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await publishCourse(ctxOf(req), req.params.courseId, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/learning/admin/courses/:courseId/unpublish',
    {
      schema: {
        tags,
        summary: '取消发布（已有学员学习的课程不能取消发布）',
        params: CourseIdParam,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await unpublishCourse(ctxOf(req), req.params.courseId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/learning/admin/courses/:courseId/copy',
    {
      schema: {
        tags,
        summary: '复制上年课程：复制章节、相关资料和题库，生成新年度的课程草稿',
        params: CourseIdParam,
        body: CopyCourseRequest,
        response: { 201: CourseCreated },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await copyCourse(ctxOf(req), app.deps.files, req.params.courseId, req.body)),
  );

  app.get(
    '/learning/admin/courses/:courseId/preview',
    {
      schema: {
        tags,
        summary: '预览：以学员视角查看课程（不记录学习进度）',
        params: CourseIdParam,
        response: { 200: CourseDetail },
      },
      config: manage,
    },
    async (req) => previewCourse(ctxOf(req), req.params.courseId),
  );

  app.get(
    '/learning/admin/chapters/:chapterId/preview',
    {
      schema: {
        tags,
        summary: '预览章节内容（不记录学习进度）',
        params: ChapterIdParam,
        response: { 200: ChapterView },
      },
      config: manage,
    },
    async (req) => previewChapter(ctxOf(req), req.params.chapterId),
  );

  app.post(
    '/learning/admin/courses/:courseId/chapters',
    {
      schema: {
        tags,
        summary: '新增章节（运营）',
        params: CourseIdParam,
        body: CreateChapterRequest,
        response: { 201: z.object({ id: z.number().int(), seq: z.number().int() }) },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await createChapter(ctxOf(req), req.params.courseId, req.body)),
  );

  // Chapter uploads arrive as the raw file (PUT with the file's own content type), streamed to the FileStore.
  // Every content type reaches the handler as a stream, so a wrong file is refused with the chapter's own
  // reason (请上传PDF文件 …) rather than a generic one, and is never buffered by a body parser.
  await app.register(async (plugin) => {
    const upload = plugin.withTypeProvider<ZodTypeProvider>();
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    upload.put(
      '/learning/admin/chapters/:chapterId/file',
      {
        schema: {
          tags,
          summary: '上传章节PDF或视频（运营；请求体为文件本身）',
          params: ChapterIdParam,
          querystring: ChapterFileQuery,
          response: { 200: z.object({ id: z.number().int(), size: z.number().int() }) },
        },
        config: manage,
      },
      async (req) =>
        uploadChapterFile(ctxOf(req), upload.deps.files, upload.deps.config.maxUploadBytes, req.params.chapterId, {
          fileName: req.query.fileName,
          mimeType: req.headers['content-type'] ?? '',
          body: req.body as Readable,
        }),
    );
    upload.put(
      '/learning/admin/courses/:courseId/materials',
      {
        schema: {
          tags,
          summary: '上传课程相关资料（运营；PDF、Word、Excel、PowerPoint；请求体为文件本身）',
          params: CourseIdParam,
          querystring: MaterialUploadQuery,
          response: { 201: z.object({ id: z.number().int(), size: z.number().int() }) },
        },
        config: manage,
      },
      async (req, reply) =>
        reply.status(201).send(
          await uploadMaterial(ctxOf(req), upload.deps.files, upload.deps.config.maxUploadBytes, req.params.courseId, {
            title: req.query.title,
            fileName: req.query.fileName,
            mimeType: req.headers['content-type'] ?? '',
            body: req.body as Readable,
          }),
        ),
    );
  });

  app.delete(
    '/learning/admin/courses/:courseId/materials/:materialId',
    {
      schema: { tags, summary: '删除课程相关资料（运营）', params: CourseMaterialParam, response: { 200: Ok } },
      config: manage,
    },
    async (req) => {
      await deleteMaterial(ctxOf(req), app.deps.files, req.params.courseId, req.params.materialId);
      return { ok: true as const };
    },
  );
};
