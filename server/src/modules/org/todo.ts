import type { TodoItem } from '@ptce/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { UNIT_STAFF } from '../../auth/policy';
import { personScope } from '../../auth/scope';
import { accounts } from '../../db/schema/index';
import type { Caller } from '../auth/index';

/**
 * 待办 of unit staff: professionals 新注册 who chose this unit and wait for its confirmation, within the
 * caller's scope (a 二级管理员: its departments) — the 专业技术人员管理 list filtered by 人员状态 新注册.
 */
export async function newRegistrationsTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.some((r) => UNIT_STAFF.includes(r))) return [];
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .where(and(eq(accounts.kind, 'professional'), personScope(ctx.actor), eq(accounts.pendingConfirmation, true)));
  return [
    {
      key: 'staff-new',
      label: '新注册待确认的专业技术人员',
      count: row?.n ?? 0,
      link: '/org/staff?newRegistration=true',
      hint: null,
    },
  ];
}
