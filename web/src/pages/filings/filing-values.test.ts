import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { AnnualPlan } from '@ptce/contracts';
import { defaultPlan } from '@ptce/rules';
import { computedHours, mustBeReviewed, sessionsForSpan, toFilingInput, type FilingValues } from './filing-values';

const perHalfDay = defaultPlan(2026).hoursPerHalfDay;
const plans = [{ ...defaultPlan(2026), year: 2026 } as unknown as AnnualPlan];
const span: FilingValues = {
  startDate: dayjs('2026-05-11'),
  startHalf: 'am',
  endDate: dayjs('2026-05-13'),
  endHalf: 'pm',
};

describe('项目学时 of the filing form', () => {
  it('is the schedule of a 3-day class, six half days at the plan’s hours per half day', () => {
    const sessions = sessionsForSpan(span)!;
    expect(sessions.map((s) => `${s.date!.format('YYYY-MM-DD')} ${s.half}`)).toEqual([
      '2026-05-11 am',
      '2026-05-11 pm',
      '2026-05-12 am',
      '2026-05-12 pm',
      '2026-05-13 am',
      '2026-05-13 pm',
    ]);
    expect(computedHours({ ...span, sessions }, plans)).toEqual({
      hours: 6 * perHalfDay,
      halfDays: 6,
      hoursPerHalfDay: perHalfDay,
    });
    expect(6 * perHalfDay).toBe(24);
  });

  it('counts the half days on the schedule, not the span, and a half day typed twice once', () => {
    const sessions = [
      { date: dayjs('2026-05-11'), half: 'am' as const, topic: '开班' },
      { date: dayjs('2026-05-11'), half: 'am' as const, topic: '重复' },
      { date: dayjs('2026-05-13'), half: 'pm' as const, topic: '结业' },
      { date: null, half: 'am' as const, topic: '尚未选日期' },
    ];
    expect(computedHours({ ...span, sessions }, plans).hours).toBe(2 * perHalfDay);
  });

  it('is unknown without a plan for the year, and zero with no schedule', () => {
    expect(computedHours({ ...span, startDate: dayjs('2031-05-11'), sessions: [] }, plans).hours).toBeNull();
    expect(computedHours({ ...span, sessions: [] }, plans).hours).toBe(0);
  });

  it('keeps the topics typed for a half day when the schedule is laid out again', () => {
    const first = sessionsForSpan(span)!;
    first[2] = { ...first[2], topic: '政策解读', teacher: '黄志强' };
    const again = sessionsForSpan({ ...span, endDate: dayjs('2026-05-14'), sessions: first })!;
    expect(again).toHaveLength(8);
    expect(again[2]).toMatchObject({ topic: '政策解读', teacher: '黄志强' });
    expect(sessionsForSpan({ ...span, endDate: dayjs('2026-05-10') })).toBeNull();
  });

  it('never sends hours: the body has no 项目学时, and a public or paid class is always reviewed', () => {
    const body = toFilingInput({
      ...span,
      name: ' 研修班 ',
      enrolment: 'internal',
      feePerPerson: 300,
      needsApproval: false,
      sessions: sessionsForSpan(span)!,
    });
    expect(body).not.toHaveProperty('hours');
    expect(body.name).toBe('研修班');
    expect(body.needsApproval).toBe(true);
    expect(body.sessions).toHaveLength(6);
    expect(mustBeReviewed({ enrolment: 'internal', feePerPerson: 0 })).toBe(false);
    expect(mustBeReviewed({ enrolment: 'public', feePerPerson: 0 })).toBe(true);
  });
});
