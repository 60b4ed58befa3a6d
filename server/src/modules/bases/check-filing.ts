import type { FilingInput } from '@ptce/contracts';
import { checkSchedule, scheduleHours } from '@ptce/rules';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { industries, trainingBases } from '../../db/schema/index';
import { AppError, invalid, notFound, ruleError } from '../../errors';
import { requirePlan } from '../plans/index';

export type BaseRecord = typeof trainingBases.$inferSelect;

/** Why a base cannot file today — 暂停, or outside its valid period — or null when it can. */
export function filingRefusal(base: BaseRecord, today = shanghaiDate()): string | null {
  if (base.status === 'suspended')
    return `本基地已暂停${base.suspendedReason ? `（${base.suspendedReason}）` : ''}，不能提交培训备案`;
  if (base.validFrom && today < base.validFrom) return `本基地有效期自${base.validFrom}起，不能提交培训备案`;
  if (base.validTo && today > base.validTo) return `本基地有效期已于${base.validTo}届满，不能提交培训备案`;
  return null;
}

/** The caller's base, refused with its reason when it may not file now. */
export async function baseThatMayFile(db: Db, baseId: number | null): Promise<BaseRecord> {
  const [base] = baseId ? await db.select().from(trainingBases).where(eq(trainingBases.id, baseId)) : [];
  if (!base) throw notFound('继续教育基地');
  const refusal = filingRefusal(base);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  return base;
}

/**
 * A filing's content checked against the rules: the span in one year with its schedule inside it, the industry,
 * and whether it may skip review — a class open to everyone or charging fees is always reviewed. Returns the
 * 项目学时 (the schedule's half days × the plan's hours per half day) and the year.
 */
export async function checkFiling(db: Db, input: FilingInput): Promise<{ hours: number; year: number }> {
  const violations = checkSchedule(input, input.sessions);
  if (violations.length) throw ruleError(violations);
  const [industry] = await db
    .select({ code: industries.code })
    .from(industries)
    .where(eq(industries.code, input.industryCode));
  if (!industry) throw invalid('industryCode', '项目类目（行业）不存在');
  if (!input.needsApproval && (input.enrolment === 'public' || input.feePerPerson > 0))
    throw invalid('needsApproval', '公开招生或收费的培训项目须经审核后备案');
  const year = Number(input.startDate.slice(0, 4));
  // The year's plan in force sets the hours per half day; a year whose plan is not published cannot be filed yet.
  const plan = await requirePlan(db, year, 'startDate');
  return { hours: scheduleHours(input.sessions, plan.hoursPerHalfDay), year };
}
