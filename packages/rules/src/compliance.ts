/**
 * The year's requirement (notice §二, §二(四), §三) — the one place it is computed.
 * 达标: approved hours only — total ≥ the plan's total (90), professional ≥ num/den (2/3) of the
 * total. Hours still awaiting review are shown beside them (审核中) and never turn a met year back.
 * 可评优秀 (notice 三(二)): 达标 and the year's compulsory course passed.
 */
import type { PlanRules } from './plan';

export type PlanNumbers = Pick<
  PlanRules,
  | 'year'
  | 'totalHours'
  | 'professionalRatioNum'
  | 'professionalRatioDen'
  | 'compulsoryHours'
  | 'electiveHours'
  | 'publicDeadline'
  | 'professionalDeadline'
>;

export interface YearHours {
  compulsory: number; // credited when the compulsory exam was passed
  elective: number; // credited when all electives were completed
  professional: number; // approved professional-subject hours
  pending: number; // professional records still 待初审
  pendingHours?: number; // their 申请学时 (审核中)
  drafts: number; // professional records not yet submitted (待提交)
}

export interface Compliance {
  year: number;
  publicHours: number;
  compulsoryHours: number;
  electiveHours: number;
  professionalHours: number;
  totalHours: number;
  /** 申请学时 of professional records still 待初审 — shown as 审核中, not counted. */
  pendingHours: number;
  requiredTotal: number;
  /** Professional hours needed for the current total to satisfy the ratio. */
  requiredProfessional: number;
  compulsoryDone: boolean; // 公需必修已完成 — needed for a title application (职称申报)
  met: boolean; // 达标 (approved hours)
  mayBeExcellent: boolean; // 达标 and the compulsory course passed — otherwise not 优秀 in the annual appraisal
  missing: Array<{ item: string; deadline: string }>;
}

/** Tenths of an hour, so 2/3 comparisons are exact. */
const tenths = (h: number) => Math.round(h * 10);

export function computeCompliance(plan: PlanNumbers, h: YearHours): Compliance {
  const total = tenths(h.compulsory + h.elective + h.professional);
  const professional = tenths(h.professional);
  const ratioMet = professional * plan.professionalRatioDen >= total * plan.professionalRatioNum;
  const totalMet = total >= tenths(plan.totalHours);
  const met = totalMet && ratioMet;
  const compulsoryDone = h.compulsory > 0;

  // Professional hours needed so that p ≥ r·(p + public) and p + public ≥ total:
  // p ≥ r/(1−r)·public and p ≥ total − public.
  const publicT = tenths(h.compulsory + h.elective);
  const byRatio = Math.ceil(
    (publicT * plan.professionalRatioNum) / (plan.professionalRatioDen - plan.professionalRatioNum || 1),
  );
  const byTotal = tenths(plan.totalHours) - publicT;
  const neededProfessional = Math.max(
    byRatio,
    byTotal,
    Math.ceil((tenths(plan.totalHours) * plan.professionalRatioNum) / plan.professionalRatioDen),
  );

  const missing: Compliance['missing'] = [];
  if (!compulsoryDone)
    missing.push({
      item: `完成公需科目必修课学习并通过考试（${plan.compulsoryHours}学时）`,
      deadline: plan.publicDeadline,
    });
  if (h.elective === 0)
    missing.push({ item: `完成全部公需科目选修课（${plan.electiveHours}学时）`, deadline: plan.publicDeadline });
  if (professional < neededProfessional && !met) {
    missing.push({
      item: `专业科目学时还差${(neededProfessional - professional) / 10}学时（须经单位审验通过）`,
      deadline: plan.professionalDeadline,
    });
  }
  if (h.pending > 0 && !met)
    missing.push({ item: `${h.pending}条专业科目学时登记待单位审核`, deadline: plan.professionalDeadline });
  if (h.drafts > 0 && !met)
    missing.push({ item: `${h.drafts}条专业科目学时登记尚未提交审核`, deadline: plan.professionalDeadline });

  return {
    year: plan.year,
    publicHours: (tenths(h.compulsory) + tenths(h.elective)) / 10,
    compulsoryHours: h.compulsory,
    electiveHours: h.elective,
    professionalHours: h.professional,
    totalHours: total / 10,
    pendingHours: tenths(h.pendingHours ?? 0) / 10,
    requiredTotal: plan.totalHours,
    requiredProfessional: neededProfessional / 10,
    compulsoryDone,
    met,
    mayBeExcellent: met && compulsoryDone,
    missing,
  };
}
