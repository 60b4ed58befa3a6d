import type { RecordInput } from '@ptce/contracts';
import type { Db } from '../../db/client';
import { checkRecord, defaultPlan, recordRulesOf } from '@ptce/rules';
import { ruleError } from '../../errors';
import type { Concerned } from '../plans/index';
import { openPlan, today } from './plan-window';

/** The form's rules (dates, 不能跨年登记, open year, 申请学时) → the year and hours to store. */
export async function validateRecord(
  db: Db,
  input: RecordInput,
  who: Concerned = {},
): Promise<{ year: number; hours: number }> {
  const year = Number(input.startDate.slice(0, 4));
  const plan = Number.isInteger(year) ? await openPlan(db, year, 'startDate', who) : null;
  // No plan only when the start date is not a date, which checkRecord reports before any number is used.
  const r = checkRecord(input, recordRulesOf(plan ?? defaultPlan(0), today()));
  if (!r.ok) throw ruleError(r.violations);
  return { year: r.year, hours: r.hours };
}
