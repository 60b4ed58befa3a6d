import type { ExamAnswers } from '@ptce/contracts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { now } from '../../clock';
import { examAttempts } from '../../db/schema/index';
import { cleanAnswers } from '../../domain/learning';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { ownAttempt } from './get-attempt';

/** Saves the answers so far (the page saves as the person answers), so a closed tab or the deadline loses nothing. */
export async function saveAnswers(ctx: Caller, attemptId: number, answers: ExamAnswers): Promise<{ savedAt: string }> {
  const attempt = await ownAttempt(ctx.db, ctx.actor.id, attemptId);
  const at = now();
  const rows = await ctx.db
    .update(examAttempts)
    .set({ answers: cleanAnswers(attempt.paper, answers) })
    .where(
      and(
        eq(examAttempts.id, attemptId),
        eq(examAttempts.accountId, ctx.actor.id),
        isNull(examAttempts.submittedAt),
        gt(examAttempts.deadlineAt, at),
      ),
    )
    .returning({ id: examAttempts.id });
  if (!rows.length) throw new AppError('CONFLICT', '考试已结束，答案不能再修改');
  return { savedAt: at.toISOString() };
}
