import { describe, expect, it } from 'vitest';
import { computeCompliance, type PlanNumbers } from './compliance';
import { defaultPlan } from './plan';
import { hoursBand, hoursBandLabels, metCondition, percent } from './statistics';

const plan: PlanNumbers = defaultPlan(2024);

/** The SQL of modules/stats, in numbers: the same comparison on tenths. */
function metBy(c: ReturnType<typeof metCondition>, professional: number, total: number) {
  const p = Math.round(professional * 10);
  const t = Math.round(total * 10);
  return t >= c.minTotalTenths && p * c.ratioDen >= t * c.ratioNum;
}

describe('统计分析 reads 达标 as computeCompliance does', () => {
  it('agrees on the edges of the total and of the professional share', () => {
    const c = metCondition(plan);
    for (const [compulsory, elective, professional] of <Array<[number, number, number]>>[
      [15, 10, 65],
      [15, 10, 64],
      [15, 10, 64.9],
      [0, 0, 90],
      [15, 10, 50],
      [15, 0, 75],
      [15, 10, 200],
      [0, 0, 0],
      [30, 30, 60],
      [30, 30, 59.9],
    ]) {
      const expected = computeCompliance(plan, { compulsory, elective, professional, pending: 0, drafts: 0 }).met;
      expect(
        metBy(c, professional, compulsory + elective + professional),
        `${compulsory}/${elective}/${professional}`,
      ).toBe(expected);
    }
  });

  it('bands a year’s hours as shares of the requirement, 60–89 being just short', () => {
    expect([0, 1, 29.9, 30, 59.9, 60, 89.9, 90, 120].map((h) => hoursBand(h, plan))).toEqual([
      'none',
      'low',
      'low',
      'mid',
      'mid',
      'short',
      'short',
      'full',
      'full',
    ]);
    expect(hoursBandLabels(plan)).toEqual({
      none: '0学时',
      low: '不足30学时',
      mid: '30–59学时',
      short: '60–89学时（差一点）',
      full: '达到90学时',
    });
  });

  it('gives rates with one decimal and 0 for nobody', () => {
    expect([percent(1, 3), percent(2, 3), percent(0, 0), percent(5, 5)]).toEqual([33.3, 66.7, 0, 100]);
  });
});
