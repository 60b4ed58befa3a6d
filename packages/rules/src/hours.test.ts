import { describe, expect, it } from 'vitest';
import {
  checkRecord,
  checkSpan,
  duplicateRecordMessage,
  halfDays,
  hoursCapOf,
  mayTypeHours,
  recordRulesOf,
  sameTraining,
} from './hours';
import { defaultPlan } from './plan';

const rules = { today: '2024-12-01', hoursPerHalfDay: 4, maxRecordHours: 90 };
const span = (startDate: string, startHalf: 'am' | 'pm', endDate: string, endHalf: 'am' | 'pm') => ({
  startDate,
  startHalf,
  endDate,
  endHalf,
});

describe('half-day arithmetic', () => {
  it.each([
    [span('2024-05-06', 'am', '2024-05-07', 'pm'), 4],
    [span('2024-05-06', 'am', '2024-05-06', 'am'), 1],
    [span('2024-05-06', 'am', '2024-05-06', 'pm'), 2],
    [span('2024-05-06', 'pm', '2024-05-06', 'pm'), 1],
    [span('2024-05-06', 'pm', '2024-05-07', 'am'), 2],
    [span('2024-02-28', 'am', '2024-03-01', 'pm'), 6], // leap year
    [span('2024-05-06', 'pm', '2024-05-06', 'am'), 0],
  ])('%o is %i half days', (s, n) => expect(halfDays(s)).toBe(n));
});

describe('record rules', () => {
  it('defaults a two-day class to 16 hours', () => {
    expect(checkRecord({ ...span('2024-05-06', 'am', '2024-05-07', 'pm'), activityType: 'training' }, rules)).toEqual({
      ok: true,
      year: 2024,
      hours: 16,
    });
  });
  it('refuses a record that spans two years', () => {
    const r = checkRecord({ ...span('2023-12-30', 'am', '2024-01-02', 'pm'), activityType: 'training' }, rules);
    expect(r).toMatchObject({ ok: false, violations: [{ field: 'endDate' }] });
    expect(JSON.stringify(r)).toContain('不能跨年登记');
  });
  it('refuses an end before the start, an end in the future and an invalid date', () => {
    expect(checkRecord({ ...span('2024-05-06', 'pm', '2024-05-06', 'am'), activityType: 'other' }, rules).ok).toBe(
      false,
    );
    expect(
      JSON.stringify(checkRecord({ ...span('2024-12-01', 'am', '2024-12-02', 'am'), activityType: 'other' }, rules)),
    ).toContain('不能晚于今天');
    expect(
      JSON.stringify(checkRecord({ ...span('2024-02-30', 'am', '2024-03-01', 'am'), activityType: 'other' }, rules)),
    ).toContain('开始日期无效');
  });
  it('lets non-training activities overwrite the hours (one decimal, > 0, capped) but not training classes', () => {
    const s = span('2024-03-01', 'am', '2024-06-30', 'pm');
    expect(checkRecord({ ...s, activityType: 'distance', hours: 32.5 }, rules)).toEqual({
      ok: true,
      year: 2024,
      hours: 32.5,
    });
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 3.25 }, rules))).toContain('一位小数');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 0 }, rules))).toContain('大于0');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 91 }, rules))).toContain('不能超过90');
    const oneDay = span('2024-05-06', 'am', '2024-05-06', 'pm');
    expect(JSON.stringify(checkRecord({ ...oneDay, activityType: 'training', hours: 10 }, rules))).toContain(
      '应为8学时',
    );
    expect(checkRecord({ ...oneDay, activityType: 'training', hours: 8 }, rules).ok).toBe(true);
  });
  it('refuses a default above the cap (a long span) unless the hours are given', () => {
    const s = span('2024-01-02', 'am', '2024-03-29', 'pm');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance' }, rules))).toContain('上限90学时');
    expect(checkRecord({ ...s, activityType: 'distance', hours: 40 }, rules).ok).toBe(true);
  });
});

