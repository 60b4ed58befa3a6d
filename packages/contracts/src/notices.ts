import { z } from 'zod';
import { PageQuery } from './common';

// 通知公告: the operator (人社厅 / 培训中心) writes notices; every login reads those addressed to it.

export const NoticeAudience = z.enum(['everyone', 'unit_admins', 'professionals', 'region', 'industry']);
export type NoticeAudience = z.infer<typeof NoticeAudience>;
export const NOTICE_AUDIENCE_LABEL: Record<NoticeAudience, string> = {
  everyone: '所有人（公开）',
  unit_admins: '单位管理员',
  professionals: '专业技术人员',
  region: '指定地区',
  industry: '指定行业',
};

export const NoticeStatus = z.enum(['draft', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;
export const NOTICE_STATUS_LABEL: Record<NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 50000;

/** 附件: the types a notice's attachment may have, by extension (the server also checks the content). */
export const NOTICE_ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'jpg', 'jpeg', 'png'] as const;
export const NOTICE_ATTACHMENT_MAX_FILES = 10;

/** Create or change a notice (草稿 or 已撤回). Region: a 6-digit code, the audience is its area; industry: a code. */
export const NoticeInput = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(NOTICE_TITLE_MAX, `标题不能超过${NOTICE_TITLE_MAX}个字`),
    body: z.string().max(NOTICE_BODY_MAX, `正文不能超过${NOTICE_BODY_MAX}个字`),
    audience: NoticeAudience,
    regionCode: z
      .string()
      .regex(/^\d{6}$/, '请选择地区')
      .nullish(),
    industryCode: z.string().trim().min(1).max(10).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'region' && !v.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '请选择通知的地区' });
    if (v.audience === 'industry' && !v.industryCode)
      ctx.addIssue({ code: 'custom', path: ['industryCode'], message: '请选择通知的行业' });
  });
export type NoticeInput = z.infer<typeof NoticeInput>;

export const NoticeAttachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
});
export type NoticeAttachment = z.infer<typeof NoticeAttachment>;

/** A notice as a reader sees it (and, with the operator's fields, as the editor loads it). */
export const NoticeDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  attachments: z.array(NoticeAttachment),
});
export type NoticeDetail = z.infer<typeof NoticeDetail>;

export const NoticeAdminDetail = NoticeDetail.extend({
  status: NoticeStatus,
  audience: NoticeAudience,
  regionCode: z.string().nullable(),
  industryCode: z.string().nullable(),
});
export type NoticeAdminDetail = z.infer<typeof NoticeAdminDetail>;

/** One row of 通知公告 for a reader: pinned first, then unread, then newest. */
export const NoticeRow = z.object({
  id: z.number().int(),
  title: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string(),
  read: z.boolean(),
  attachmentCount: z.number().int(),
});
export type NoticeRow = z.infer<typeof NoticeRow>;

/** The login page's list: public notices, title and date. */
export const PublicNoticeRow = z.object({
  id: z.number().int(),
  title: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string(),
});
export type PublicNoticeRow = z.infer<typeof PublicNoticeRow>;

/** 通知公告管理: every notice with its state; reads counted per unit for notices addressed to units. */
export const NoticeAdminRow = z.object({
  id: z.number().int(),
  title: z.string(),
  status: NoticeStatus,
  audience: NoticeAudience,
  /** The region's or the industry's name for those audiences. */
  audienceTarget: z.string().nullable(),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  attachmentCount: z.number().int(),
  /** Accounts that opened the notice. */
  readers: z.number().int(),
  /** 已读单位数 / 应读单位数: for notices addressed to unit admins, a region or an industry. */
  unitReads: z.object({ read: z.number().int(), expected: z.number().int() }).nullable(),
});
export type NoticeAdminRow = z.infer<typeof NoticeAdminRow>;

export const NoticeAdminQuery = PageQuery.extend({
  status: NoticeStatus.optional(),
  q: z.string().trim().max(50).optional(),
});
export type NoticeAdminQuery = z.infer<typeof NoticeAdminQuery>;

export const NoticeListQuery = PageQuery;

export const NoticePinRequest = z.object({ pinned: z.boolean() });

export const NoticeUnreadCount = z.object({ unread: z.number().int() });
