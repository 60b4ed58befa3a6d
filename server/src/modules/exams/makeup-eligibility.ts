import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { makeupRequests } from '../../db/schema/index';
import type { ExamRound } from '../learning/index';
import { attemptsOfYear } from './exam-state';
import { checkGrant } from './person-exam-status';

/**
 * Whether a professional may apply online for a makeup of the year: only after failing every attempt
 * of the current round, never after passing, only while the year's training period is open, and one
 * open request at a time. The messages speak to the applicant.
 */
export async function applicationRefusal(
  db: Db,
  accountId: number,
  year: number,
  latest: ExamRound | null,
): Promise<{ refusal: string | null; passed: boolean; conflict: boolean }> {
  const g = await checkGrant(db, accountId, year, latest);
  if (g.passed) return { refusal: `您已通过${year}年度公需科目考试，无需申请补考`, passed: true, conflict: false };
  if (!g.window.open) return { refusal: `${g.window.reason}，不能申请补考`, passed: false, conflict: false };
  const inRound = latest ? (await attemptsOfYear(db, accountId, year)).filter((a) => a.roundNo === latest.roundNo) : [];
  if (inRound.some((a) => a.submittedAt === null))
    return { refusal: '您有正在进行的考试，请交卷后再申请补考', passed: false, conflict: false };
  if (inRound.length < g.plan.maxAttempts)
    return {
      refusal: `本轮考试机会尚未用完（已用${inRound.length}次，共${g.plan.maxAttempts}次），全部用完仍未通过时才能申请补考`,
      passed: false,
      conflict: false,
    };
  if (g.refusal) return { refusal: g.refusal, passed: false, conflict: false };
  if (await pendingRequestOf(db, accountId))
    return { refusal: '您已提交补考申请，正在等待处理，请勿重复申请', passed: false, conflict: true };
  return { refusal: null, passed: false, conflict: false };
}

export async function pendingRequestOf(db: Db, accountId: number) {
  const [row] = await db
    .select({ id: makeupRequests.id, year: makeupRequests.planYear })
    .from(makeupRequests)
    .where(and(eq(makeupRequests.accountId, accountId), eq(makeupRequests.status, 'pending')));
  return row ?? null;
}

export async function latestRequestOf(db: Db, accountId: number, year: number) {
  const [row] = await db
    .select()
    .from(makeupRequests)
    .where(and(eq(makeupRequests.accountId, accountId), eq(makeupRequests.planYear, year)))
    .orderBy(desc(makeupRequests.id))
    .limit(1);
  return row ?? null;
}

type RequestRow = typeof makeupRequests.$inferSelect;

export function requestView(r: RequestRow) {
  return {
    id: r.id,
    year: r.planYear,
    roundNo: r.roundNo,
    status: r.status,
    reason: r.reason,
    phone: r.phone,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    grantedRoundNo: r.grantedRoundNo,
  };
}
