import { describe, expect, it } from 'vitest';
import { checkRecord, halfDays } from './hours';

const rules = { today: '2024-12-01', hoursPerHalfDay: 4, maxRecordHours: 90 };
const span = (startDate: string, startHalf: 'am' | 'pm', endDate: string, endHalf: 'am' | 'pm') => ({ startDate, startHalf, endDate, endHalf });

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
    expect(checkRecord({ ...span('2024-05-06', 'am', '2024-05-07', 'pm'), activityType: 'training' }, rules)).toEqual({ ok: true, year: 2024, hours: 16 });
  });
  it('refuses a record that spans two years', () => {
    const r = checkRecord({ ...span('2023-12-30', 'am', '2024-01-02', 'pm'), activityType: 'training' }, rules);
    expect(r).toMatchObject({ ok: false, violations: [{ field: 'endDate' }] });
    expect(JSON.stringify(r)).toContain('不能跨年登记');
  });
  it('refuses an end before the start, an end in the future and an invalid date', () => {
    expect(checkRecord({ ...span('2024-05-06', 'pm', '2024-05-06', 'am'), activityType: 'other' }, rules).ok).toBe(false);
    expect(JSON.stringify(checkRecord({ ...span('2024-12-01', 'am', '2024-12-02', 'am'), activityType: 'other' }, rules))).toContain('不能晚于今天');
    expect(JSON.stringify(checkRecord({ ...span('2024-02-30', 'am', '2024-03-01', 'am'), activityType: 'other' }, rules))).toContain('开始日期无效');
  });
  it('lets non-training activities overwrite the hours (one decimal, > 0, capped) but not training classes', () => {
    const s = span('2024-03-01', 'am', '2024-06-30', 'pm');
    expect(checkRecord({ ...s, activityType: 'distance', hours: 32.5 }, rules)).toEqual({ ok: true, year: 2024, hours: 32.5 });
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 3.25 }, rules))).toContain('一位小数');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 0 }, rules))).toContain('大于0');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance', hours: 91 }, rules))).toContain('不能超过90');
    const oneDay = span('2024-05-06', 'am', '2024-05-06', 'pm');
    expect(JSON.stringify(checkRecord({ ...oneDay, activityType: 'training', hours: 10 }, rules))).toContain('应为8学时');
    expect(checkRecord({ ...oneDay, activityType: 'training', hours: 8 }, rules).ok).toBe(true);
  });
  it('refuses a default above the cap (a long span) unless the hours are given', () => {
    const s = span('2024-01-02', 'am', '2024-03-29', 'pm');
    expect(JSON.stringify(checkRecord({ ...s, activityType: 'distance' }, rules))).toContain('不能超过90');
    expect(checkRecord({ ...s, activityType: 'distance', hours: 40 }, rules).ok).toBe(true);
  });
});
