import {
  ChapterIdParam,
  ChapterFileQuery,
  ChapterView,
  CourseDetail,
  CourseIdParam,
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
} from '@ptce/contracts';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendChapterFile, sendMaterial } from './download-files';
import { getChapter } from './get-chapter';
import { getCourse } from './get-course';
import { listCourses } from './list-courses';
import { listMaterials } from './list-materials';
import { listYears } from './list-years';
import { CHAPTER_FILE_TYPES, createChapter, uploadChapterFile } from './manage-chapters';
import { openChapter } from './open-chapter';
import { learningPolicy } from './policy';
import { publicHoursByYear } from './public-hours';
import { recordHeartbeat } from './record-heartbeat';

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['learning'];
  const study = { policy: learningPolicy.study };

  // Chapter uploads arrive as the raw file (PUT with the file's own content type), streamed to the FileStore.
  app.addContentTypeParser([...CHAPTER_FILE_TYPES.pdf, ...CHAPTER_FILE_TYPES.video], (_req, payload, done) => done(null, payload));

  app.get('/learning/years', {
    schema: { tags, summary: '历年培训：各年度公需科目情况', response: { 200: z.array(LearningYear) } },
    config: study,
  }, async (req) => listYears(ctxOf(req)));

  app.get('/learning/years/:year', {
    schema: { tags, summary: '前往学习：本年度学习课程（必修课、选修课）与进度', params: YearParam, response: { 200: LearningOverview } },
    config: study,
  }, async (req) => listCourses(ctxOf(req), req.params.year));

  app.get('/learning/years/:year/materials', {
    schema: { tags, summary: '相关资料', params: YearParam, response: { 200: z.array(MaterialView) } },
    config: study,
  }, async (req) => listMaterials(ctxOf(req), req.params.year));

  app.get('/learning/years/:year/courses/:courseId', {
    schema: { tags, summary: '课程章节与学习进度', params: YearCourseParams, response: { 200: CourseDetail } },
    config: study,
  }, async (req) => getCourse(ctxOf(req), req.params.year, req.params.courseId));

  app.get('/learning/years/:year/chapters/:chapterId', {
    schema: { tags, summary: '章节内容', params: YearChapterParams, response: { 200: ChapterView } },
    config: study,
  }, async (req) => getChapter(ctxOf(req), req.params.year, req.params.chapterId));

  app.post('/learning/years/:year/chapters/:chapterId/open', {
    schema: { tags, summary: '进入学习 / 继续学习：本页面开始计时（其他页面停止计时）', params: YearChapterParams, body: OpenChapterRequest, response: { 200: HeartbeatResponse } },
    config: study,
  }, async (req) => openChapter(ctxOf(req), req.params.year, req.params.chapterId, req.body.tabId));

  app.post('/learning/heartbeat', {
    schema: { tags, summary: '学习心跳（页面可见时每30秒一次）', body: HeartbeatRequest, response: { 200: HeartbeatResponse } },
    config: study,
  }, async (req) => recordHeartbeat(ctxOf(req), req.body));

  app.get('/learning/hours', {
    schema: { tags, summary: '我的公需科目学时（按年度）', response: { 200: z.array(PublicHoursRow) } },
    config: study,
  }, async (req) => {
      const ctx = ctxOf(req);
      return publicHoursByYear(ctx.db, ctx.actor.id);
    });

  app.get('/learning/chapters/:chapterId/file', {
    schema: { tags, summary: '章节文件（PDF、视频；支持Range）', params: ChapterIdParam },
    config: { policy: learningPolicy.readContent },
  }, async (req, reply) => sendChapterFile(req, reply, req.params.chapterId));

  app.get('/learning/materials/:materialId/download', {
    schema: { tags, summary: '相关资料下载', params: MaterialIdParam },
    config: { policy: learningPolicy.readContent },
  }, async (req, reply) => sendMaterial(req, reply, req.params.materialId));

  app.post('/learning/admin/courses/:courseId/chapters', {
    schema: { tags, summary: '新增章节（运营）', params: CourseIdParam, body: CreateChapterRequest, response: { 201: z.object({ id: z.number().int(), seq: z.number().int() }) } },
    config: { policy: learningPolicy.manageContent },
  }, async (req, reply) => reply.status(201).send(await createChapter(ctxOf(req), req.params.courseId, req.body)));

  app.put('/learning/admin/chapters/:chapterId/file', {
    schema: { tags, summary: '上传章节PDF或视频（运营；请求体为文件本身）', params: ChapterIdParam, querystring: ChapterFileQuery, response: { 200: z.object({ id: z.number().int(), size: z.number().int() }) } },
    config: { policy: learningPolicy.manageContent },
  }, async (req) =>
    uploadChapterFile(ctxOf(req), app.deps.files, app.deps.config.maxUploadBytes, req.params.chapterId, {
      fileName: req.query.fileName,
      mimeType: req.headers['content-type'] ?? '',
      body: req.body as Readable,
    }),
  );
};
