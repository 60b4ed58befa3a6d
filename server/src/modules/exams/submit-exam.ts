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
    let attempt = a;
    if (attempt.submittedAt === null) {
      const late = now().getTime() > attempt.deadlineAt.getTime() + SUBMIT_GRACE_MS;
      attempt = await finalizeAttempt(tx, attempt, {
        answers: late ? attempt.answers : (answers ?? attempt.answers),
        auto: late,
        audit: late ? { actor: null } : { actor: ctx.actor, ip: ctx.ip },
        plan,
      });
    }
    return viewOf(tx, attempt, { plan, courseTitle });
  });
}
