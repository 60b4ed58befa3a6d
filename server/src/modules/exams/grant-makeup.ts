import type { GrantMakeupRequest, PersonExamStatus } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { examRounds, learningPresence, makeupRequests } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { latestRound } from '../learning/index';
import { submitExpiredAttempts } from './finalize-attempt';
import { checkGrant, personInScope, statusOf } from './person-exam-status';

/**
 * 补学补考 (notice 附件1 二(三): who failed every attempt of the plan phones the help desk during the training period).
 * The help desk opens a new round for a person who failed every attempt of the current one:
 * learning of the compulsory course starts over (the new round has no progress) and a new set of
 * attempts is given. Only while the year's training period is open; audited with its reason.
 * A 补考申请 of the person still open for the year is granted with it (by phone or from the queue alike).
 */
export async function grantMakeup(ctx: Caller, req: GrantMakeupRequest): Promise<PersonExamStatus> {
  return ctx.db.transaction(async (tx) => {
    const person = await personInScope(tx, ctx.actor, req.accountId);
    // Serializes with the person's exam starts and with another operator granting at the same time.
    const latest = await latestRound(tx, req.accountId, req.year, { lock: true });
    await submitExpiredAttempts(tx, { accountId: req.accountId });
    const check = await checkGrant(tx, req.accountId, req.year, latest);
    if (check.refusal) throw new AppError(check.closed ? 'YEAR_CLOSED' : 'CONFLICT', check.refusal);

    const roundNo = (latest?.roundNo ?? 0) + 1;
    const at = now();
    await tx.insert(examRounds).values({
      accountId: req.accountId,
      planYear: req.year,
      roundNo,
      kind: 'makeup',
      openedAt: at,
      grantedBy: ctx.actor.id,
      reason: req.reason,
    });
    const requests = await tx
      .update(makeupRequests)
      .set({ status: 'granted', decidedAt: at, decidedBy: ctx.actor.id, grantedRoundNo: roundNo })
      .where(
        and(
          eq(makeupRequests.accountId, req.accountId),
          eq(makeupRequests.planYear, req.year),
          eq(makeupRequests.status, 'pending'),
        ),
      )
      .returning({ id: makeupRequests.id });
    // A chapter page still open would keep crediting the old round: make it open again.
    await tx.delete(learningPresence).where(eq(learningPresence.accountId, req.accountId));
    await writeAudit(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      {
        action: 'exam.makeup_grant',
        targetType: 'account',
        targetId: req.accountId,
        detail: { year: req.year, round: roundNo, reason: req.reason, requestIds: requests.map((r) => r.id) },
      },
    );
    return statusOf(tx, person, req.year);
  });
}