describe('training classes and the per-activity-type caps of the plan', () => {
  const plan = defaultPlan(2024);
  const r = recordRulesOf(plan, '2024-12-01');
  it('a 12-day 培训班 is 96 hours (4 h × 24 half days) and saves: no per-record cap', () => {
    const twelveDays = span('2024-03-04', 'am', '2024-03-15', 'pm');
    expect(halfDays(twelveDays)).toBe(24);
    expect(checkRecord({ ...twelveDays, activityType: 'training' }, r)).toEqual({ ok: true, year: 2024, hours: 96 });
    expect(checkRecord({ ...twelveDays, activityType: 'training', hours: 96 }, r)).toEqual({
      ok: true,
      year: 2024,
      hours: 96,
    });
    // and its hours still may not be typed by hand
    expect(JSON.stringify(checkRecord({ ...twelveDays, activityType: 'training', hours: 90 }, r))).toContain(
      '应为96学时',
    );
  });
  it('only the types typed by hand have caps, each from the plan, else the plan’s max record hours', () => {
    expect(mayTypeHours('training')).toBe(false);
    expect(hoursCapOf(plan, 'training')).toBeNull();
    expect(hoursCapOf({ maxRecordHours: 90, activityCaps: { academic: 24 } }, 'academic')).toBe(24);
    expect(hoursCapOf({ maxRecordHours: 90, activityCaps: { academic: 24 } }, 'distance')).toBe(90);
    const s = span('2024-03-01', 'am', '2024-06-30', 'pm');
    const academic24 = { ...r, activityCaps: { academic: 24 } };
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'academic', hours: 25 }, academic24))).toContain(
      '不能超过24学时',
    );
    expect(checkRecord({ ...s, activityType: 'academic', hours: 24 }, academic24).ok).toBe(true);
    expect(checkRecord({ ...s, activityType: 'distance', hours: 80 }, academic24).ok).toBe(true);
  });
  it('the default plan caps every hand-typed type and no training class', () => {
    for (const t of ['practice', 'distance', 'academic', 'other'] as const)
      expect(hoursCapOf(plan, t)).toBeGreaterThan(0);
  });
});

describe('the span check shared by the 申请学时 preview and 保存', () => {
  it('says at once that a span crosses two years', () => {
    expect(checkSpan(span('2024-12-30', 'am', '2025-01-02', 'pm'))).toEqual([
      { field: 'endDate', reason: '不能跨年登记：开始和结束须在同一年度（2024年与2025年）' },
    ]);
  });
  it('says an end before the start, and nothing for a valid span', () => {
    expect(checkSpan(span('2024-05-06', 'pm', '2024-05-06', 'am'))).toEqual([
      { field: 'endDate', reason: '结束时间不能早于开始时间' },
    ]);
    expect(checkSpan(span('2024-05-06', 'am', '2024-05-06', 'am'))).toEqual([]);
    expect(checkSpan(span('2024-13-01', 'am', '2024-05-06', 'am'))[0]).toEqual({
      field: 'startDate',
      reason: '开始日期无效',
    });
  });
});

describe('the same training twice', () => {
  it('is the same title (blanks aside), start and end; another title or half day is another record', () => {
    const a = { title: '医院感染预防与控制专题培训班', ...span('2024-05-06', 'am', '2024-05-07', 'pm') };
    expect(sameTraining(a, { ...a, title: ' 医院感染预防与控制专题培训班 ' })).toBe(true);
    expect(sameTraining(a, { ...a, title: '临床用药安全讲座' })).toBe(false);
    expect(sameTraining(a, { ...a, endHalf: 'am' })).toBe(false);
    expect(
      duplicateRecordMessage({
        id: 12,
        title: a.title,
        startDate: a.startDate,
        endDate: a.endDate,
        statusLabel: '待初审',
      }),
    ).toBe(
      '已有相同起止时间的学时记录「医院感染预防与控制专题培训班」（2024-05-06至2024-05-07，记录编号12，待初审），同一培训不能重复登记',
    );
  });
});
