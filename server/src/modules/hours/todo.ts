import { RECORD_STATUS_LABEL, type TodoItem } from '@ptce/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { UNIT_STAFF } from '../../auth/policy';
import { now } from '../../clock';
import { accounts, hourRecords } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { openYears } from '../plans/index';
import { recordListWhere } from './list-records';

const REVIEWERS = [...UNIT_STAFF, 'authority'] as const;

/**
 * 待办 of a reviewer: records 待初审 submitted to its unit (a 二级管理员: within its departments) or to
 * its authority — the same condition as the 专业科目学时审核 list, so the count is that list's length.
 */
export async function reviewQueueTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.some((r) => (REVIEWERS as readonly string[]).includes(r))) return [];
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(hourRecords)
    .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
    .where(recordListWhere(ctx, 'queue', {}));
  return [
    {
      key: 'hours-review',
      label: `${RECORD_STATUS_LABEL.pending}的专业科目学时`,
      count: row?.n ?? 0,
      link: '/hours/unit/review',
      hint: null,
    },
  ];
}

/**
 * 待办 of a professional: own records 待提交 and 不予认定 (which may be modified and submitted again) in
 * the years still open for registration; each links to 学时登记 filtered by that status (and the year
 * when only one is open).
 */
export async function ownRecordsTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('professional')) return [];
  const years = await openYears(ctx.db, now(), { personId: ctx.actor.id });
  if (years.length === 0) return [];
  const [row] = await ctx.db
    .select({
      drafts: sql<number>`count(*) FILTER (WHERE ${hourRecords.status} = 'draft')::int`,
      rejected: sql<number>`count(*) FILTER (WHERE ${hourRecords.status} = 'rejected')::int`,
    })
    .from(hourRecords)
    .where(
      and(
        eq(hourRecords.accountId, ctx.actor.id),
        inArray(hourRecords.year, years),
        inArray(hourRecords.status, ['draft', 'rejected']),
      ),
    );
  const yearParam = years.length === 1 ? `&year=${years[0]}` : '';
  return [
    {
      key: 'hours-drafts',
      label: `${RECORD_STATUS_LABEL.draft}的学时登记`,
      count: row?.drafts ?? 0,
      link: `/hours/mine?status=draft${yearParam}`,
      hint: '保存后须提交审核才会认定学时',
    },
    {
      key: 'hours-rejected',
      label: `${RECORD_STATUS_LABEL.rejected}的学时登记`,
      count: row?.rejected ?? 0,
      link: `/hours/mine?status=rejected${yearParam}`,
      hint: '查看审核意见，修改后可重新提交',
    },
  ];
}
