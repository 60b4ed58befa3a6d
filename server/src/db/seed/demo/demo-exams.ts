import { lastDayOfPreviousYear } from '@ptce/rules';
import { and, asc, eq } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiYear } from '../../../clock';
import { drawPaper, gradePaper, paperTotal, seededRng, type Answers } from '../../../domain/learning';
import type { Db } from '../../client';
import {
  annualPlans,
  chapterProgress,
  courseChapters,
  courseCompletions,
  examAttempts,
  examRounds,
  planCourses,
  questions,
} from '../../schema/index';

/**
 * A person who studied this year's compulsory course and failed every attempt of its exam (the plan's
 * number of them), so the demo shows 申请补考 and the help desk's 补考申请 queue. Each paper is drawn
 * from the course's bank like a real one and answered partly right (scores below the pass mark).
 * Nothing is written when the year has no plan or no compulsory course.
 */
export async function seedFailedExams(tx: Db, accountId: number, at: Date): Promise<boolean> {
  const year = shanghaiYear(at);
  const [plan] = await tx.select().from(annualPlans).where(eq(annualPlans.year, year));
  const [link] = await tx
    .select({ courseId: planCourses.courseId })
    .from(planCourses)
    .where(and(eq(planCourses.year, year), eq(planCourses.kind, 'compulsory')));
  if (!plan || !link) return false;
  const chapters = await tx
    .select({ id: courseChapters.id, requiredSeconds: courseChapters.requiredSeconds })
    .from(courseChapters)
    .where(eq(courseChapters.courseId, link.courseId))
    .orderBy(asc(courseChapters.seq));
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
    .where(and(eq(questions.courseId, link.courseId), eq(questions.enabled, true)));
  if (!bank.length) return false;

  // Three days back (never before the year began), then an attempt a day.
  const startOfYear = endOfShanghaiDay(lastDayOfPreviousYear(year)).getTime();
  const begin = new Date(Math.max(startOfYear + 3_600_000, at.getTime() - (plan.maxAttempts + 1) * 86_400_000));
  await tx.insert(examRounds).values({ accountId, planYear: year, roundNo: 1, kind: 'regular', openedAt: begin });
  for (const ch of chapters) {
    await tx.insert(chapterProgress).values({
      accountId,
      planYear: year,
      chapterId: ch.id,
      roundNo: 1,
      creditedMs: ch.requiredSeconds * 1000,
      startedAt: begin,
      updatedAt: begin,
      completedAt: begin,
    });
  }
  await tx
    .insert(courseCompletions)
    .values({ accountId, planYear: year, courseId: link.courseId, roundNo: 1, completedAt: begin });

  const step = Math.min(86_400_000, (at.getTime() - begin.getTime()) / (plan.maxAttempts + 1));
  const rng = seededRng(20260304);
  for (let i = 0; i < plan.maxAttempts; i++) {
    const paper = drawPaper(bank, plan.examConfig, rng);
    // About half the questions answered right: a score under the pass mark.
    const answers: Answers = {};
    paper.forEach((q, n) => {
      if (n % 2 === i % 2) answers[String(n + 1)] = q.answer;
      else answers[String(n + 1)] = [(q.answer[0]! + 1) % q.options.length];
    });
    let graded = gradePaper(paper, answers, plan.passScore);
    if (graded.passed) graded = gradePaper(paper, {}, plan.passScore);
    const startedAt = new Date(begin.getTime() + (i + 1) * step);
    await tx.insert(examAttempts).values({
      accountId,
      planYear: year,
      roundNo: 1,
      attemptNo: i + 1,
      courseId: link.courseId,
      startedAt,
      deadlineAt: new Date(startedAt.getTime() + plan.examConfig.minutes * 60_000),
      submittedAt: new Date(startedAt.getTime() + Math.min(25 * 60_000, step / 2)),
      paper,
      totalPoints: paperTotal(paper),
      answers: graded.passed ? {} : answers,
      earnedPoints: graded.earnedPoints,
      score: graded.score,
      passed: false,
    });
  }
  return true;
}
