import { z } from 'zod';
import { PageQuery } from './common';

export const ComplianceStatus = z.object({
  year: z.number().int(),
  publicHours: z.number(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  professionalHours: z.number(),
  totalHours: z.number(),
  /** Professional hours still 待初审 — shown as 审核中 beside the approved ones, not counted. */
  pendingHours: z.number(),
  requiredTotal: z.number(),
  requiredProfessional: z.number(),
  /** 公需必修已完成 (职称申报 needs it for the current year). */
  compulsoryDone: z.boolean(),
  /** 达标 */
  met: z.boolean(),
  /** 年度考核可评优秀 */
  mayBeExcellent: z.boolean(),
  missing: z.array(z.object({ item: z.string(), deadline: z.string() })),
});
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

export const ComplianceRow = ComplianceStatus.extend({
  accountId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  q: z.string().trim().max(30).optional(),
  departmentId: z.coerce.number().int().nonnegative().optional(),
  met: z.enum(['true', 'false']).optional(),
  compulsoryDone: z.enum(['true', 'false']).optional(),
});

export const ComplianceSummary = z.object({
  people: z.number().int(),
  met: z.number().int(),
  compulsoryDone: z.number().int(),
  /**
   * 数据时间: present on a province-, region- or industry-wide list, whose summary is the statistics' (counted every
   * minute) rather than counted for this request; the time they were computed.
   */
  asOf: z.string().optional(),
});
export const ComplianceList = z.object({
  items: z.array(ComplianceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  summary: ComplianceSummary,
  totalCapped: z.boolean().optional(),
  nextCursor: z.string().nullable().optional(),
});
export type ComplianceList = z.infer<typeof ComplianceList>;
