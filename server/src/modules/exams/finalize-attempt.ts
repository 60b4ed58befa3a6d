import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { examAttempts } from '../../db/schema/index';
import { cleanAnswers, gradePaper, SUBMIT_GRACE_MS, type Answers } from '../../domain/learning';
import { writeAudit, type AuditContext } from '../audit/write-audit';
import { loadPlan, type AnnualPlanRow } from '../learning/plan-context';
import { creditPublicHours } from '../learning/public-hours';
import type { AttemptRow } from './attempt-view';

/**
 * Grades and closes an open attempt (locked by the caller) inside the caller's transaction:
 * the server grades the paper it stored; a pass credits the plan's compulsory hours to the
 * attempt's plan year — for a prior-year makeup that is the prior year — exactly once.
 * An automatic submission is dated at the attempt's deadline.
 */
export async function finalizeAttempt(
  tx: Db,
  attempt: AttemptRow,
  opts: { answers: Answers; auto: boolean; audit: AuditContext; plan?: AnnualPlanRow },
): Promise<{ attempt: AttemptRow; creditedNow: boolean }> {
  const plan = opts.plan ?? (await loadPlan(tx, attempt.planYear));
  const answers = cleanAnswers(attempt.paper, opts.answers);
  const g = gradePaper(attempt.paper, answers, plan.passScore);
  const at = now();
  const submittedAt = opts.auto ? attempt.deadlineAt : at;
  const set = { answers, submittedAt, autoSubmitted: opts.auto, earnedPoints: g.earnedPoints, score: g.score, passed: g.passed };
  // Only the id comes back: the stored paper (tens of KB of JSON) is already in hand.
  const [row] = await tx
    .update(examAttempts)
    .set(set)
    .where(and(eq(examAttempts.id, attempt.id), isNull(examAttempts.submittedAt)))
    .returning({ id: examAttempts.id });
  if (!row) return { attempt, creditedNow: false }; // closed meanwhile by someone else holding no lock: nothing to do
  await writeAudit(tx, opts.audit, {
    action: opts.auto ? 'exam.auto_submit' : 'exam.submit',
    targetType: 'exam_attempt',
    targetId: attempt.id,
    detail: { accountId: attempt.accountId, year: attempt.planYear, round: attempt.roundNo, attempt: attempt.attemptNo, score: g.score, passed: g.passed },
  });
  let creditedNow = false;
  if (g.passed) {
    creditedNow = await creditPublicHours(tx, opts.audit, { accountId: attempt.accountId, year: attempt.planYear, kind: 'compulsory', hours: plan.compulsoryHours, source: `exam_attempt:${attempt.id}` });
  }
  return { attempt: { ...attempt, ...set }, creditedNow };
}

/**
 * Submits every attempt left open past its deadline (plus the grace for a late page), with the
 * answers saved so far. Runs lazily before a person's exam reads and starts (for that person) and
 * from the periodic sweep (for everyone); SKIP LOCKED lets several processes sweep at once.
 */
export async function submitExpiredAttempts(tx: Db, opts: { accountId?: number; limit?: number } = {}): Promise<number> {
  const cutoff = new Date(now().getTime() - SUBMIT_GRACE_MS);
  const due = await tx
    .select()
    .from(examAttempts)
    .where(and(isNull(examAttempts.submittedAt), lte(examAttempts.deadlineAt, cutoff), opts.accountId === undefined ? sql`true` : eq(examAttempts.accountId, opts.accountId)))
    .orderBy(asc(examAttempts.deadlineAt))
    .limit(opts.limit ?? 100)
    .for('update', { skipLocked: true });
  for (const a of due) await finalizeAttempt(tx, a, { answers: a.answers, auto: true, audit: { actor: null } });
  return due.length;
}
