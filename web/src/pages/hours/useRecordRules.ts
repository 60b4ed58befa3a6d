// The record form's date and hours checks — the same rules as 保存 (@ptce/rules), said at once.
import type { Dayjs } from 'dayjs';
import type { ActivityType, HalfDay } from '@ptce/contracts';
import { checkSpan, hoursCapOf, registrationWindow, ruleMessages } from '@ptce/rules';
import { useAnnualPlans } from '../../api/reference';
import { shanghaiToday } from './labels';
import { DATE, spanOf } from './record-values';

export type HoursRule = { validator: (r: unknown, v: number | null | undefined) => Promise<void> };

const oneDecimal = (n: number) => Math.abs(Math.round(n * 10) - n * 10) < 1e-9;

/** Rules of 开始时间, 结束时间 and 申请学时, and the dates the pickers refuse (after today). */
export function useRecordRules(activityType: ActivityType | undefined, startDate: Dayjs | null | undefined) {
  const plans = useAnnualPlans();
  const today = shanghaiToday();
  const disabledDate = (d: Dayjs) => d.format(DATE) > today;

  const startRules = [
    {
      validator: async (_: unknown, v: Dayjs | null) => {
        if (!v) throw new Error('请选择开始日期');
        const year = v.year();
        if (!plans.data) return;
        const plan = plans.data.find((p) => p.year === year);
        const window = registrationWindow(plan, year, today);
        if (!window.open) throw new Error(window.reason);
      },
    },
  ];
  const endRules = [
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: async (_: unknown, v: Dayjs | null) => {
        if (!v) throw new Error('请选择结束日期');
        const s = spanOf(
          getFieldValue('startDate') as Dayjs | null,
          getFieldValue('startHalf') as HalfDay,
          v,
          getFieldValue('endHalf') as HalfDay,
        );
        // 不能跨年登记 (notice §二(二)) and an end before the start: the rules' own check.
        const problem = s ? checkSpan(s)[0] : undefined;
        if (problem) throw new Error(problem.reason);
        if (v.format(DATE) > today) throw new Error(ruleMessages.END_AFTER_TODAY);
      },
    }),
  ];
  const hoursRules: HoursRule[] = [
    {
      validator: async (_: unknown, v: number | null | undefined) => {
        if (v === null || v === undefined) throw new Error('请填写申请学时');
        if (!(v > 0)) throw new Error(ruleMessages.HOURS_NOT_POSITIVE);
        if (!oneDecimal(v)) throw new Error(ruleMessages.HOURS_TOO_PRECISE);
        const plan = startDate ? plans.data?.find((p) => p.year === startDate.year()) : undefined;
        const cap = plan ? hoursCapOf(plan, activityType ?? 'training') : null;
        if (cap !== null && v > cap) throw new Error(ruleMessages.HOURS_OVER_CAP(cap));
        if (v > 999) throw new Error('申请学时不能超过999');
      },
    },
  ];
  return { disabledDate, startRules, endRules, hoursRules };
}
