import {
  IdParam,
  NoticeAdminDetail,
  NoticeAdminQuery,
  NoticeAdminRow,
  NoticeAttachment,
  NoticeDetail,
  NoticeInput,
  NoticeListQuery,
  NoticePinRequest,
  NoticeRow,
  NoticeUnreadCount,
  Ok,
  Page,
  PublicNoticeRow,
} from '@ptce/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, nameByType } from '../../http/content-disposition';
import { ctxOf } from '../../http/context';
import { receiveFile } from '../../http/upload';
import { addAttachment, removeAttachment } from './attachments';
import { addressedTo, noticeWithId, publicNotice, readerOf } from './audience';
import { deleteNotice } from './delete-notice';
import { listAdminNotices } from './list-admin-notices';
import { listNotices, unreadCount } from './list-notices';
import { adminView, findNotice } from './notice-view';
import { openAttachment, type AttachmentDownload } from './open-attachment';
import { pinNotice } from './pin-notice';
import { noticesPolicy } from './policy';
import { getPublicNotice, listPublicNotices } from './public-notices';
import { publishNotice } from './publish-notice';
import { readNotice } from './read-notice';
import { createNotice, updateNotice } from './save-notice';
import { withdrawNotice } from './withdraw-notice';

const ok = { ok: true as const };
const Created = z.object({ id: z.number().int() });
const AttachmentParams = IdParam.extend({ attachmentId: z.coerce.number().int().positive() });

/** A download, always as an attachment (never opened as a page), named by its type. */
function sendAttachment(reply: FastifyReply, a: AttachmentDownload, cache: 'private' | 'public') {
  return reply
    .header('content-type', a.mimeType)
    .header('content-length', a.size)
    .header('content-disposition', contentDisposition(nameByType(a.fileName, a.mimeType)))
    .header('cache-control', `${cache}, no-cache`)
    .header('x-content-type-options', 'nosniff')
    .send(a.body);
}

export const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notices'];
  const { files } = app.deps;
  const manage = { policy: noticesPolicy.manage };
  const read = { policy: noticesPolicy.read };
  const open = { policy: noticesPolicy.public };

  // 通知公告管理 (operator)
  app.get(
    '/notices/admin',
    {
      schema: {
        tags,
        summary: '通知公告管理：列表',
        querystring: NoticeAdminQuery,
        response: { 200: Page(NoticeAdminRow) },
      },
      config: manage,
    },
    async (req) => listAdminNotices(ctxOf(req), req.query),
  );
  app.get(
    '/notices/admin/:id',
    {
      schema: { tags, summary: '通知公告管理：查看', params: IdParam, response: { 200: NoticeAdminDetail } },
      config: manage,
    },
    async (req) => {
      const { db } = ctxOf(req);
      return adminView(db, await findNotice(db, req.params.id));
    },
  );
  app.post(
    '/notices/admin',
    { schema: { tags, summary: '新建通知（草稿）', body: NoticeInput, response: { 201: Created } }, config: manage },
    async (req, reply) => reply.status(201).send(await createNotice(ctxOf(req), req.body)),
  );
  app.put(
    '/notices/admin/:id',
    {
      schema: {
        tags,
        summary: '修改通知（草稿或已撤回）',
        params: IdParam,
        body: NoticeInput,
        response: { 200: Created },
      },
      config: manage,
    },
    async (req) => updateNotice(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/notices/admin/:id',
    { schema: { tags, summary: '删除草稿', params: IdParam, response: { 200: Ok } }, config: manage },
    async (req) => (await deleteNotice(ctxOf(req), files, req.params.id), ok),
  );
  app.post(
    '/notices/admin/:id/publish',
    { schema: { tags, summary: '发布', params: IdParam, response: { 200: Ok } }, config: manage },
    async (req) => (await publishNotice(ctxOf(req), req.params.id), ok),
  );
  app.post(
    '/notices/admin/:id/withdraw',
    { schema: { tags, summary: '撤回', params: IdParam, response: { 200: Ok } }, config: manage },
    async (req) => (await withdrawNotice(ctxOf(req), req.params.id), ok),
  );
  app.post(
    '/notices/admin/:id/pin',
    {
      schema: { tags, summary: '置顶 / 取消置顶', params: IdParam, body: NoticePinRequest, response: { 200: Ok } },
      config: manage,
    },
    async (req) => (await pinNotice(ctxOf(req), req.params.id, req.body.pinned), ok),
  );
  app.post(
    '/notices/admin/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传附件（PDF/Word/Excel/ZIP/JPG/PNG）',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 201: NoticeAttachment },
      },
      config: manage,
    },
    async (req, reply) => {
      const max = app.deps.config.maxUploadBytes;
      const file = await receiveFile(req, {
        maxBytes: max,
        tooLarge: `附件不能超过${Math.round(max / 1024 / 1024)}MB`,
        missing: '请选择要上传的附件',
      });
      return reply.status(201).send(await addAttachment(ctxOf(req), files, req.params.id, file));
    },
  );
  app.delete(
    '/notices/admin/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除附件', params: AttachmentParams, response: { 200: Ok } }, config: manage },
    async (req) => (await removeAttachment(ctxOf(req), files, req.params.id, req.params.attachmentId), ok),
  );
  app.get(
    '/notices/admin/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件（管理）', params: AttachmentParams }, config: manage },
    async (req, reply) =>
      sendAttachment(
        reply,
        await openAttachment(ctxOf(req).db, files, req.params.attachmentId, noticeWithId(req.params.id)),
        'private',
      ),
  );

  // 通知公告 (every login)
  app.get(
    '/notices',
    {
      schema: {
        tags,
        summary: '通知公告（发给我的）',
        querystring: NoticeListQuery,
        response: { 200: Page(NoticeRow) },
      },
      config: read,
    },
    async (req) => listNotices(ctxOf(req), req.query),
  );
  app.get(
    '/notices/unread-count',
    { schema: { tags, summary: '未读通知数', response: { 200: NoticeUnreadCount } }, config: read },
    async (req) => ({ unread: await unreadCount(ctxOf(req)) }),
  );
  app.get(
    '/notices/:id',
    {
      schema: { tags, summary: '查看通知（记为已读）', params: IdParam, response: { 200: NoticeDetail } },
      config: read,
    },
    async (req) => readNotice(ctxOf(req), req.params.id),
  );
  app.get(
    '/notices/attachments/:id',
    { schema: { tags, summary: '下载附件', params: IdParam }, config: read },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const visible = addressedTo(await readerOf(ctx.db, ctx.actor));
      return sendAttachment(reply, await openAttachment(ctx.db, files, req.params.id, visible), 'private');
    },
  );

  // 公开 (the login page, no login)
  app.get(
    '/public/notices',
    {
      schema: {
        tags,
        summary: '公开的通知公告（登录页）',
        querystring: NoticeListQuery,
        response: { 200: Page(PublicNoticeRow) },
      },
      config: open,
    },
    async (req) => listPublicNotices(app.deps.db, req.query),
  );
  app.get(
    '/public/notices/:id',
    { schema: { tags, summary: '查看公开的通知', params: IdParam, response: { 200: NoticeDetail } }, config: open },
    async (req) => getPublicNotice(app.deps.db, req.params.id),
  );
  app.get(
    '/public/notices/attachments/:id',
    { schema: { tags, summary: '下载公开通知的附件', params: IdParam }, config: open },
    async (req, reply) =>
      sendAttachment(reply, await openAttachment(app.deps.db, files, req.params.id, publicNotice), 'public'),
  );
};
