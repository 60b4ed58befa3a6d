import type { ExamAnswers, ExamAttemptView } from '@ptce/contracts';
import { now } from '../../clock';
import { queryPrepared } from '../../db/prepared';
import { SUBMIT_GRACE_MS } from '../../domain/learning';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import type { AttemptRow } from './attempt-view';
import { finalizeAttempt } from './finalize-attempt';
import { viewOf } from './get-attempt';
import { requirePlan } from '../plans/index';

// The caller's attempt with what grading and the result page need from its plan and course.
const ATTEMPT_FOR_SUBMIT_SQL = `
SELECT a.id, a.account_id, a.plan_year, a.round_no, a.attempt_no, a.course_id, a.started_at, a.deadline_at, a.submitted_at,
       a.auto_submitted, a.paper, a.total_points, a.answers, a.earned_points, a.score, a.passed,
       c.title AS course_title
  FROM exam_attempts a
  JOIN courses c ON c.id = a.course_id
 WHERE a.id = $1::integer AND a.account_id = $2::integer`;

interface SubmitRow {
  id: number;
  account_id: number;
  plan_year: number;
  round_no: number;
  attempt_no: number;
  course_id: number;
  started_at: Date | string;
  deadline_at: Date | string;
  submitted_at: Date | string | null;
  auto_submitted: boolean;
  paper: AttemptRow['paper'] | string;
  total_points: number;
  answers: AttemptRow['answers'] | string;
  earned_points: number | null;
  score: number | null;
  passed: boolean | null;
  course_title: string;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function attemptOf(r: SubmitRow): AttemptRow {
  return {
    id: r.id,
    accountId: r.account_id,
    planYear: r.plan_year,
    roundNo: r.round_no,
    attemptNo: r.attempt_no,
    courseId: r.course_id,
    startedAt: date(r.started_at),
    deadlineAt: date(r.deadline_at),
    submittedAt: r.submitted_at === null ? null : date(r.submitted_at),
    autoSubmitted: r.auto_submitted,
    paper: json(r.paper),
    totalPoints: r.total_points,
    answers: json(r.answers),
    earnedPoints: r.earned_points,
    score: r.score,
    passed: r.passed,
  };
}

/**
 * 交卷. The server grades the paper it stored. Submitting twice returns the first result. A
 * submission after the deadline (beyond a short grace for the network) counts only the answers
 * saved before the deadline, as the automatic submission would. Two round trips: the attempt is
 * read, then closed by one statement that writes only if it is still open (finalize-attempt.ts) —
 * no lock is held between them, and a concurrent submission or sweep simply finds it closed.
 */
export async function submitExam(
  ctx: Caller,
  attemptId: number,
  answers: ExamAnswers | undefined,
): Promise<ExamAttemptView> {
  const [row] = await queryPrepared<SubmitRow>(ctx.db, 'ptce_attempt_for_submit_v3', ATTEMPT_FOR_SUBMIT_SQL, [
    attemptId,
    ctx.actor.id,
  ]);
  if (!row) throw notFound('考试记录');
  const a = attemptOf(row);
  const p = await requirePlan(ctx.db, a.planYear);
  const plan = {
    passScore: p.passScore,
    maxAttempts: p.maxAttempts,
    revealKeyAfterPass: p.revealKeyAfterPass,
    compulsoryHours: p.compulsoryHours,
  };
  const known = { plan, courseTitle: row.course_title };
  // Already closed (an earlier click, another tab, the sweep): its stored result.
  if (a.submittedAt !== null) return viewOf(ctx.db, a, known);
  const late = now().getTime() > a.deadlineAt.getTime() + SUBMIT_GRACE_MS;
  const done = await finalizeAttempt(ctx.db, a, {
    answers: late ? a.answers : (answers ?? a.answers),
    auto: late,
    audit: late ? { actor: null } : { actor: ctx.actor, ip: ctx.ip },
    plan,
  });
  // Hours credited by this very pass are the plan's; otherwise (already credited) they are looked up.
  if (done.closedNow)
    return viewOf(ctx.db, done.attempt, {
      ...known,
      hoursCredited: done.creditedNow ? plan.compulsoryHours : undefined,
    });
  // Closed by a concurrent submission between the read and the close: read what it stored.
  const [stored] = await queryPrepared<SubmitRow>(ctx.db, 'ptce_attempt_for_submit_v3', ATTEMPT_FOR_SUBMIT_SQL, [
    attemptId,
    ctx.actor.id,
  ]);
  return viewOf(ctx.db, attemptOf(stored ?? row), known);
}
