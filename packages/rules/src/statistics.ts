/**
 * 统计分析's readings of the year's requirement (notice 四(三): authorities supervise and evaluate the learning in
 * their scope). 达标 itself is computeCompliance's; the statistics also count it over millions of people in SQL, so
 * its condition is spelled here once as numbers (`metCondition`), checked against computeCompliance by the tests.
 */
import type { PlanNumbers } from './compliance';

/** A review that waited longer than this many days is 积压 on the dashboards. */
export const REVIEW_BACKLOG_DAYS = 30;

/**
 * 达标 as numbers for a set-based query: total tenths ≥ minTotalTenths and
 * professional tenths × ratioDen ≥ total tenths × ratioNum (the same comparison as computeCompliance).
 */
export function metCondition(plan: Pick<PlanNumbers, 'totalHours' | 'professionalRatioNum' | 'professionalRatioDen'>) {
  return {
    minTotalTenths: Math.round(plan.totalHours * 10),
    ratioNum: plan.professionalRatioNum,
    ratioDen: plan.professionalRatioDen,
  };
}

export const HOURS_BANDS = ['none', 'low', 'mid', 'short', 'full'] as const;
export type HoursBand = (typeof HOURS_BANDS)[number];

/**
 * The distribution of a year's total hours per person, as shares of the requirement: none at all, under a third,
 * under two thirds, two thirds or more but short (60–89 of 90: 差一点), the requirement reached.
 */
export function hoursBandLimits(plan: Pick<PlanNumbers, 'totalHours'>) {
  const t = plan.totalHours;
  return { low: t / 3, mid: (2 * t) / 3, full: t };
}

export function hoursBand(total: number, plan: Pick<PlanNumbers, 'totalHours'>): HoursBand {
  const l = hoursBandLimits(plan);
  if (total <= 0) return 'none';
  if (total < l.low) return 'low';
  if (total < l.mid) return 'mid';
  if (total < l.full) return 'short';
  return 'full';
}

/** Labels of the bands for a plan: "0", "1–29", "30–59", "60–89（差一点）", "≥90". */
export function hoursBandLabels(plan: Pick<PlanNumbers, 'totalHours'>): Record<HoursBand, string> {
  const l = hoursBandLimits(plan);
  const f = (n: number) => String(Math.ceil(n));
  return {
    none: '0学时',
    low: `不足${f(l.low)}学时`,
    mid: `${f(l.low)}–${Math.ceil(l.mid) - 1}学时`,
    short: `${f(l.mid)}–${Math.ceil(l.full) - 1}学时（差一点）`,
    full: `达到${f(l.full)}学时`,
  };
}

/** 达标率 etc. as a percentage with one decimal; no one counted is 0. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0;
}
