import type { MakeupRequestInput, MyMakeupRequest } from '@ptce/contracts';
import { now } from '../../clock';
import { makeupRequests } from '../../db/schema/index';
import { isUniqueViolation } from '../../db/sql-helpers';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { latestRound } from '../learning/index';
import { submitExpiredAttempts } from './finalize-attempt';
import { applicationRefusal, latestRequestOf, requestView } from './makeup-eligibility';

/** 补考申请 on 考试列表: whether the caller may apply for the year, and their latest request of it. */
export async function myMakeupRequest(ctx: Caller, year: number): Promise<MyMakeupRequest> {
  return ctx.db.transaction(async (tx) => {
    const accountId = ctx.actor.id;
    await submitExpiredAttempts(tx, { accountId });
    const latest = await latestRound(tx, accountId, year);
    const check = await applicationRefusal(tx, accountId, year, latest);
    const request = await latestRequestOf(tx, accountId, year);
    return {
      year,
      canApply: check.refusal === null,
      refusal: check.refusal,
      passed: check.passed,
      request: request ? requestView(request) : null,
    };
  });
}

/**
 * 申请补考: a professional who failed every attempt of the year's current round asks the help desk
 * for a makeup (reason, phone). Refused before the attempts are used up, after passing, outside the
 * training period, and while another request of theirs is open (also when two arrive at once: the
 * one-open-request index). Audited.
 */
export async function requestMakeup(ctx: Caller, year: number, input: MakeupRequestInput): Promise<MyMakeupRequest> {
  const accountId = ctx.actor.id;
  try {
    await ctx.db.transaction(async (tx) => {
      await submitExpiredAttempts(tx, { accountId });
      // Serializes with the person's exam starts and with a grant at the same time.
      const latest = await latestRound(tx, accountId, year, { lock: true });
      const check = await applicationRefusal(tx, accountId, year, latest);
      if (check.refusal) throw new AppError('CONFLICT', check.refusal);
      const [row] = await tx
        .insert(makeupRequests)
        .values({
          accountId,
          planYear: year,
          roundNo: latest!.roundNo,
          reason: input.reason.trim(),
          phone: input.phone,
          status: 'pending',
          createdAt: now(),
        })
        .returning({ id: makeupRequests.id });
      await writeAudit(tx, ctx, {
        action: 'exam.makeup_request',
        targetType: 'makeup_request',
        targetId: row!.id,
        detail: { year, round: latest!.roundNo, reason: input.reason.trim() },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '您已提交补考申请，正在等待处理，请勿重复申请');
    throw e;
  }
  return myMakeupRequest(ctx, year);
}
