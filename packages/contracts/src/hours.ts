import { z } from 'zod';
import { PageQuery } from './common';

/** The national order's five ways of continuing education. */
export const ActivityType = z.enum(['training', 'practice', 'distance', 'academic', 'other']);
export type ActivityType = z.infer<typeof ActivityType>;
export const ACTIVITY_TYPE_LABEL: Record<ActivityType, string> = {
  training: '培训班/研修班/进修班',
  practice: '继续教育实践活动',
  distance: '远程教育',
  academic: '学术会议/讲座/访问',
  other: '其他',
};

export const HalfDay = z.enum(['am', 'pm']);
export type HalfDay = z.infer<typeof HalfDay>;
export { HALF_DAY_LABEL } from './hours-labels';

/** 待提交 → 待初审 → 通过认定 | 不予认定 */
export const RecordStatus = z.enum(['draft', 'pending', 'approved', 'rejected']);
export type RecordStatus = z.infer<typeof RecordStatus>;
export const RECORD_STATUS_LABEL: Record<RecordStatus, string> = {
  draft: '待提交',
  pending: '待初审',
  approved: '通过认定',
  rejected: '不予认定',
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const Text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

/** 培训登记 — the form of 新登记培训 (person side) and 专业科目学时登记 (unit side). */
export const RecordInput = z.object({
  activityType: ActivityType,
  title: Text('培训内容', 200),
  organizer: Text('主办单位', 100),
  place: Text('培训地点', 100),
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay,
  /** 申请学时; omitted = 4 × half days. Only non-training activities may differ from the default. */
  hours: z.number().positive('申请学时必须大于0').max(999).optional(),
  remarks: z.string().trim().max(500, '备注不能超过500个字').default(''),
  /** 本人承诺以上信息属实 */
  declared: z.literal(true, { error: '请勾选“本人承诺以上信息属实”' }),
});
export type RecordInput = z.infer<typeof RecordInput>;

export const CreateRecordRequest = RecordInput.extend({
  /** Unit side only: the staff member the record is for. */
  accountId: z.number().int().positive().optional(),
});
export const UpdateRecordRequest = RecordInput;

/** Where a record came from: the person, the unit (one by one or Excel), an industry system, a class. */
export const RecordSource = z.enum(['self', 'unit', 'import', 'base', 'integration', 'class']);
export type RecordSource = z.infer<typeof RecordSource>;
/** A record of a class: where it came from (学时查询's 来源). */
export const ClassSource = z.object({
  classId: z.number().int(),
  title: z.string(),
  organiserName: z.string(),
  filingNumber: z.string().nullable(),
});
export type ClassSource = z.infer<typeof ClassSource>;

export const RecordRow = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  personName: z.string(),
  /** 新注册: the person is not yet confirmed by the unit (the reviewer sees the mark). */
  personNewRegistration: z.boolean(),
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
  year: z.number().int(),
  activityType: ActivityType,
  title: z.string(),
  organizer: z.string(),
  place: z.string(),
  startDate: z.string(),
  startHalf: HalfDay,
  endDate: z.string(),
  endHalf: HalfDay,
  hours: z.number(),
  remarks: z.string(),
  status: RecordStatus,
  source: RecordSource,
  /** Who put the record in, by name, when it is not the person or the unit: the industry system that pushed it. */
  sourceName: z.string().nullable(),
  /** 培训班 records: the class, its organiser and 备案号 (学时查询's and 审核结果's 来源). */
  classSource: ClassSource.nullable(),
  /** A record an industry system pushed in credits: the plan's credit type and the credits (hours converted). */
  credit: z.object({ type: z.string(), credits: z.number() }).nullable(),
  reviewTarget: z.enum(['unit', 'authority']).nullable(),
  reviewerName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
  evidenceCount: z.number().int(),
  createdAt: z.string(),
});
export type RecordRow = z.infer<typeof RecordRow>;

/** 来源 of a record as shown to the person and the unit. */
export const RECORD_SOURCE_LABEL: Record<RecordRow['source'], string> = {
  self: '本人登记',
  unit: '单位登记',
  import: '单位导入',
  base: '继续教育基地登记',
  integration: '行业系统推送',
  class: '培训班导入',
};

export const RecordHistoryEntry = z.object({
  at: z.string(),
  action: z.enum(['create', 'update', 'submit', 'withdraw', 'approve', 'reject', 'delete']),
  actorName: z.string().nullable(),
  targetName: z.string().nullable(),
  opinion: z.string().nullable(),
});
export const EvidenceFile = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;
export const RecordDetail = RecordRow.extend({ history: z.array(RecordHistoryEntry), evidence: z.array(EvidenceFile) });
export type RecordDetail = z.infer<typeof RecordDetail>;

export const RecordListQuery = PageQuery.extend({
  status: RecordStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** 姓名或身份证号码 */
  q: z.string().trim().max(30).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});

export const IdsRequest = z.object({
  ids: z.array(z.number().int().positive()).min(1, '请至少选择一条记录').max(5000, '一次最多处理5000条'),
});
export const SubmitRequest = IdsRequest.extend({
  /** 批量提交至本单位审核 (unit) or 提交至主管部门审核 (authority + authorityId). */
  target: z.enum(['unit', 'authority']),
  authorityId: z.number().int().positive().optional(),
});
export const RejectRequest = IdsRequest.extend({
  opinion: z.string({ error: '请填写审核意见' }).trim().min(1, '请填写审核意见').max(500, '审核意见不能超过500个字'),
});
export const DeleteRecordRequest = z.object({ reason: z.string().trim().max(200).optional() });

/** Batch commands apply to every record still in the right state and report the others. */
export const BatchResult = z.object({
  done: z.array(z.number().int()),
  refused: z.array(z.object({ id: z.number().int(), reason: z.string() })),
});
export type BatchResult = z.infer<typeof BatchResult>;

/** 培训总体查询: per year, public, professional and total hours. */
export const YearTotals = z.object({
  year: z.number().int(),
  publicHours: z.number(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  professionalHours: z.number(),
  totalHours: z.number(),
  pendingCount: z.number().int(),
});
export type YearTotals = z.infer<typeof YearTotals>;

/** 专业科目学时查询 (unit side): per person and year. */
export const PersonYearRow = z.object({
  accountId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
  year: z.number().int(),
  professionalHours: z.number(),
  publicHours: z.number(),
  totalHours: z.number(),
  recordCount: z.number().int(),
});
export type PersonYearRow = z.infer<typeof PersonYearRow>;
export const PersonHoursQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(30).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});

export const HoursPreviewQuery = z.object({
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay,
});
