import { z } from 'zod';
import { MobilePhone, PageQuery } from './common';
import { ExamAttemptSummary, PersonLookup } from './learning';

/**
 * 补考申请: a professional who failed every attempt of the year's compulsory exam applies online for a
 * makeup (补学补考); the help desk grants it (a new round: learning again, new attempts) or refuses it
 * with a reason. The phone path (the help desk grants directly) stays.
 */
export const MakeupRequestStatus = z.enum(['pending', 'granted', 'refused']);
export type MakeupRequestStatus = z.infer<typeof MakeupRequestStatus>;
export const MAKEUP_REQUEST_STATUS_LABEL: Record<MakeupRequestStatus, string> = {
  pending: '待处理',
  granted: '已同意',
  refused: '已拒绝',
};

export const MakeupRequestInput = z.object({
  reason: z.string().trim().min(4, '请填写申请原因（不少于4个字）').max(500, '申请原因不能超过500个字'),
  phone: MobilePhone,
});
export type MakeupRequestInput = z.infer<typeof MakeupRequestInput>;

export const MakeupRequestView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  roundNo: z.number().int(),
  status: MakeupRequestStatus,
  reason: z.string(),
  phone: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  grantedRoundNo: z.number().int().nullable(),
});
export type MakeupRequestView = z.infer<typeof MakeupRequestView>;

/** The professional's side on 考试列表: may they apply now (and why not), and their latest request of the year. */
export const MyMakeupRequest = z.object({
  year: z.number().int(),
  canApply: z.boolean(),
  /** Why an application is not possible now (null when it is). */
  refusal: z.string().nullable(),
  passed: z.boolean(),
  request: MakeupRequestView.nullable(),
});
export type MyMakeupRequest = z.infer<typeof MyMakeupRequest>;

export const MakeupRequestQuery = PageQuery.extend({ status: MakeupRequestStatus.optional() });
export type MakeupRequestQuery = z.infer<typeof MakeupRequestQuery>;

/** A row of the help desk's queue: the request with the person's attempts and earlier makeups. */
export const MakeupRequestRow = MakeupRequestView.extend({
  person: PersonLookup,
  /** The attempts of the round the person applied from (the failed ones). */
  attempts: z.array(ExamAttemptSummary),
  /** Makeups granted before in that year (by phone or online). */
  previousMakeups: z.array(
    z.object({ roundNo: z.number().int(), openedAt: z.string(), reason: z.string().nullable() }),
  ),
  decidedByName: z.string().nullable(),
});
export type MakeupRequestRow = z.infer<typeof MakeupRequestRow>;

export const MakeupDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('grant'), note: z.string().trim().max(500, '备注不能超过500个字').optional() }),
  z.object({
    decision: z.literal('refuse'),
    reason: z.string().trim().min(4, '请填写拒绝原因（不少于4个字）').max(500, '拒绝原因不能超过500个字'),
  }),
]);
export type MakeupDecision = z.infer<typeof MakeupDecision>;

export const MakeupRequestIdParam = z.object({ requestId: z.coerce.number().int().positive().max(2147483647) });
