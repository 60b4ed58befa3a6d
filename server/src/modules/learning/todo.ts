import type { TodoItem } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import { shanghaiYear } from '../../clock';
import { courses } from '../../db/schema/index';
import type { Caller } from '../auth/index';

/** 待办 of the operator: next year's courses still drafts (课程管理), or none made yet. */
export async function nextYearCoursesTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('operator')) return [];
  const next = shanghaiYear() + 1;
  const [row] = await ctx.db
    .select({
      drafts: sql<number>`(count(*) FILTER (WHERE ${courses.status} = 'draft'))::int`,
      all: sql<number>`count(*)::int`,
    })
    .from(courses)
    .where(eq(courses.year, next));
  const drafts = Number(row?.drafts ?? 0);
  const all = Number(row?.all ?? 0);
  return [
    {
      key: 'courses-next-year',
      label: `${next}年度课程未发布`,
      count: drafts,
      link: '/learning/admin',
      hint: all === 0 ? '尚无下一年度课程，可新增课程或复制上年课程' : drafts ? '预览无误后发布' : null,
    },
  ];
}
