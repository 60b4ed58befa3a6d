import type { TodoItem } from '@ptce/contracts';
import { now, shanghaiYear } from '../../clock';
import type { Caller } from '../auth/index';
import { compulsoryCourseOf, hasPassedCompulsory, windowFor } from '../learning/index';
import { planFor } from '../plans/index';

/**
 * 待办 of a professional: this year's compulsory course and exam while it is not passed and still open
 * (until the plan's public deadline, or a reopening of it for the person). Nothing once passed, or when
 * the year has no published plan or no compulsory course.
 */
export async function compulsoryExamTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('professional')) return [];
  const at = now();
  const year = shanghaiYear(at);
  const plan = await planFor(ctx.db, year);
  if (!plan || !(await compulsoryCourseOf(ctx.db, year))) return [];
  if (await hasPassedCompulsory(ctx.db, ctx.actor.id, year)) return [];
  const w = await windowFor(ctx.db, ctx.actor.id, plan, 'compulsory', at);
  if (!w.open) return [];
  const until = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(w.until.getTime() - 1));
  return [
    {
      key: 'exam-compulsory',
      label: `${year}年度公需科目必修课考试未通过`,
      count: 1,
      link: '/learning',
      hint: `${until}前完成学习并通过考试`,
    },
  ];
}
