import { z } from 'zod';
import { PageQuery } from './common';
import { HalfDay } from './hours';

/**
 * 培训备案: a training base files a class before running it. 草稿 → 待审核 → 已备案 (备案号) | 退回
 * (with a reason; edited and submitted again). A filed class changes only through a 变更, reviewed again.
 */
export const FilingStatus = z.enum(['draft', 'pending', 'returned', 'filed']);
export type FilingStatus = z.infer<typeof FilingStatus>;
export const FILING_STATUS_LABEL: Record<FilingStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  returned: '退回',
  filed: '已备案',
};

/** 培训形式 */
export const FilingForm = z.enum(['onsite', 'online', 'blended']);
export type FilingForm = z.infer<typeof FilingForm>;
export const FILING_FORM_LABEL: Record<FilingForm, string> = {
  onsite: '面授脱产',
  online: '网络',
  blended: '混合',
};

/** 招生范围: a public class is listed in 培训项目公示. */
export const FilingEnrolment = z.enum(['public', 'internal']);
export type FilingEnrolment = z.infer<typeof FilingEnrolment>;
export const FILING_ENROLMENT_LABEL: Record<FilingEnrolment, string> = { public: '公开', internal: '内部' };

export const FilingChangeStatus = z.enum(['pending', 'approved', 'returned']);
export type FilingChangeStatus = z.infer<typeof FilingChangeStatus>;
export const FILING_CHANGE_STATUS_LABEL: Record<FilingChangeStatus, string> = {
  pending: '变更待审核',
  approved: '变更已通过',
  returned: '变更退回',
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const Text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

/** 课程安排: one session per half day. */
export const FilingSession = z.object({
  date: IsoDate,
  half: HalfDay,
  topic: Text('课程内容', 200),
  teacher: z.string().trim().max(50, '授课教师不能超过50个字').default(''),
});
export type FilingSession = z.infer<typeof FilingSession>;

/** 师资 */
export const FilingTeacher = z.object({
  name: Text('教师姓名', 50),
  title: Text('职称', 50),
  employer: z.string().trim().max(100, '工作单位不能超过100个字').default(''),
});
export type FilingTeacher = z.infer<typeof FilingTeacher>;

/** The form of 培训备案 (new, edit, and the proposed content of a 变更). 项目学时 is not typed: it is computed. */
export const FilingInput = z.object({
  name: Text('项目名称', 100),
  industryCode: Text('项目类目（行业）', 10),
  field: Text('专业领域', 50),
  form: FilingForm,
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay,
  place: Text('培训地点', 100),
  plannedTrainees: z.number().int('计划人数应为整数').min(1, '计划人数至少为1').max(100000, '计划人数过大'),
  organiser: Text('主办单位', 100),
  coOrganiser: z.string().trim().max(100, '承办单位不能超过100个字').default(''),
  feePerPerson: z.number().min(0, '收费标准不能为负数').max(100000, '收费标准过大'),
  feeNote: z.string().trim().max(200, '收费说明不能超过200个字').default(''),
  enrolment: FilingEnrolment,
  needsApproval: z.boolean(),
  teachers: z.array(FilingTeacher).min(1, '请至少填写一位师资').max(100, '师资不能超过100位'),
  sessions: z.array(FilingSession).min(1, '请填写课程安排').max(400, '课程安排不能超过400个半天'),
});
export type FilingInput = z.infer<typeof FilingInput>;

/** A filing as its base and its reviewers see it. */
export const Filing = z.object({
  id: z.number().int(),
  status: FilingStatus,
  filingNo: z.string().nullable(),
  baseId: z.number().int(),
  baseName: z.string(),
  name: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  field: z.string(),
  form: FilingForm,
  startDate: z.string(),
  startHalf: HalfDay,
  endDate: z.string(),
  endHalf: HalfDay,
  year: z.number().int(),
  place: z.string(),
  plannedTrainees: z.number().int(),
  /** 项目学时: the sessions' half days × the plan's hours per half day. */
  hours: z.number(),
  organiser: z.string(),
  coOrganiser: z.string(),
  feePerPerson: z.number(),
  feeNote: z.string(),
  enrolment: FilingEnrolment,
  needsApproval: z.boolean(),
  teachers: z.array(FilingTeacher),
  sessions: z.array(FilingSession),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  filedAt: z.string().nullable(),
  /** The open or last 变更 of a filed class. */
  change: z
    .object({
      id: z.number().int(),
      status: FilingChangeStatus,
      reason: z.string(),
      submittedAt: z.string(),
      decidedAt: z.string().nullable(),
      returnReason: z.string().nullable(),
      proposed: FilingInput.extend({ hours: z.number() }),
    })
    .nullable(),
});
export type Filing = z.infer<typeof Filing>;

/** A row of a list of filings (the base's, the reviewers'). */
export const FilingRow = z.object({
  id: z.number().int(),
  status: FilingStatus,
  filingNo: z.string().nullable(),
  baseId: z.number().int(),
  baseName: z.string(),
  name: z.string(),
  form: FilingForm,
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  plannedTrainees: z.number().int(),
  enrolment: FilingEnrolment,
  submittedAt: z.string().nullable(),
  /** Whole days since submission (待审核 or a pending 变更), for the reviewers' queue. */
  ageDays: z.number().int().nullable(),
  changePending: z.boolean(),
});
export type FilingRow = z.infer<typeof FilingRow>;

export const FilingQuery = PageQuery.extend({
  status: FilingStatus.optional(),
  /** Only filed classes with a 变更 awaiting review. */
  changePending: z.enum(['true', 'false']).optional(),
  baseId: z.coerce.number().int().optional(),
  q: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().optional(),
});
export type FilingQuery = z.infer<typeof FilingQuery>;

export const FilingReturnInput = z.object({
  reason: z.string().trim().min(2, '请填写退回原因').max(500, '退回原因不能超过500个字'),
});
export type FilingReturnInput = z.infer<typeof FilingReturnInput>;

export const FilingChangeInput = z.object({
  reason: z.string().trim().min(2, '请填写变更原因').max(500, '变更原因不能超过500个字'),
  content: FilingInput,
});
export type FilingChangeInput = z.infer<typeof FilingChangeInput>;

/** A row of the public 培训项目公示: filed classes open to everyone. */
export const PublicFiling = z.object({
  id: z.number().int(),
  filingNo: z.string(),
  name: z.string(),
  baseName: z.string(),
  industryName: z.string(),
  field: z.string(),
  form: FilingForm,
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  hours: z.number(),
  plannedTrainees: z.number().int(),
  organiser: z.string(),
  coOrganiser: z.string(),
  feePerPerson: z.number(),
  feeNote: z.string(),
  basePhone: z.string(),
});
export type PublicFiling = z.infer<typeof PublicFiling>;

export const PublicFilingQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  industryCode: z.string().max(10).optional(),
  year: z.coerce.number().int().optional(),
});
export type PublicFilingQuery = z.infer<typeof PublicFilingQuery>;
