import type { ExamOverview } from '@ptce/contracts';
import { now } from '../../clock';
import { examStartRefusal } from '../../domain/learning';
import type { Caller } from '../auth/index';
import {
  compulsoryCourseOf,
  hasPassedCompulsory,
  latestRound,
  ensureRound,
  loadPlan,
  windowFor,
  windowView,
} from '../learning/index';
import { attemptSummary } from './attempt-view';
import { attemptsOfYear, compulsoryCompleted, creditedCompulsoryHours, paperSize } from './exam-state';
import { submitExpiredAttempts } from './finalize-attempt';

/** 考试列表: the year's compulsory exam — attempts used and left, whether it may start, and why not. */
export async function getExamOverview(ctx: Caller, year: number): Promise<ExamOverview> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const plan = await loadPlan(tx, year);
    const course = await compulsoryCourseOf(tx, year);
    await submitExpiredAttempts(tx, { accountId });
    const w = await windowFor(tx, accountId, plan, 'compulsory', at);
    const round = w.open ? await ensureRound(tx, accountId, year, w, at) : await latestRound(tx, accountId, year);
    const roundNo = round?.roundNo ?? 1;
    const passed = await hasPassedCompulsory(tx, accountId, year);
    const completed = course
      ? await compulsoryCompleted(
          tx,
          { actor: ctx.actor, ip: ctx.ip },
          { accountId, year, courseId: course.id, roundNo },
        )
      : false;
    const attempts = await attemptsOfYear(tx, accountId, year);
    const inRound = attempts.filter((a) => a.roundNo === roundNo);
    const open = inRound.find((a) => a.submittedAt === null) ?? null;
    const refusal = !course
      ? `${year}年度未设置必修课`
      : !w.open
        ? w.reason
        : examStartRefusal(
            {
              passed,
              courseCompleted: completed,
              attemptsUsed: inRound.length,
              maxAttempts: plan.maxAttempts,
              hasOpenAttempt: Boolean(open),
            },
            year,
          );
    return {
      year,
      course: course ? { id: course.id, title: course.title } : null,
      window: windowView(w),
      roundNo,
      roundKind: round?.kind ?? null,
      courseCompleted: completed,
      passed,
      passScore: plan.passScore,
      minutes: plan.examConfig.minutes,
      questionCount: course ? await paperSize(tx, course.id, plan.examConfig) : 0,
      maxAttempts: plan.maxAttempts,
      attemptsUsed: inRound.length,
      attemptsLeft: Math.max(0, plan.maxAttempts - inRound.length),
      openAttemptId: open?.id ?? null,
      canStart: refusal === null,
      refusal,
      compulsoryHours: plan.compulsoryHours,
      hoursCredited: await creditedCompulsoryHours(tx, accountId, year),
      attempts: attempts.map(attemptSummary),
    };
  });
}
