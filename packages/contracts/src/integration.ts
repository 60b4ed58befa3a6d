import { z } from 'zod';
import { ComplianceStatus } from './compliance';
import { ActivityType, HalfDay } from './hours';

/** 行业学时对接: the operator's view of an industry system's API client. */
export const IntegrationClientRow = z.object({
  id: z.number().int(),
  name: z.string(),
  industryCodes: z.array(z.string()),
  unitIds: z.array(z.number().int()),
  unitNames: z.array(z.string()),
  rateLimitPerMinute: z.number().int(),
  enabled: z.boolean(),
  keys: z.array(z.object({ keyId: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })),
  lastCallAt: z.string().nullable(),
  lastCallEndpoint: z.string().nullable(),
  createdAt: z.string(),
});
export type IntegrationClientRow = z.infer<typeof IntegrationClientRow>;

export const IntegrationClientRequest = z
  .object({
    name: z.string().trim().min(2, '请输入行业系统名称').max(60, '名称过长'),
    industryCodes: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-T]$/, '行业代码应为国民经济行业门类字母'),
      )
      .max(20),
    unitIds: z.array(z.number().int().positive()).max(200),
    rateLimitPerMinute: z.number().int().min(1).max(10000).optional(),
  })
  .refine((v) => v.industryCodes.length + v.unitIds.length > 0, {
    message: '请至少选择一个可对接的行业或单位',
    path: ['industryCodes'],
  });
export type IntegrationClientRequest = z.infer<typeof IntegrationClientRequest>;

/** The secret is shown once: when the client is registered and when its key is rotated. */
export const IntegrationSecret = z.object({
  clientId: z.number().int(),
  keyId: z.string(),
  secret: z.string(),
  /** When the previous key stops working (a rotation's overlap), else null. */
  previousKeyExpiresAt: z.string().nullable(),
});
export type IntegrationSecret = z.infer<typeof IntegrationSecret>;

export const RotateKeyRequest = z.object({
  /** Hours the old key keeps working beside the new one (0 = at once). */
  overlapHours: z.number().int().min(0).max(720).default(24),
});

export const SetClientEnabledRequest = z.object({ enabled: z.boolean() });

// ---- the machine API (/api/integration/v1) ------------------------------------------------------------

export const MAX_BATCH_ITEMS = 1000;

/** One hour record as an industry system sends it: each item is checked (and answered) on its own. */
export const IntegrationRecordInput = z.object({
  externalId: z
    .string()
    .trim()
    .min(1, '请提供外部记录编号')
    .max(64, '外部记录编号最长64位')
    .regex(/^[A-Za-z0-9._:-]+$/, '外部记录编号只能包含字母、数字和 . _ : -'),
  idNumber: z.string().trim().toUpperCase().length(18, '身份证号码应为18位'),
  name: z.string().trim().min(2, '请提供姓名').max(30, '姓名过长'),
  year: z.number().int().min(2000).max(2100),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'),
  startHalf: HalfDay.default('am'),
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'),
  endHalf: HalfDay.default('pm'),
  title: z.string().trim().min(1, '请提供培训内容').max(100, '培训内容最长100字'),
  /** 学时; may be left out when the record is given in credits (then the plan's conversion gives it). */
  hours: z.number().optional(),
  /** 学分类型 of the year's annual plan (e.g. 学分 I类), with `credits`: the hours are converted by the plan. */
  creditType: z.string().trim().min(1, '学分类型不能为空').max(20, '学分类型最长20字').optional(),
  credits: z.number().optional(),
  category: ActivityType.default('training'),
  organizer: z.string().trim().max(100).default(''),
  place: z.string().trim().max(100).default(''),
  /** 统一社会信用代码 of the person's unit: needed when the person is not yet in the system. */
  unitCreditCode: z.string().trim().toUpperCase().length(18, '统一社会信用代码应为18位').optional(),
});
export type IntegrationRecordInput = z.infer<typeof IntegrationRecordInput>;

export const IntegrationBatchRequest = z.object({
  items: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, '至少提交一条记录')
    .max(MAX_BATCH_ITEMS, `每批最多${MAX_BATCH_ITEMS}条`),
});

export const IntegrationItemStatus = z.enum(['created', 'updated', 'unchanged', 'rejected']);
export type IntegrationItemStatus = z.infer<typeof IntegrationItemStatus>;

export const IntegrationItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().nullable(),
  status: IntegrationItemStatus,
  recordId: z.number().int().nullable(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), reason: z.string() })),
});
export type IntegrationItemResult = z.infer<typeof IntegrationItemResult>;

export const IntegrationBatchResponse = z.object({
  summary: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  items: z.array(IntegrationItemResult),
});
export type IntegrationBatchResponse = z.infer<typeof IntegrationBatchResponse>;

export const IntegrationDeleteResponse = z.object({
  externalId: z.string(),
  status: z.literal('deleted'),
  certificatesRevoked: z.number().int(),
});

export const IntegrationCompliance = ComplianceStatus.pick({
  year: true,
  publicHours: true,
  compulsoryHours: true,
  electiveHours: true,
  professionalHours: true,
  totalHours: true,
  pendingHours: true,
  requiredTotal: true,
  requiredProfessional: true,
  compulsoryDone: true,
  met: true,
  mayBeExcellent: true,
}).extend({ name: z.string() });

export const IntegrationChange = z.object({
  type: z.enum(['record.created', 'record.updated', 'record.deleted', 'certificate.issued', 'certificate.revoked']),
  at: z.string(),
  externalId: z.string().nullable(),
  recordId: z.number().int().nullable(),
  idNumber: z.string().nullable(),
  year: z.number().int(),
  hours: z.number().nullable(),
  certificateSerial: z.string().nullable(),
});

export const IntegrationChangesQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const IntegrationChangesResponse = z.object({
  changes: z.array(IntegrationChange),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
