import { describe, expect, it } from 'vitest';
import { attemptsLeft, attemptsUsedUpMessage, examPassed } from './exam';
import { EVIDENCE_RULE_TEXT, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './evidence';
import { HELP_DESK } from './help-desk';
import { defaultPlan, lastDayOfYear } from './plan';
import { regionCovers, regionPrefix } from './regions';
import { ruleMessages } from './violations';
import { lastDayOfPreviousYear, registrableYears, registrationRefusal, registrationWindow } from './year-window';

describe('the notice’s numbers (default plan)', () => {
  const p = defaultPlan(2024);
  it('90 hours, 2/3 professional, 15 + 10 public, pass at 60, 3 attempts, 4 h per half day', () => {
    expect(p).toMatchObject({
      totalHours: 90,
      professionalRatioNum: 2,
      professionalRatioDen: 3,
      compulsoryHours: 15,
      electiveHours: 10,
      passScore: 60,
      maxAttempts: 3,
      hoursPerHalfDay: 4,
    });
  });
  it('public subjects by Dec 31 of the year, professional hours by Mar 31 of the next year', () => {
    expect(p.publicDeadline).toBe('2024-12-31');
    expect(p.professionalDeadline).toBe('2025-03-31');
    expect(lastDayOfPreviousYear(2025)).toBe(lastDayOfYear(2024));
  });
  it('the paper is 100 points', () => {
    const e = p.examConfig;
    expect(
      e.single.count * e.single.points + e.multiple.count * e.multiple.points + e.judge.count * e.judge.points,
    ).toBe(100);
  });
});

describe('registration window', () => {
  const plans = [defaultPlan(2023), defaultPlan(2024), defaultPlan(2025)];
  it('a year is open until its professional deadline, inclusive', () => {
    expect(registrationWindow(plans[1], 2024, '2025-03-31')).toEqual({ open: true });
    expect(registrationWindow(plans[1], 2024, '2025-04-01')).toEqual({
      open: false,
      code: 'YEAR_CLOSED',
      reason: '2024年度专业科目学时登记和审核已于2025年3月31日截止',
    });
    expect(registrationWindow(undefined, 2026, '2026-01-01')).toEqual({
      open: false,
      code: 'NO_PLAN',
      reason: '2026年度没有年度计划，不能登记该年度学时',
    });
    expect(ruleMessages.YEAR_CLOSED(2023, '2024-03-31')).toBe('2023年度专业科目学时登记和审核已于2024年3月31日截止');
  });
  it('registering says a missing plan means the year cannot be registered; other refusals as they are', () => {
    expect(registrationRefusal({ code: 'NO_PLAN', reason: '2021年度没有年度计划' })).toBe(
      '2021年度没有年度计划，不能登记该年度学时',
    );
    expect(registrationRefusal({ code: 'PLAN_NOT_PUBLISHED', reason: '2027年度计划尚未发布' })).toBe(
      '2027年度计划尚未发布',
    );
  });
  it('in the first quarter two years are open; later one', () => {
    expect(registrableYears(plans, '2025-02-10')).toEqual([2025, 2024]);
    expect(registrableYears(plans, '2025-04-01')).toEqual([2025]);
  });
});

describe('exams', () => {
  it('passes at the plan’s pass mark and counts attempts from the plan', () => {
    const p = defaultPlan(2024);
    expect(examPassed(60, p)).toBe(true);
    expect(examPassed(59, p)).toBe(false);
    expect(attemptsLeft(1, p)).toBe(2);
    expect(attemptsLeft(3, p)).toBe(0);
    expect(attemptsLeft(3, p, 3)).toBe(3);
    expect(attemptsUsedUpMessage(p.maxAttempts)).toBe(
      '3次考试机会已用完。3次考试均不合格者，可在培训期间致电0771-966111申请补学补考',
    );
  });
});

describe('help desk, evidence, regions', () => {
  it('gives the notice’s help desk', () => {
    expect(HELP_DESK).toEqual({
      hours: '工作日上午9:00—12:00，下午14:00—18:00',
      phone: '0771-966111',
      email: 'gxpx365@126.com',
      browsers: '谷歌（Chrome）、火狐（Firefox）、Microsoft Edge浏览器，请勿使用IE或类IE浏览器（如2345浏览器等）',
      operatingSystem: 'Windows 7以上系统',
    });
  });
  it('limits evidence to 10 files of 10 MB', () => {
    expect(MAX_EVIDENCE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_EVIDENCE_FILES).toBe(10);
    expect(EVIDENCE_RULE_TEXT).toBe('PDF、JPG、PNG格式，单个不超过10MB，最多10个');
  });
  it('region prefixes: province, city, county', () => {
    expect(regionPrefix('450000')).toBe('45');
    expect(regionPrefix('450100')).toBe('4501');
    expect(regionPrefix('450102')).toBe('450102');
    expect(regionCovers('450100', '450102')).toBe(true);
    expect(regionCovers('450100', '450200')).toBe(false);
    expect(regionCovers('450000', '451302')).toBe(true);
  });
});
