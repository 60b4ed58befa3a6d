import type { HelpdeskMakeupRequest, PersonExamStatus } from '@ptce/contracts';
import type { Caller } from '../auth/index';
import { grantMakeup as grantExamMakeup } from '../exams/index';

/**
 * 补考授权 from the person's page: the exams area's direct grant (补学补考) — a new round with new
 * attempts, only after the round's attempts are used up and while the training period is open; in
 * one transaction, audited there (exam.makeup_grant) with its reason.
 */
export const grantMakeup = (ctx: Caller, id: number, input: HelpdeskMakeupRequest): Promise<PersonExamStatus> =>
  grantExamMakeup(ctx, { accountId: id, year: input.year, reason: input.reason });
