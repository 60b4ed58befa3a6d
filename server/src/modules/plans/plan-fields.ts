import { PLAN_FIELD_LABEL, type PlanFields } from '@ptce/contracts';
import type { PlanDiff } from '../../db/schema/plans';
import { AppError, type ErrorDetail } from '../../errors';
import type { Plan } from './plan-for';

export const PLAN_FIELD_KEYS = [
  'totalHours',
  'professionalRatioNum',
  'professionalRatioDen',
  'compulsoryHours',
  'electiveHours',
  'passScore',
  'maxAttempts',
  'hoursPerHalfDay',
  'publicDeadline',
  'professionalDeadline',
  'examConfig',
  'maxRecordHours',
  'activityCaps',
  'revealKeyAfterPass',
  'creditConversions',
] as const satisfies ReadonlyArray<keyof PlanFields>;

export function fieldsOf(p: Plan): PlanFields {
  return {
    totalHours: p.totalHours,
    professionalRatioNum: p.professionalRatioNum,
    professionalRatioDen: p.professionalRatioDen,
    compulsoryHours: p.compulsoryHours,
    electiveHours: p.electiveHours,
    passScore: p.passScore,
    maxAttempts: p.maxAttempts,
    hoursPerHalfDay: p.hoursPerHalfDay,
    publicDeadline: p.publicDeadline,
    professionalDeadline: p.professionalDeadline,
    examConfig: p.examConfig,
    maxRecordHours: p.maxRecordHours,
    activityCaps: p.activityCaps as PlanFields['activityCaps'],
    revealKeyAfterPass: p.revealKeyAfterPass,
    creditConversions: p.creditConversions,
  };
}

const validDate = (s: string) =>
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Rules across fields of a whole plan; each violation names its field. */
export function checkPlan(year: number, f: PlanFields): void {
  const bad: ErrorDetail[] = [];
  const add = (field: string, reason: string) => bad.push({ field, reason });
  if (f.professionalRatioNum > f.professionalRatioDen)
    add('professionalRatioNum', '专业科目占比不能大于1（分子不能大于分母）');
  if (f.compulsoryHours + f.electiveHours > f.totalHours)
    add('electiveHours', '公需科目必修课和选修课学时之和不能超过年度总学时');
  const points =
    f.examConfig.single.count * f.examConfig.single.points +
    f.examConfig.multiple.count * f.examConfig.multiple.points +
    f.examConfig.judge.count * f.examConfig.judge.points;
  if (points === 0) add('examConfig', '试卷至少要有一道题');
  else if (f.passScore > points) add('passScore', `考试合格分数不能超过试卷总分${points}分`);
  for (const key of ['publicDeadline', 'professionalDeadline'] as const) {
    const d = f[key];
    if (!validDate(d)) add(key, `${PLAN_FIELD_LABEL[key]}不是有效日期`);
    else if (d < `${year}-01-01` || d > `${year + 2}-12-31`)
      add(key, `${PLAN_FIELD_LABEL[key]}须在${year}年1月1日至${year + 2}年12月31日之间`);
  }
  if (bad.length) throw new AppError('VALIDATION', bad[0]!.reason, bad);
}

/** Fields whose value changed, from → to. */
export function diffFields(before: PlanFields, after: PlanFields): PlanDiff {
  const diff: PlanDiff = {};
  for (const k of PLAN_FIELD_KEYS) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) diff[k] = { from: before[k], to: after[k] };
  }
  return diff;
}
