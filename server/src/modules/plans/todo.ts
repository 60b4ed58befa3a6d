import type { TodoItem } from '@ptce/contracts';
import { shanghaiYear } from '../../clock';
import type { Caller } from '../auth/index';
import { plansSnapshot } from './plan-cache';

/** 待办 of the operator: next year's annual plan, while it is missing or still a draft (年度计划管理). */
export async function nextYearPlanTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('operator')) return [];
  const next = shanghaiYear() + 1;
  const plan = (await plansSnapshot(ctx.db)).plans.find((p) => p.year === next);
  const published = plan?.status === 'published';
  return [
    {
      key: 'plan-next-year',
      label: `${next}年度计划未发布`,
      count: published ? 0 : 1,
      link: '/plans',
      hint: published ? null : plan ? '草稿已建立，核对后发布' : '可复制上一年度计划建立草稿',
    },
  ];
}
