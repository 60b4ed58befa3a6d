import type { CourseCard, LearningOverview } from '@ptce/contracts';
import { now, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import type { Caller } from '../auth/index';
import { completeCourseIfDone } from './complete-course';
import { loadPlan, planCoursesOf, progressRound, windowFor, windowView, type CourseRow } from './plan-context';
import { courseStats, type CourseStats } from './progress';
import { publicHoursByYear } from './public-hours';

/** 前往学习 → 学习课程: the year's compulsory course and electives with the person's progress. */
export async function listCourses(ctx: Caller, year: number): Promise<LearningOverview> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const plan = await loadPlan(tx, year);
    const list = await planCoursesOf(tx, year);
    const wCompulsory = await windowFor(tx, accountId, plan, 'compulsory', at);
    const wElective = await windowFor(tx, accountId, plan, 'elective', at);
    const { roundNo, round } = await progressRound(tx, accountId, year, 'compulsory', wCompulsory, at);
    const want = list.map((c) => ({ courseId: c.id, roundNo: c.planKind === 'compulsory' ? roundNo : 1 }));
    const stats = await courseStats(tx, accountId, year, want);
    await healCompletions(tx, ctx, year, list, stats, roundNo);

    const card = (c: (typeof list)[number]): CourseCard => ({
      id: c.id,
      code: c.code,
      title: c.title,
      kind: c.planKind,
      area: c.area,
      summary: c.summary,
      lecturer: c.lecturer,
      ...stats.get(c.id)!,
      window: windowView(c.planKind === 'compulsory' ? wCompulsory : wElective),
    });
    const hours = (await publicHoursByYear(tx, accountId)).find((h) => h.year === year);
    const compulsory = list.find((c) => c.planKind === 'compulsory');
    return {
      year,
      currentYear: shanghaiYear(at),
      publicDeadline: plan.publicDeadline,
      compulsory: compulsory ? card(compulsory) : null,
      electives: list.filter((c) => c.planKind === 'elective').map(card),
      roundNo,
      roundKind: round?.kind ?? null,
      hours: { compulsory: hours?.compulsory ?? 0, elective: hours?.elective ?? 0 },
      plan: {
        compulsoryHours: plan.compulsoryHours,
        electiveHours: plan.electiveHours,
        passScore: plan.passScore,
        maxAttempts: plan.maxAttempts,
      },
    };
  });
}

/**
 * A course whose chapters are all complete but which has no completion row (the heartbeat's
 * follow-up was interrupted) is completed now; completeCourseIfDone is idempotent.
 */
async function healCompletions(
  tx: Db,
  ctx: Caller,
  year: number,
  list: Array<CourseRow & { planKind: 'compulsory' | 'elective' }>,
  stats: Map<number, CourseStats>,
  roundNo: number,
) {
  for (const c of list) {
    const s = stats.get(c.id)!;
    if (s.completed || s.chapterCount === 0 || s.completedChapters < s.chapterCount) continue;
    const r = c.planKind === 'compulsory' ? roundNo : 1;
    s.completed = await completeCourseIfDone(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      { accountId: ctx.actor.id, year, courseId: c.id, roundNo: r, kind: c.planKind },
    );
  }
}
