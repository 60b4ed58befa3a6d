import type { TodoItem } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { shanghaiYear } from '../../clock';
import type { Caller } from '../auth/index';

/** What the to-do says about next year's courses, given what exists; count 0 = nothing waits. */
function nextYearCoursesState(
  next: number,
  s: { courses: number; drafts: number; compulsory: boolean },
): { count: number; hint: string | null } {
  // A missing 必修课 is one thing to do; each draft is one more (a compulsory draft is counted as a draft).
  const count = s.drafts + (s.compulsory ? 0 : 1);
  if (s.courses === 0) return { count, hint: `尚无${next}年度课程，可新增必修课或复制上年课程` };
  const drafts = s.drafts ? `${s.drafts}门课程为草稿，预览无误后发布` : null;
  if (!s.compulsory)
    return {
      count,
      hint: drafts ? `尚无${next}年度必修课；${drafts}` : `尚无${next}年度必修课，可新增或复制上年必修课`,
    };
  return { count, hint: drafts };
}

/**
 * 待办 of the operator: next year's courses (课程管理, filtered to next year) — no course or no 必修课 yet, or
 * courses still drafts. A course is next year's when it is made for that year or the year's plan uses it —
 * the same courses the list shows under that year.
 */
export async function nextYearCoursesTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!ctx.actor.roles.includes('operator')) return [];
  const next = shanghaiYear() + 1;
  // Next year's courses: made for the year, or in its plan (a copied plan links last year's courses). Its 必修课
  // is one made for the year: last year's, still linked by a copied plan, is to be replaced.
  const { rows } = await ctx.db.execute<{ courses: number; drafts: number; compulsory: boolean | string }>(sql`
    WITH nc AS (
      SELECT c.kind, c.status, c.year FROM courses c
       WHERE c.year = ${next}
          OR EXISTS (SELECT 1 FROM plan_courses pc WHERE pc.course_id = c.id AND pc.year = ${next}))
    SELECT count(*)::int AS courses,
           (count(*) FILTER (WHERE nc.status = 'draft'))::int AS drafts,
           coalesce(bool_or(nc.kind = 'compulsory' AND nc.year = ${next}), false) AS compulsory
      FROM nc`);
  const row = rows[0];
  const state = nextYearCoursesState(next, {
    courses: Number(row?.courses ?? 0),
    drafts: Number(row?.drafts ?? 0),
    compulsory: row?.compulsory === true || row?.compulsory === 't',
  });
  return [
    {
      key: 'courses-next-year',
      label: `${next}年度课程未发布`,
      count: state.count,
      link: `/learning/admin?year=${next}`,
      hint: state.hint,
    },
  ];
}
