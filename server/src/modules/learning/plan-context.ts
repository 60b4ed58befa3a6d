import type { LearningWindowView } from '@ptce/contracts';
import { and, asc, desc, eq } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { courses, examRounds, planCourses, publicCredits } from '../../db/schema/index';
import { effectiveDeadline, planFor, requirePlan, type Plan } from '../plans/index';
import { learningWindow, type CourseKind, type LearningWindow } from '../../domain/learning';
import { AppError } from '../../errors';
import { lastDayOfPreviousYear } from '@ptce/rules';

/**
 * What every public-subject command needs to know about a plan year for one person: the plan's
 * numbers, the year's courses, whether the compulsory exam is passed, the learning window and
 * the current round. Shared by the learning and exams areas.
 */
export type AnnualPlanRow = Plan;
export type ExamRound = typeof examRounds.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;

export async function loadPlan(db: Db, year: number): Promise<AnnualPlanRow> {
  return requirePlan(db, year);
}

/** The year's courses learners see: those of its plan that are published (an unpublished course is invisible). */
export async function planCoursesOf(
  db: Db,
  year: number,
): Promise<Array<CourseRow & { planKind: CourseKind; seq: number }>> {
  const rows = await db
    .select({ c: courses, kind: planCourses.kind, seq: planCourses.seq })
    .from(planCourses)
    .innerJoin(courses, eq(courses.id, planCourses.courseId))
    .where(and(eq(planCourses.year, year), eq(courses.status, 'published')))
    .orderBy(asc(planCourses.seq), asc(courses.id));
  return rows.map((r) => ({ ...r.c, planKind: r.kind, seq: r.seq }));
}

export async function compulsoryCourseOf(db: Db, year: number): Promise<CourseRow | null> {
  const [row] = await db
    .select({ c: courses })
    .from(planCourses)
    .innerJoin(courses, eq(courses.id, planCourses.courseId))
    .where(and(eq(planCourses.year, year), eq(planCourses.kind, 'compulsory'), eq(courses.status, 'published')));
  return row?.c ?? null;
}

export async function hasPassedCompulsory(db: Db, accountId: number, year: number): Promise<boolean> {
  const [row] = await db
    .select({ year: publicCredits.year })
    .from(publicCredits)
    .where(
      and(eq(publicCredits.accountId, accountId), eq(publicCredits.year, year), eq(publicCredits.kind, 'compulsory')),
    );
  return Boolean(row);
}

async function currentPlanDeadline(db: Db, accountId: number, at: Date): Promise<string | null> {
  const plan = await planFor(db, shanghaiYear(at));
  return plan ? effectiveDeadline(db, plan, 'public', { personId: accountId }) : null;
}

export async function windowFor(
  db: Db,
  accountId: number,
  plan: AnnualPlanRow,
  courseKind: CourseKind,
  at: Date,
): Promise<LearningWindow> {
  return learningWindow({
    planYear: plan.year,
    publicDeadline: await effectiveDeadline(db, plan, 'public', { personId: accountId }),
    courseKind,
    now: at,
    currentPlanDeadline: await currentPlanDeadline(db, accountId, at),
    compulsoryPassed: await hasPassedCompulsory(db, accountId, plan.year),
  });
}

export function windowView(w: LearningWindow): LearningWindowView {
  return w.open
    ? { open: true, kind: w.kind, until: w.until.toISOString(), reason: null }
    : { open: false, kind: null, until: null, reason: w.reason };
}

export function assertOpen(w: LearningWindow): asserts w is Extract<LearningWindow, { open: true }> {
  if (!w.open) throw new AppError('YEAR_CLOSED', w.reason);
}

export async function latestRound(
  db: Db,
  accountId: number,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<ExamRound | null> {
  const q = db
    .select()
    .from(examRounds)
    .where(and(eq(examRounds.accountId, accountId), eq(examRounds.planYear, year)))
    .orderBy(desc(examRounds.roundNo))
    .limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * The person's current round of the year's compulsory course, opened when missing. In the
 * prior-year window (历年培训) a round opened during the plan's own year is followed by a new
 * 'prior_year' round: the makeup of last year starts learning over, with a new set of attempts.
 * Safe under concurrency: the round's primary key makes a second insert a no-op.
 */
export async function ensureRound(
  db: Db,
  accountId: number,
  year: number,
  w: Extract<LearningWindow, { open: true }>,
  at: Date,
): Promise<ExamRound> {
  const latest = await latestRound(db, accountId, year);
  const startOfThisYear = endOfShanghaiDay(lastDayOfPreviousYear(shanghaiYear(at)));
  const needsNew = !latest || (w.kind === 'prior' && latest.openedAt < startOfThisYear);
  if (!needsNew) return latest!;
  await db
    .insert(examRounds)
    .values({
      accountId,
      planYear: year,
      roundNo: (latest?.roundNo ?? 0) + 1,
      kind: w.kind === 'prior' ? 'prior_year' : 'regular',
      openedAt: at,
    })
    .onConflictDoNothing();
  return (await latestRound(db, accountId, year))!;
}

/** The round whose progress counts: electives are always round 1; the compulsory course the current round. */
export async function progressRound(
  db: Db,
  accountId: number,
  year: number,
  kind: CourseKind,
  w: LearningWindow,
  at: Date,
): Promise<{ roundNo: number; round: ExamRound | null }> {
  if (kind === 'elective') return { roundNo: 1, round: null };
  const round = w.open ? await ensureRound(db, accountId, year, w, at) : await latestRound(db, accountId, year);
  return { roundNo: round?.roundNo ?? 1, round };
}
