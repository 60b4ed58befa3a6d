import type { NoticeAdminQuery, NoticeAdminRow } from '@ptce/contracts';
import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@ptce/rules';
import type { Db } from '../../db/client';
import { industries, notices, regions } from '../../db/schema/index';
import { escapeLike } from '../../db/sql-helpers';
import type { Caller } from '../auth/index';

type Target = Pick<typeof notices.$inferSelect, 'id' | 'audience' | 'regionCode' | 'industryCode'>;

/** The units a notice is addressed to (through their admins), or null when it is not addressed to units. */
function unitsAddressed(n: Target): SQL | null {
  switch (n.audience) {
    case 'unit_admins':
      return sql`true`;
    case 'region':
      return sql`u.region_code LIKE ${regionPrefix(n.regionCode!) + '%'}`;
    case 'industry':
      return sql`u.industry_code = ${n.industryCode}`;
    default:
      return null;
  }
}

/** A unit that can still read: not 停用 and not 已合并 (a merged unit's admins moved to the unit it joined). */
const canRead = sql`u.disabled_at IS NULL AND u.merged_into_id IS NULL`;

/**
 * 已读单位数 / 应读单位数: a unit has read the notice when one of its admins (or its unit account) opened it —
 * each unit counts once, however many of its admins read it and how often. Only units that can read are
 * counted, on both sides: a unit disabled or merged after it read drops out of both.
 */
export async function unitReads(db: Db, n: Target): Promise<{ read: number; expected: number } | null> {
  const units = unitsAddressed(n);
  if (!units) return null;
  const addressed = sql`${units} AND ${canRead}`;
  const r = await db.execute<{ read: number; expected: number }>(sql`
    SELECT
      (SELECT count(*)::int FROM units u WHERE ${addressed}) AS expected,
      (SELECT count(DISTINCT a.unit_id)::int
         FROM notice_reads r JOIN accounts a ON a.id = r.account_id JOIN units u ON u.id = a.unit_id
        WHERE r.notice_id = ${n.id} AND a.kind IN ('unit_admin', 'unit_account') AND ${addressed}) AS read`);
  const row = r.rows[0]!;
  return { read: Number(row.read), expected: Number(row.expected) };
}

/** 通知公告管理: every notice, newest first (pinned ones first), with its state and reads. */
export async function listAdminNotices(ctx: Caller, q: NoticeAdminQuery) {
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(notices.status, q.status));
  if (q.q) conds.push(ilike(notices.title, `%${escapeLike(q.q)}%`));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: notices.id,
        title: notices.title,
        status: notices.status,
        audience: notices.audience,
        regionCode: notices.regionCode,
        industryCode: notices.industryCode,
        audienceTarget: sql<string | null>`coalesce(${regions.name}, ${industries.name})`,
        pinned: notices.pinned,
        publishedAt: notices.publishedAt,
        updatedAt: notices.updatedAt,
        attachmentCount: sql<number>`(SELECT count(*)::int FROM notice_attachments a WHERE a.notice_id = ${notices.id})`,
        readers: sql<number>`(SELECT count(*)::int FROM notice_reads r WHERE r.notice_id = ${notices.id})`,
      })
      .from(notices)
      .leftJoin(regions, eq(regions.code, notices.regionCode))
      .leftJoin(industries, eq(industries.code, notices.industryCode))
      .where(where)
      .orderBy(
        desc(notices.pinned),
        desc(sql`coalesce(${notices.publishedAt}, ${notices.createdAt})`),
        desc(notices.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notices)
      .where(where),
  ]);
  const items: NoticeAdminRow[] = [];
  for (const r of rows) {
    const { regionCode: _r, industryCode: _i, ...row } = r;
    items.push({
      ...row,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      unitReads: await unitReads(ctx.db, r),
    });
  }
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
