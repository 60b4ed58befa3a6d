import { z } from 'zod';
import { PageQuery } from './common';
import { HalfDay } from './hours';

/**
 * 培训班 and 导入学员学时: an organiser — a training base (a filed class, 已备案 with its 备案号), a unit or an
 * industry authority — runs classes and records their trainees' hours; each passed trainee's hours land as
 * an approved professional-subject record with the class as its source.
 */
export const ClassOrganiserKind = z.enum(['base', 'unit', 'authority']);
export type ClassOrganiserKind = z.infer<typeof ClassOrganiserKind>;
export const CLASS_ORGANISER_LABEL: Record<ClassOrganiserKind, string> = {
  base: '继续教育基地',
  unit: '用人单位',
  authority: '行业主管部门',
};

/** 考核结果: only a trainee who passed is credited hours. */
export const TraineeResult = z.enum(['passed', 'failed']);
export type TraineeResult = z.infer<typeof TraineeResult>;
export const TRAINEE_RESULT_LABEL: Record<TraineeResult, string> = { passed: '合格', failed: '不合格' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const Text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

/** 新增培训班 of a unit or an authority; a base's class takes everything from its filing (filingId). */
export const ClassInput = z.object({
  title: Text('培训班名称', 200),
  category: z.string().trim().max(60, '项目类目不能超过60个字').default(''),
  place: Text('培训地点', 100),
  startDate: IsoDate,
  startHalf: HalfDay,
  endDate: IsoDate,
  endHalf: HalfDay,
});
export type ClassInput = z.infer<typeof ClassInput>;
export const CreateClassRequest = z.union([z.object({ filingId: z.number().int().positive() }), ClassInput]);
export type CreateClassRequest = z.infer<typeof CreateClassRequest>;

export const ClassRow = z.object({
  id: z.number().int(),
  organiserKind: ClassOrganiserKind,
  organiserName: z.string(),
  filingId: z.number().int().nullable(),
  filingNumber: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  place: z.string(),
  startDate: z.string(),
  startHalf: HalfDay,
  endDate: z.string(),
  endHalf: HalfDay,
  year: z.number().int(),
  /** 项目学时: 4 h a half day of the schedule (the year's plan). */
  hours: z.number(),
  traineeCount: z.number().int(),
  passedCount: z.number().int(),
  createdAt: z.string(),
});
export type ClassRow = z.infer<typeof ClassRow>;

export const ClassListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(60).optional(),
});

export const TraineeRow = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  name: z.string(),
  /** Masked: the organiser's full list is the roster export. */
  idNumberMasked: z.string(),
  unitName: z.string(),
  hours: z.number(),
  result: TraineeResult,
  /** The approved record the hours landed in (null for 不合格). */
  recordId: z.number().int().nullable(),
  /** The person has no login yet: their 注册 claims the record. */
  registered: z.boolean(),
  /** Another class of the person overlaps this one in time. */
  overlaps: z.boolean(),
  updatedAt: z.string(),
});
export type TraineeRow = z.infer<typeof TraineeRow>;
export const TraineeListQuery = PageQuery.extend({ q: z.string().trim().max(30).optional() });

/** 添加学员 — one trainee, the same checks as a row of the template. */
export const TraineeInput = z.object({
  name: Text('姓名', 30),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(18, '身份证号码应为18位'),
  unit: Text('工作单位', 100),
  hours: z.number().positive('实际学时必须大于0').max(999),
  result: TraineeResult,
});
export type TraineeInput = z.infer<typeof TraineeInput>;

const Reason = z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(200, '原因不能超过200个字');
/** 更正: the organiser corrects a trainee's hours or result, with a reason (audited). */
export const TraineeCorrection = z.object({
  hours: z.number().positive('实际学时必须大于0').max(999),
  result: TraineeResult,
  reason: Reason,
});
/** 撤销: the organiser withdraws a trainee's hours (the record goes; audited; certificate rule applies). */
export const TraineeWithdrawal = z.object({ reason: Reason });

export const TraineeAdded = z.object({ trainee: TraineeRow, overlapsWith: z.array(z.string()) });

export const ClassImportFields = z.object({ classId: z.coerce.number().int().positive() });

/** 年度汇总: the organiser's classes of a year. */
export const ClassSummaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type ClassSummaryQuery = z.infer<typeof ClassSummaryQuery>;

/** 学员: the trainees of all the organiser's classes (ID numbers masked), each with its class. */
export const OrganiserTraineeRow = TraineeRow.pick({
  id: true,
  name: true,
  idNumberMasked: true,
  unitName: true,
  hours: true,
  result: true,
}).extend({
  classId: z.number().int(),
  classTitle: z.string(),
  filingNumber: z.string().nullable(),
  startDate: z.string(),
  startHalf: HalfDay,
  endDate: z.string(),
  endHalf: HalfDay,
  year: z.number().int(),
});
export type OrganiserTraineeRow = z.infer<typeof OrganiserTraineeRow>;
export const OrganiserTraineeQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  result: TraineeResult.optional(),
  /** 姓名 (from its start) or a full 身份证号码. */
  q: z.string().trim().max(30).optional(),
});
export type OrganiserTraineeQuery = z.infer<typeof OrganiserTraineeQuery>;
