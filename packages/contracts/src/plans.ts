import { z } from 'zod';
import { ActivityType } from './hours';

/** 年度计划管理 (operator): every number of a year's rules, versions of a published plan, reopened deadlines. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const Hours = (label: string, min = 0) =>
  z
    .number({ error: `${label}须为数字` })
    .min(min, `${label}不能小于${min}`)
    .max(1000, `${label}不能超过1000`)
    .refine((v) => Number.isInteger(v * 10), `${label}最多保留一位小数`);
const Int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}须为整数` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能超过${max}`);
const Part = (label: string) =>
  z.object({ count: Int(`${label}题数`, 0, 200), points: Int(`${label}每题分值`, 1, 50) });

export const PlanStatus = z.enum(['draft', 'published']);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { draft: '草稿（未发布）', published: '已发布' };

export const PlanExamConfig = z.object({
  minutes: Int('考试时长（分钟）', 5, 600),
  single: Part('单选题'),
  multiple: Part('多选题'),
  judge: Part('判断题'),
});

/** The numbers an operator edits. */
export const PlanFields = z.object({
  totalHours: Hours('年度总学时', 1),
  professionalRatioNum: Int('专业科目占比分子', 1, 100),
  professionalRatioDen: Int('专业科目占比分母', 1, 100),
  compulsoryHours: Hours('公需科目必修课学时'),
  electiveHours: Hours('公需科目选修课学时'),
  passScore: Int('考试合格分数', 1, 1000),
  maxAttempts: Int('考试次数', 1, 20),
  hoursPerHalfDay: Hours('每半天学时', 0.5),
  publicDeadline: IsoDate,
  professionalDeadline: IsoDate,
  examConfig: PlanExamConfig,
  maxRecordHours: Hours('单条记录申请学时上限', 1),
  activityCaps: z.partialRecord(ActivityType, Hours('按活动类型的申请学时上限', 1)),
  revealKeyAfterPass: z.boolean(),
  creditConversions: z
    .array(
      z.object({
        type: z.string().trim().min(1, '请填写学分类型').max(20, '学分类型最长20字'),
        hoursPerCredit: Hours('每学分折算学时', 0.1),
      }),
    )
    .max(10, '最多10种学分类型')
    .refine((list) => new Set(list.map((c) => c.type)).size === list.length, '学分类型不能重复'),
});
export type PlanFields = z.infer<typeof PlanFields>;

/** Labels of the fields, for the form and for a version's diff. */
export const PLAN_FIELD_LABEL: Record<keyof PlanFields | 'courses', string> = {
  totalHours: '年度总学时',
  professionalRatioNum: '专业科目占比（分子）',
  professionalRatioDen: '专业科目占比（分母）',
  compulsoryHours: '公需科目必修课学时',
  electiveHours: '公需科目选修课学时',
  passScore: '考试合格分数',
  maxAttempts: '考试次数',
  hoursPerHalfDay: '每半天学时',
  publicDeadline: '公需科目截止日期',
  professionalDeadline: '专业科目登记审核截止日期',
  examConfig: '试卷组成和考试时长',
  maxRecordHours: '单条记录申请学时上限',
  activityCaps: '按活动类型的申请学时上限',
  revealKeyAfterPass: '考试通过后显示答案',
  creditConversions: '学分折算学时',
  courses: '必修课和选修课',
};

export const PlanCourseRef = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(['compulsory', 'elective']),
});
export type PlanCourseRef = z.infer<typeof PlanCourseRef>;

export const PlanSummary = PlanFields.extend({
  year: z.number().int(),
  status: PlanStatus,
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  /** Whether people already hold records of this year (then a change needs a reason). */
  hasRecords: z.boolean(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({ courses: z.array(PlanCourseRef) });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const CreatePlanInput = z.object({ year: Int('年度', 2000, 2100) });
export type CreatePlanInput = z.infer<typeof CreatePlanInput>;

export const UpdatePlanInput = PlanFields.partial().extend({
  reason: z.string().trim().max(500, '修改原因不能超过500个字').optional(),
});
export type UpdatePlanInput = z.infer<typeof UpdatePlanInput>;

export const PlanCoursesInput = z.object({
  compulsoryCourseId: z.number().int().nullable(),
  electiveCourseIds: z.array(z.number().int()).max(100),
  reason: z.string().trim().max(500, '修改原因不能超过500个字').optional(),
});
export type PlanCoursesInput = z.infer<typeof PlanCoursesInput>;

export const PlanVersion = z.object({
  version: z.number().int(),
  diff: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const ReopenScope = z.enum(['province', 'unit', 'person']);
export type ReopenScope = z.infer<typeof ReopenScope>;
export const REOPEN_SCOPE_LABEL: Record<ReopenScope, string> = { province: '全区', unit: '单位', person: '个人' };
export const DeadlineKind = z.enum(['professional', 'public']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;
export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  professional: '专业科目学时登记、提交和审核',
  public: '公需科目学习和考试',
};

export const ReopeningInput = z.object({
  scope: ReopenScope,
  /** 统一社会信用代码 of the unit (scope unit). */
  unitCreditCode: z.string().trim().optional(),
  /** 身份证号 of the person (scope person). */
  personIdNumber: z.string().trim().optional(),
  deadline: DeadlineKind,
  until: IsoDate,
  reason: z.string().trim().min(1, '请填写重新开放的原因').max(500, '原因不能超过500个字'),
});
export type ReopeningInput = z.infer<typeof ReopeningInput>;

export const Reopening = z.object({
  id: z.number().int(),
  year: z.number().int(),
  scope: ReopenScope,
  unitName: z.string().nullable(),
  personName: z.string().nullable(),
  deadline: DeadlineKind,
  until: z.string(),
  reason: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type Reopening = z.infer<typeof Reopening>;

/**
 * What a professional is told about the years: reopened deadlines that concern them, a year whose plan is not yet
 * published.
 */
export const PlanNotice = z.object({
  kind: z.enum(['reopened', 'not_published']),
  year: z.number().int(),
  message: z.string(),
});
export type PlanNotice = z.infer<typeof PlanNotice>;
