import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { courseCompletions, examAttempts, publicCredits, questions } from '../../db/schema/index';
import type { PaperConfig, QuestionType } from '../../domain/learning';
import type { AuditContext } from '../audit/index';
import { completeCourseIfDone } from '../learning/index';
import type { AttemptRow } from './attempt-view';

export async function attemptsOfYear(db: Db, accountId: number, year: number): Promise<AttemptRow[]> {
  return db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.accountId, accountId), eq(examAttempts.planYear, year)))
    .orderBy(asc(examAttempts.roundNo), asc(examAttempts.attemptNo));
}

/** The compulsory course is complete in this round (completing it now if its chapters all are). */
export async function compulsoryCompleted(
  db: Db,
  audit: AuditContext,
  p: { accountId: number; year: number; courseId: number; roundNo: number },
): Promise<boolean> {
  const [row] = await db
    .select({ c: courseCompletions.courseId })
    .from(courseCompletions)
    .where(
      and(
        eq(courseCompletions.accountId, p.accountId),
        eq(courseCompletions.planYear, p.year),
        eq(courseCompletions.courseId, p.courseId),
        eq(courseCompletions.roundNo, p.roundNo),
      ),
    );
  if (row) return true;
  return completeCourseIfDone(db, audit, { ...p, kind: 'compulsory' });
}

export async function creditedCompulsoryHours(db: Db, accountId: number, year: number): Promise<number | null> {
  const [row] = await db
    .select({ hours: publicCredits.hours })
    .from(publicCredits)
    .where(
      and(eq(publicCredits.accountId, accountId), eq(publicCredits.year, year), eq(publicCredits.kind, 'compulsory')),
    );
  return row ? Number(row.hours) : null;
}

/** How many questions a paper of this course will have: the plan's counts, or fewer if the bank is short. */
export async function paperSize(db: Db, courseId: number, config: PaperConfig): Promise<number> {
  const rows = await db
    .select({ type: questions.type, n: sql<number>`count(*)::int` })
    .from(questions)
    .where(and(eq(questions.courseId, courseId), eq(questions.enabled, true)))
    .groupBy(questions.type);
  const have = (t: QuestionType) => Number(rows.find((r) => r.type === t)?.n ?? 0);
  return (['single', 'multiple', 'judge'] as const).reduce((s, t) => s + Math.min(have(t), config[t].count), 0);
}
