import crypto from 'node:crypto';
import type { ExamAttemptView } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { examAttempts, questions } from '../../db/schema/index';
import { drawPaper, examStartRefusal, paperTotal, seededRng } from '../../domain/learning';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import {
  assertOpen,
  compulsoryCourseOf,
  ensureRound,
  hasPassedCompulsory,
  latestRound,
  loadPlan,
  windowFor,
} from '../learning/index';
import { attemptView } from './attempt-view';
import { attemptsOfYear, compulsoryCompleted } from './exam-state';
import { submitExpiredAttempts } from './finalize-attempt';
import { HELP_DESK } from '@ptce/rules';

/**
 * 开始考试. Refused before the compulsory course is complete, after passing, outside the year's
 * window and after the round's attempts are used up. An attempt still open is resumed instead of
 * starting another. Starts of one person serialize on a row lock of their current round, so
 * concurrent requests can never use a fourth attempt (the unique (round, attempt_no) and the
 * one-open-attempt index hold even if this code were wrong).
 */
export async function startExam(ctx: Caller, year: number): Promise<ExamAttemptView> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const audit = { actor: ctx.actor, ip: ctx.ip };
    const plan = await loadPlan(tx, year);
    const course = await compulsoryCourseOf(tx, year);
    if (!course) throw new AppError('NOT_FOUND', `${year}年度未设置必修课考试`);
    // An attempt that ran out first: it may pass, which closes a prior year's window.
    await submitExpiredAttempts(tx, { accountId });
    const w = await windowFor(tx, accountId, plan, 'compulsory', at);
    assertOpen(w);
    await ensureRound(tx, accountId, year, w, at);
    const round = (await latestRound(tx, accountId, year, { lock: true }))!;

    const passed = await hasPassedCompulsory(tx, accountId, year);
    const completed = await compulsoryCompleted(tx, audit, {
      accountId,
      year,
      courseId: course.id,
      roundNo: round.roundNo,
    });
    const inRound = (await attemptsOfYear(tx, accountId, year)).filter((a) => a.roundNo === round.roundNo);
    const open = inRound.find((a) => a.submittedAt === null);
    const view = (a: typeof open & object) =>
      attemptView(a, {
        courseTitle: course.title,
        maxAttempts: plan.maxAttempts,
        passScore: plan.passScore,
        revealKeyAfterPass: plan.revealKeyAfterPass,
        at,
        hoursCredited: null,
      });

    const refusal = examStartRefusal(
      {
        passed,
        courseCompleted: completed,
        attemptsUsed: inRound.length,
        maxAttempts: plan.maxAttempts,
        hasOpenAttempt: Boolean(open),
      },
      year,
    );
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (open) return view(open);

    const bank = await tx
      .select({
        id: questions.id,
        type: questions.type,
        stem: questions.stem,
        options: questions.options,
        answer: questions.answer,
        explanation: questions.explanation,
      })
      .from(questions)
      .where(and(eq(questions.courseId, course.id), eq(questions.enabled, true)));
    const paper = drawPaper(bank, plan.examConfig, seededRng(crypto.randomInt(2 ** 31)));
    if (!paper.length) throw new AppError('CONFLICT', `本课程题库暂无可用试题，请致电${HELP_DESK.phone}联系培训中心`);

    const [attempt] = await tx
      .insert(examAttempts)
      .values({
        accountId,
        planYear: year,
        roundNo: round.roundNo,
        attemptNo: inRound.length + 1,
        courseId: course.id,
        startedAt: at,
        deadlineAt: new Date(at.getTime() + plan.examConfig.minutes * 60_000),
        autoSubmitted: false,
        paper,
        totalPoints: paperTotal(paper),
        answers: {},
      })
      .returning();
    await writeAudit(tx, audit, {
      action: 'exam.start',
      targetType: 'exam_attempt',
      targetId: attempt!.id,
      detail: { year, round: round.roundNo, attempt: attempt!.attemptNo, questions: paper.length, kind: w.kind },
    });
    return view(attempt!);
  });
}
