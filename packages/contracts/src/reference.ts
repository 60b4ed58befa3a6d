import { z } from 'zod';

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['province', 'city', 'county']),
});
export type Region = z.infer<typeof Region>;

export const Industry = z.object({ code: z.string(), name: z.string() });
export type Industry = z.infer<typeof Industry>;

export const UnitSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The 统一社会信用代码 with its last ten characters hidden: enough to tell units apart by place and kind. */
  creditCodeMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitSearchQuery = z.object({ q: z.string().trim().min(1, '请输入单位名称或统一社会信用代码').max(60) });

export const DepartmentOption = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
});
export type DepartmentOption = z.infer<typeof DepartmentOption>;

export const TrainingBase = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  national: z.boolean(),
  regionalBatch: z.string().nullable(),
  dual: z.boolean(),
  cityCode: z.string(),
});
export type TrainingBase = z.infer<typeof TrainingBase>;

export const AnnualPlan = z.object({
  year: z.number().int(),
  totalHours: z.number(),
  professionalRatioNum: z.number().int(),
  professionalRatioDen: z.number().int(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  passScore: z.number().int(),
  maxAttempts: z.number().int(),
  hoursPerHalfDay: z.number(),
  publicDeadline: z.string(),
  professionalDeadline: z.string(),
  /** Cap of 申请学时 of a hand-typed record whose type has no cap of its own. */
  maxRecordHours: z.number(),
  /** Cap of 申请学时 per activity type that may be typed by hand. */
  activityCaps: z.partialRecord(z.enum(['training', 'practice', 'distance', 'academic', 'other']), z.number()),
});
export type AnnualPlan = z.infer<typeof AnnualPlan>;
