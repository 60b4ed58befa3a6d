import type { ExamAttemptSummary, ExamAttemptView } from '@ptce/contracts';
import type { examAttempts } from '../../db/schema/index';
import { gradePaper } from '../../domain/learning';

export type AttemptRow = typeof examAttempts.$inferSelect;

export function attemptSummary(a: AttemptRow): ExamAttemptSummary {
  return {
    id: a.id,
    roundNo: a.roundNo,
    attemptNo: a.attemptNo,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    autoSubmitted: a.autoSubmitted,
    score: a.score,
    passed: a.passed,
  };
}

/**
 * What the browser may see of an attempt. While it is open: the questions as served — stem,
 * options in served order, points — and the saved answers; never the answer key or the
 * explanations. After submission: the score and which questions were answered wrongly; the right
 * answers and explanations only for a passed attempt and only when the plan reveals the key after a
 * pass (with 45 questions drawn from a bank of 90, a key shown after a failed attempt would make
 * the next attempt trivial).
 */
export function attemptView(
  a: AttemptRow,
  ctx: {
    courseTitle: string;
    maxAttempts: number;
    passScore: number;
    revealKeyAfterPass: boolean;
    at: Date;
    hoursCredited: number | null;
  },
): ExamAttemptView {
  const submitted = a.submittedAt !== null;
  let result: ExamAttemptView['result'] = null;
  if (submitted) {
    const g = gradePaper(a.paper, a.answers, ctx.passScore);
    const passed = a.passed ?? g.passed;
    const keyRevealed = passed && ctx.revealKeyAfterPass;
    result = {
      score: a.score ?? g.score,
      earnedPoints: a.earnedPoints ?? g.earnedPoints,
      totalPoints: a.totalPoints,
      passScore: ctx.passScore,
      passed,
      hoursCredited: ctx.hoursCredited,
      keyRevealed,
      items: a.paper.map((q, i) => ({
        no: i + 1,
        correct: g.correct[i]!,
        answer: keyRevealed ? q.answer : null,
        explanation: keyRevealed ? q.explanation : null,
      })),
    };
  }
  return {
    id: a.id,
    year: a.planYear,
    courseTitle: ctx.courseTitle,
    roundNo: a.roundNo,
    attemptNo: a.attemptNo,
    maxAttempts: ctx.maxAttempts,
    status: submitted ? 'submitted' : 'open',
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    serverNow: ctx.at.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    autoSubmitted: a.autoSubmitted,
    questions: a.paper.map((q, i) => ({ no: i + 1, type: q.type, stem: q.stem, options: q.options, points: q.points })),
    answers: a.answers,
    result,
  };
}
