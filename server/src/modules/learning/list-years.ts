import type { LearningYear } from '@ptce/contracts';
import { now, shanghaiYear } from '../../clock';
import { publishedPlans } from '../plans/index';
import type { Caller } from '../auth/index';
import { compulsoryCourseOf, hasPassedCompulsory, windowFor, windowView } from './plan-context';
import { publicHoursByYear } from './public-hours';

/** 历年培训: every plan year up to this one, with its public hours and whether a makeup is open. */
export async function listYears(ctx: Caller): Promise<LearningYear[]> {
  const at = now();
  const current = shanghaiYear(at);
  const plans = await publishedPlans(ctx.db, current);
  const hours = await publicHoursByYear(ctx.db, ctx.actor.id);
  const out: LearningYear[] = [];
  for (const plan of plans.reverse()) {
    const course = await compulsoryCourseOf(ctx.db, plan.year);
    const h = hours.find((x) => x.year === plan.year);
    out.push({
      year: plan.year,
      isCurrent: plan.year === current,
      compulsoryTitle: course?.title ?? null,
      compulsoryPassed: await hasPassedCompulsory(ctx.db, ctx.actor.id, plan.year),
      hours: { compulsory: h?.compulsory ?? 0, elective: h?.elective ?? 0 },
      window: windowView(await windowFor(ctx.db, ctx.actor.id, plan, 'compulsory', at)),
    });
  }
  return out;
}
