import type { ExamAttemptView } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { courses, examAttempts } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { loadPlan, type AnnualPlanRow } from '../learning/index';
import { attemptView, type AttemptRow } from './attempt-view';
import { creditedCompulsoryHours } from './exam-state';
import { submitExpiredAttempts } from './finalize-attempt';

/** An attempt of the caller; anyone else's is 404 (not 403: its existence is not revealed). */
export async function ownAttempt(
  db: Db,
  accountId: number,
  attemptId: number,
  opts: { lock?: boolean } = {},
): Promise<AttemptRow> {
  const q = db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.id, attemptId), eq(examAttempts.accountId, accountId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('考试记录');
  return row;
}

export async function viewOf(
  db: Db,
  a: AttemptRow,
  known?: {
    plan: Pick<AnnualPlanRow, 'maxAttempts' | 'passScore' | 'revealKeyAfterPass'>;
    courseTitle: string;
    hoursCredited?: number;
  },
): Promise<ExamAttemptView> {
  const plan = known?.plan ?? (await loadPlan(db, a.planYear));
  const courseTitle =
    known?.courseTitle ??
    (await db.select({ title: courses.title }).from(courses).where(eq(courses.id, a.courseId)))[0]?.title;
  return attemptView(a, {
    courseTitle: courseTitle ?? '',
    maxAttempts: plan.maxAttempts,
    passScore: plan.passScore,
    revealKeyAfterPass: plan.revealKeyAfterPass,
    at: now(),
    hoursCredited: !a.passed
      ? null
      : (known?.hoursCredited ?? (await creditedCompulsoryHours(db, a.accountId, a.planYear))),
  });
}

export async function getAttempt(ctx: Caller, attemptId: number): Promise<ExamAttemptView> {
  return ctx.db.transaction(async (tx) => {
    await ownAttempt(tx, ctx.actor.id, attemptId);
    await submitExpiredAttempts(tx, { accountId: ctx.actor.id });
    return viewOf(tx, await ownAttempt(tx, ctx.actor.id, attemptId));
  });
}
