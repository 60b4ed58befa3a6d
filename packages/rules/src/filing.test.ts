import { describe, expect, it } from 'vitest';
import { checkSchedule, scheduleHours, spanSlots } from './filing';
import { defaultPlan } from './plan';

const perHalfDay = defaultPlan(2026).hoursPerHalfDay;
const threeDays = { startDate: '2026-05-11', startHalf: 'am', endDate: '2026-05-13', endHalf: 'pm' } as const;
const slots = (dates: string[]) => dates.flatMap((date) => (['am', 'pm'] as const).map((half) => ({ date, half })));

describe('项目学时 of a filed class', () => {
  it('gives a 3-day class scheduled every half day 24 hours', () => {
    const s = slots(['2026-05-11', '2026-05-12', '2026-05-13']);
    expect(checkSchedule(threeDays, s)).toEqual([]);
    expect(scheduleHours(s, perHalfDay)).toBe(24);
  });

  it('counts only the half days on the schedule, not the span', () => {
    const s = [
      { date: '2026-05-11', half: 'am' as const },
      { date: '2026-05-13', half: 'pm' as const },
    ];
    expect(checkSchedule(threeDays, s)).toEqual([]);
    expect(scheduleHours(s, perHalfDay)).toBe(2 * perHalfDay);
  });

  it('refuses a session outside the span, naming the session', () => {
    const v = checkSchedule(threeDays, [
      { date: '2026-05-11', half: 'am' },
      { date: '2026-05-14', half: 'am' },
    ]);
    expect(v).toEqual([expect.objectContaining({ code: 'SESSION_OUTSIDE_SPAN', field: 'sessions.1.date' })]);
    expect(v[0]!.reason).toBe('课程安排2026-05-14上午不在培训起止时间内');
  });

  it('refuses the morning of a class that starts in the afternoon', () => {
    const v = checkSchedule({ ...threeDays, startHalf: 'pm' }, [{ date: '2026-05-11', half: 'am' }]);
    expect(v.map((x) => x.code)).toEqual(['SESSION_OUTSIDE_SPAN']);
  });

  it('refuses a half day scheduled twice', () => {
    const v = checkSchedule(threeDays, [
      { date: '2026-05-12', half: 'pm' },
      { date: '2026-05-12', half: 'pm' },
    ]);
    expect(v).toEqual([expect.objectContaining({ code: 'SESSION_DUPLICATE', field: 'sessions.1.date' })]);
  });

  it('refuses a class across two years (不能跨年登记) before looking at the schedule', () => {
    const v = checkSchedule({ startDate: '2026-12-31', startHalf: 'am', endDate: '2027-01-01', endHalf: 'pm' }, []);
    expect(v.map((x) => x.code)).toEqual(['CROSS_YEAR']);
  });

  it('refuses an invalid session date', () => {
    const v = checkSchedule(threeDays, [{ date: '2026-02-30', half: 'am' }]);
    expect(v.map((x) => x.code)).toEqual(['SESSION_OUTSIDE_SPAN']);
  });
});

describe('the half days of a span (the schedule a filing form starts from)', () => {
  it('lists a 3-day class as six half days, am then pm', () => {
    expect(spanSlots(threeDays)).toEqual(slots(['2026-05-11', '2026-05-12', '2026-05-13']));
  });

  it('starts and ends on the half days of the span, across a month end', () => {
    expect(spanSlots({ startDate: '2026-05-31', startHalf: 'pm', endDate: '2026-06-01', endHalf: 'am' })).toEqual([
      { date: '2026-05-31', half: 'pm' },
      { date: '2026-06-01', half: 'am' },
    ]);
  });

  it('is empty for an end before the start or a span across years', () => {
    expect(spanSlots({ ...threeDays, endDate: '2026-05-10' })).toEqual([]);
    expect(spanSlots({ ...threeDays, endDate: '2027-01-02' })).toEqual([]);
  });
});
