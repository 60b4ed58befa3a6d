import type { ExamAnswers, ExamAttemptView } from '@ptce/contracts';
import { now } from '../../clock';
import { SUBMIT_GRACE_MS } from '../../domain/learning';
import type { Ctx } from '../../http/context';
import { finalizeAttempt } from './finalize-attempt';
import { ownAttemptWithPlan, viewOf } from './get-attempt';

/**
 * 交卷. The server grades the paper it stored. Submitting twice returns the first result. A
 * submission after the deadline (beyond a short grace for the network) counts only the answers
 * saved before the deadline, as the automatic submission would.
 */
export async function submitExam(ctx: Ctx, attemptId: number, answers: ExamAnswers | undefined): Promise<ExamAttemptView> {
  return ctx.db.transaction(async (tx) => {
    const { a, plan, courseTitle } = await ownAttemptWithPlan(tx, ctx.actor.id, attemptId, { lock: true });
    if (a.submittedAt !== null) return viewOf(tx, a, { plan, courseTitle });
    const late = now().getTime() > a.deadlineAt.getTime() + SUBMIT_GRACE_MS;
    const done = await finalizeAttempt(tx, a, {
      answers: late ? a.answers : (answers ?? a.answers),
      auto: late,
      audit: late ? { actor: null } : { actor: ctx.actor, ip: ctx.ip },
      plan,
    });
    // Hours credited by this very pass are the plan's; otherwise (already credited) they are looked up.
    return viewOf(tx, done.attempt, { plan, courseTitle, hoursCredited: done.creditedNow ? plan.compulsoryHours : undefined });
  });
}
