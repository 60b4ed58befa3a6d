import type { TodoItem } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import { makeupRequests } from '../../db/schema/index';
import type { Caller } from '../auth/index';

/** 待办 of the help desk (operator): 补考申请 waiting for a decision — the queue filtered to 待处理. */
export async function makeupRequestsTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('operator')) return [];
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(makeupRequests)
    .where(eq(makeupRequests.status, 'pending'));
  return [
    {
      key: 'makeup-requests',
      label: '待处理的补考申请',
      count: row?.n ?? 0,
      link: '/exams/makeup-requests?status=pending',
      hint: null,
    },
  ];
}
