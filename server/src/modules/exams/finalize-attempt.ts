import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { queryPrepared } from '../../db/prepared';
import { examAttempts } from '../../db/schema/index';
import { cleanAnswers, gradePaper, SUBMIT_GRACE_MS, type Answers } from '../../domain/learning';
import { auditEntriesSql, type AuditContext } from '../audit/index';
import { creditCtes, loadPlan, type AnnualPlanRow } from '../learning/index';
import type { AttemptRow } from './attempt-view';

/**
 * Closing an attempt is one statement, atomic on its own: the graded answers are stored only if the
 * attempt is still open; with them go the audit entry (exam.submit, or exam.auto_submit with no actor)
 * and — when passed — the compulsory hours credited to the plan year exactly once, by the credit's own
 * SQL (learning/public-hours.ts creditCtes, which creditPublicHours runs too) with its audit entry.
 * One round trip instead of six (BEGIN … COMMIT): 交卷 is what thousands of people do in the last
 * minutes before a deadline.
 * Built on first use, not at load: the learning module that supplies creditCtes reaches this one through its own
 * imports, so at load time it may not have finished defining it.
 */
let closeAttemptSql: string | undefined;
const buildCloseAttemptSql = () => `
WITH closed AS (
  UPDATE exam_attempts
     SET answers = $3::jsonb, submitted_at = $4::timestamptz, auto_submitted = $5::boolean,
         earned_points = $6::integer, score = $7::integer, passed = $8::boolean
   WHERE id = $1::integer AND account_id = $2::integer AND submitted_at IS NULL
  RETURNING id, account_id, plan_year),
submit_audit AS (
  ${auditEntriesSql('closed', {
    at: '$9::timestamptz',
    actorId: '$10::integer',
    actorName: '$11::text',
    actorKind: '$12::text',
    ip: '$14::text',
    action: '$13::text',
    targetType: `'exam_attempt'`,
    targetId: 'closed.id::text',
    detail: '$15::jsonb',
  })}),
${creditCtes(
  `(SELECT closed.account_id, closed.plan_year AS year, 'compulsory' AS kind, $16::numeric AS hours, $17::text AS source
      FROM closed WHERE $8::boolean)`,
  { at: '$9::timestamptz', actorId: '$10::integer', actorName: '$11::text', actorKind: '$12::text', ip: '$14::text' },
)}
SELECT (SELECT count(*)::integer FROM closed) AS closed, (SELECT count(*)::integer FROM credit) AS credited`;

/**
 * Grades and closes an open attempt: the server grades the paper it stored; a pass credits the
 * plan's compulsory hours to the attempt's plan year — for a prior-year makeup that is the prior
 * year — exactly once. An automatic submission is dated at the attempt's deadline. If the attempt
 * was closed meanwhile (a second click, the sweep), nothing is written and `closedNow` is false.
 */
export async function finalizeAttempt(
  db: Db,
  attempt: AttemptRow,
  opts: {
    answers: Answers;
    auto: boolean;
    audit: AuditContext;
    plan?: Pick<AnnualPlanRow, 'passScore' | 'compulsoryHours'>;
  },
): Promise<{ attempt: AttemptRow; closedNow: boolean; creditedNow: boolean }> {
  const plan = opts.plan ?? (await loadPlan(db, attempt.planYear));
  const answers = cleanAnswers(attempt.paper, opts.answers);
  const g = gradePaper(attempt.paper, answers, plan.passScore);
  const at = now();
  const submittedAt = opts.auto ? attempt.deadlineAt : at;
  const actor = opts.audit.actor;
  const action = opts.auto ? 'exam.auto_submit' : 'exam.submit';
  const source = `exam_attempt:${attempt.id}`;
  const [row] = await queryPrepared<{ closed: number; credited: number }>(
    db,
    'ptce_close_attempt_v3',
    (closeAttemptSql ??= buildCloseAttemptSql()),
    [
      attempt.id,
      attempt.accountId,
      JSON.stringify(answers),
      submittedAt,
      opts.auto,
      g.earnedPoints,
      g.score,
      g.passed,
      at,
      actor?.id ?? null,
      actor?.name ?? null,
      actor?.kind ?? null,
      action,
      opts.audit.ip ?? null,
      JSON.stringify({
        accountId: attempt.accountId,
        year: attempt.planYear,
        round: attempt.roundNo,
        attempt: attempt.attemptNo,
        score: g.score,
        passed: g.passed,
      }),
      plan.compulsoryHours,
      source,
    ],
  );
  if (!row || Number(row.closed) === 0) return { attempt, closedNow: false, creditedNow: false };
  const set = {
    answers,
    submittedAt,
    autoSubmitted: opts.auto,
    earnedPoints: g.earnedPoints,
    score: g.score,
    passed: g.passed,
  };
  return { attempt: { ...attempt, ...set }, closedNow: true, creditedNow: Number(row.credited) > 0 };
}

/**
 * Submits every attempt left open past its deadline (plus the grace for a late page), with the
 * answers saved so far. Runs lazily before a person's exam reads and starts (for that person) and
 * from the periodic sweep (for everyone); SKIP LOCKED lets several processes sweep at once.
 */
export async function submitExpiredAttempts(
  tx: Db,
  opts: { accountId?: number; limit?: number } = {},
): Promise<number> {
  const cutoff = new Date(now().getTime() - SUBMIT_GRACE_MS);
  const due = await tx
    .select()
    .from(examAttempts)
    .where(
      and(
        isNull(examAttempts.submittedAt),
        lte(examAttempts.deadlineAt, cutoff),
        opts.accountId === undefined ? sql`true` : eq(examAttempts.accountId, opts.accountId),
      ),
    )
    .orderBy(asc(examAttempts.deadlineAt))
    .limit(opts.limit ?? 100)
    .for('update', { skipLocked: true });
  for (const a of due) await finalizeAttempt(tx, a, { answers: a.answers, auto: true, audit: { actor: null } });
  return due.length;
}
