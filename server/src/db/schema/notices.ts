import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { industries, regions } from './reference';

// 通知公告. The SQL is server/migrations/0020_notices.sql.

export const NOTICE_AUDIENCES = ['everyone', 'unit_admins', 'professionals', 'region', 'industry'] as const;
export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;

export const notices = pgTable(
  'notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    audience: text('audience', { enum: NOTICE_AUDIENCES }).notNull(),
    regionCode: char('region_code', { length: 6 }).references(() => regions.code),
    industryCode: text('industry_code').references(() => industries.code),
    status: text('status', { enum: NOTICE_STATUSES }).notNull().default('draft'),
    pinned: boolean('pinned').notNull().default(false),
    publishedAt: tstz('published_at'),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('notices_audience_check', oneOf(t.audience, NOTICE_AUDIENCES)),
    check('notices_status_check', oneOf(t.status, NOTICE_STATUSES)),
    check(
      'notices_audience_target_check',
      sql`(${t.audience} = 'region') = (${t.regionCode} IS NOT NULL) AND (${t.audience} = 'industry') = (${t.industryCode} IS NOT NULL)`,
    ),
    check('notices_published_at_check', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
    index('notices_status_idx').on(t.status, t.publishedAt),
  ],
);

export const noticeAttachments = pgTable(
  'notice_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    fileKey: text('file_key'),
    content: text('content'),
    uploadedAt: tstz('uploaded_at').notNull(),
  },
  (t) => [
    check('notice_attachments_one_body', sql`(${t.content} IS NULL) <> (${t.fileKey} IS NULL)`),
    index('notice_attachments_notice_idx').on(t.noticeId),
  ],
);

export const noticeReads = pgTable(
  'notice_reads',
  {
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    readAt: tstz('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.accountId] }), index('notice_reads_account_idx').on(t.accountId)],
);
