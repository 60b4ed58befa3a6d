import { describe, expect, it } from 'vitest';
import { checkRecord, checkSpan, halfDays, hoursCapOf, mayTypeHours, recordRulesOf, sameTraining } from './hours';
import { defaultPlan } from './plan';
import { refusal, RULE_VIOLATION_CODES, ruleMessages, violation } from './violations';

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

describe('each violation comes with its machine code', () => {
  const violationsOf = (r: ReturnType<typeof checkRecord>) => (r.ok ? [] : r.violations);
  it.each([
    [
      span('2024-02-30', 'am', '2024-03-01', 'am'),
      'other',
      undefined,
      'startDate',
      'INVALID_START_DATE',
      '开始日期无效',
    ],
    [span('2024-03-01', 'am', '2024-02-30', 'am'), 'other', undefined, 'endDate', 'INVALID_END_DATE', '结束日期无效'],
    [
      span('2023-12-30', 'am', '2024-01-02', 'pm'),
      'training',
      undefined,
      'endDate',
      'CROSS_YEAR',
      '不能跨年登记：开始和结束须在同一年度（2023年与2024年）',
    ],
    [
      span('2024-05-06', 'pm', '2024-05-06', 'am'),
      'other',
      undefined,
      'endDate',
      'END_BEFORE_START',
      '结束时间不能早于开始时间',
    ],
    [
      span('2024-12-01', 'am', '2024-12-02', 'am'),
      'other',
      undefined,
      'endDate',
      'END_AFTER_TODAY',
      '结束日期不能晚于今天：请在培训结束后登记',
    ],
    [span('2024-05-06', 'am', '2024-05-06', 'pm'), 'distance', 0, 'hours', 'HOURS_NOT_POSITIVE', '申请学时必须大于0'],
    [
      span('2024-05-06', 'am', '2024-05-06', 'pm'),
      'distance',
      3.25,
      'hours',
      'HOURS_TOO_PRECISE',
      '申请学时最多保留一位小数',
    ],
    [
      span('2024-05-06', 'am', '2024-05-06', 'pm'),
      'training',
      10,
      'hours',
      'TRAINING_HOURS_FIXED',
      '培训班/研修班/进修班按每半天4学时计算，应为8学时',
    ],
    [
      span('2024-05-06', 'am', '2024-05-06', 'pm'),
      'distance',
      91,
      'hours',
      'HOURS_OVER_CAP',
      '单条记录申请学时不能超过90学时',
    ],
    [
      span('2024-01-02', 'am', '2024-03-29', 'pm'),
      'distance',
      undefined,
      'hours',
      'COMPUTED_HOURS_OVER_CAP',
      '按起止时间计算的学时超过该类活动单条记录上限90学时，请核对起止时间或手动填写实际学时',
    ],
  ] as const)('%o %s %s → %s %s', (s, activityType, hours, field, code, reason) => {
    expect(violationsOf(checkRecord({ ...s, activityType, hours }, rules))).toEqual([{ field, code, reason }]);
  });
  it('every code has its message in the one table', () => {
    for (const code of RULE_VIOLATION_CODES) expect(ruleMessages[code]).toBeDefined();
    expect(Object.keys(ruleMessages).sort()).toEqual([...RULE_VIOLATION_CODES].sort());
  });
  it('a refusal looks its message up by code', () => {
    expect(refusal('YEAR_CLOSED', 2023, '2024-03-31')).toEqual({
      code: 'YEAR_CLOSED',
      reason: '2023年度专业科目学时登记和审核已于2024年3月31日截止',
    });
    expect(refusal('NO_PLAN', 2021)).toEqual({ code: 'NO_PLAN', reason: '2021年度没有年度计划' });
    expect(refusal('PLAN_NOT_PUBLISHED', 2027)).toEqual({ code: 'PLAN_NOT_PUBLISHED', reason: '2027年度计划尚未发布' });
    expect(refusal('PUBLIC_YEAR_CLOSED', 2024, '2025-12-31')).toEqual({
      code: 'PUBLIC_YEAR_CLOSED',
      reason: '2024年度公需科目补学补考已于2025-12-31截止',
    });
    expect(violation('startDate', 'END_AFTER_TODAY')).toEqual({
      field: 'startDate',
      code: 'END_AFTER_TODAY',
      reason: '结束日期不能晚于今天：请在培训结束后登记',
    });
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
      { field: 'endDate', code: 'CROSS_YEAR', reason: '不能跨年登记：开始和结束须在同一年度（2024年与2025年）' },
    ]);
  });
  it('says an end before the start, and nothing for a valid span', () => {
    expect(checkSpan(span('2024-05-06', 'pm', '2024-05-06', 'am'))).toEqual([
      { field: 'endDate', code: 'END_BEFORE_START', reason: '结束时间不能早于开始时间' },
    ]);
    expect(checkSpan(span('2024-05-06', 'am', '2024-05-06', 'am'))).toEqual([]);
    expect(checkSpan(span('2024-13-01', 'am', '2024-05-06', 'am'))[0]).toEqual({
      field: 'startDate',
      code: 'INVALID_START_DATE',
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
      ruleMessages.DUPLICATE_RECORD({
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
