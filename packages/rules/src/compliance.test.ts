import { describe, expect, it } from 'vitest';
import { computeCompliance, type PlanNumbers } from './compliance';

const plan: PlanNumbers = {
  year: 2024,
  totalHours: 90,
  professionalRatioNum: 2,
  professionalRatioDen: 3,
  compulsoryHours: 15,
  electiveHours: 10,
  publicDeadline: '2024-12-31',
  professionalDeadline: '2025-03-31',
};
const hours = (professional: number, compulsory = 15, elective = 10, pending = 0, pendingHours = 0) => ({
  compulsory,
  elective,
  professional,
  pending,
  pendingHours,
  drafts: 0,
});

describe('the year’s requirement (达标)', () => {
  it('89 hours in total is not met', () => {
    const c = computeCompliance(plan, hours(64));
    expect(c.totalHours).toBe(89);
    expect(c.met).toBe(false);
    expect(c.mayBeExcellent).toBe(false);
    expect(c.missing.map((m) => m.item)).toContain('专业科目学时还差1学时（须经单位审验通过）');
  });
  it('90 with 65 professional is met', () => {
    const c = computeCompliance(plan, hours(65));
    expect(c).toMatchObject({
      totalHours: 90,
      professionalHours: 65,
      met: true,
      compulsoryDone: true,
      mayBeExcellent: true,
      missing: [],
    });
  });
  it('exactly two thirds is enough; just below is not', () => {
    expect(computeCompliance(plan, hours(60, 15, 15)).met).toBe(true); // 60 of 90
    expect(computeCompliance(plan, hours(66.6, 15, 18.4)).met).toBe(false); // 66.6 < 2/3 of 100 (66.67)
    expect(computeCompliance(plan, hours(66.7, 15, 18.3)).met).toBe(true);
  });
  it('a record awaiting review never turns 达标 off: approved hours count, pending ones are shown as 审核中', () => {
    const c = computeCompliance(plan, hours(70, 15, 10, 1, 16));
    expect(c.met).toBe(true);
    expect(c.mayBeExcellent).toBe(true);
    expect(c.totalHours).toBe(95);
    expect(c.pendingHours).toBe(16);
    expect(c.missing).toEqual([]);
  });
  it('pending hours do not count toward an unmet year, and the review is listed as missing', () => {
    const c = computeCompliance(plan, hours(40, 15, 10, 2, 30));
    expect(c.met).toBe(false);
    expect(c.totalHours).toBe(65);
    expect(c.pendingHours).toBe(30);
    expect(c.missing.map((m) => m.item)).toEqual([
      '专业科目学时还差25学时（须经单位审验通过）',
      '2条专业科目学时登记待单位审核',
    ]);
  });
  it('100 approved professional hours without the compulsory course: met in hours, but not 可评优秀 (notice 三(二))', () => {
    const c = computeCompliance(plan, hours(100, 0, 0));
    expect(c.met).toBe(true);
    expect(c.compulsoryDone).toBe(false);
    expect(c.mayBeExcellent).toBe(false);
    expect(c.missing[0]).toEqual({ item: '完成公需科目必修课学习并通过考试（15学时）', deadline: '2024-12-31' });
  });
  it('says how many professional hours are still missing against the ratio', () => {
    const c = computeCompliance(plan, hours(40));
    expect(c.requiredProfessional).toBe(65);
    expect(c.missing.find((m) => m.item.startsWith('专业科目'))).toEqual({
      item: '专业科目学时还差25学时（须经单位审验通过）',
      deadline: '2025-03-31',
    });
  });
});
