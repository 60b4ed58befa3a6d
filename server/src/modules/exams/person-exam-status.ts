import type { PersonExamStatus, PersonLookup } from '@ptce/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { personScope } from '../../auth/scope';
import { endOfShanghaiDay, now, shanghaiYear } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, courseCompletions, examRounds, units } from '../../db/schema/index';
import { idNumberIs } from '../../db/pii-lookup';
import { makeupRefusal, type LearningWindow } from '../../domain/learning';
import { maskIdNumber } from '../../domain/id-number';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import {
  compulsoryCourseOf,
  hasPassedCompulsory,
  loadPlan,
  windowFor,
  windowView,
  type AnnualPlanRow,
  type ExamRound,
} from '../learning/index';
import { attemptSummary } from './attempt-view';
import { attemptsOfYear } from './exam-state';
import { submitExpiredAttempts } from './finalize-attempt';
import { lastDayOfPreviousYear } from '@ptce/rules';

/** 补学补考 → 按身份证号查找专业技术人员 (within the operator's scope — the whole province). */
export async function findPeople(ctx: Caller, idNumber: string): Promise<PersonLookup[]> {
  const rows = await ctx.db
    .select({ id: accounts.id, name: accounts.name, idNumber: accounts.idNumber, unitName: units.name })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(accounts.kind, 'professional'), idNumberIs(idNumber), personScope(ctx.actor)));
  return rows.map((r) => ({
    accountId: r.id,
    name: r.name,
    idNumberMasked: maskIdNumber(r.idNumber ?? ''),
    unitName: r.unitName,
  }));
}

export async function personInScope(db: Db, actor: Actor, accountId: number): Promise<PersonLookup> {
  const [r] = await db
    .select({ id: accounts.id, name: accounts.name, idNumber: accounts.idNumber, unitName: units.name })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(accounts.id, accountId), eq(accounts.kind, 'professional'), personScope(actor)));
  if (!r) throw notFound('专业技术人员');
  return { accountId: r.id, name: r.name, idNumberMasked: maskIdNumber(r.idNumber ?? ''), unitName: r.unitName };
}

export interface GrantCheck {
  plan: AnnualPlanRow;
  window: LearningWindow;
  latest: ExamRound | null;
  passed: boolean;
  /** why a makeup cannot be granted now, or null */
  refusal: string | null;
  /** the refusal is the training period being over (YEAR_CLOSED rather than CONFLICT) */
  closed: boolean;
}

/** Whether the help desk may grant this person a makeup for the year (the caller may hold the round lock). */
export async function checkGrant(
  db: Db,
  accountId: number,
  year: number,
  latest: ExamRound | null,
): Promise<GrantCheck> {
  const at = now();
  const plan = await loadPlan(db, year);
  const window = await windowFor(db, accountId, plan, 'compulsory', at);
  const passed = await hasPassedCompulsory(db, accountId, year);
  const base = { plan, window, latest, passed };
  if (!window.open) {
    const reason = passed ? window.reason : `${window.reason}，培训期已结束，不能开通补学补考`;
    return { ...base, refusal: reason, closed: !passed };
  }
  const startOfThisYear = endOfShanghaiDay(lastDayOfPreviousYear(shanghaiYear(at)));
  if (window.kind === 'prior' && (!latest || latest.openedAt < startOfThisYear)) {
    return { ...base, refusal: `${year}年度为历年培训，本人登录后即可补学补考，无需人工开通`, closed: false };
  }
  const attempts = latest
    ? (await attemptsOfYear(db, accountId, year)).filter((a) => a.roundNo === latest.roundNo)
    : [];
  const refusal = makeupRefusal({
    passed,
    courseCompleted: true,
    attemptsUsed: attempts.length,
    maxAttempts: plan.maxAttempts,
    hasOpenAttempt: attempts.some((a) => a.submittedAt === null),
  });
  return { ...base, refusal, closed: false };
}

/** The help desk's view of one person's year: rounds, attempts, and whether a makeup may be granted. */
export async function personExamStatus(ctx: Caller, accountId: number, year: number): Promise<PersonExamStatus> {
  return ctx.db.transaction(async (tx) => {
    const person = await personInScope(tx, ctx.actor, accountId);
    await submitExpiredAttempts(tx, { accountId });
    return statusOf(tx, person, year);
  });
}

export async function statusOf(db: Db, person: PersonLookup, year: number): Promise<PersonExamStatus> {
  const accountId = person.accountId;
  const rounds = await db
    .select({ r: examRounds, grantedByName: accounts.name })
    .from(examRounds)
    .leftJoin(accounts, eq(accounts.id, examRounds.grantedBy))
    .where(and(eq(examRounds.accountId, accountId), eq(examRounds.planYear, year)))
    .orderBy(asc(examRounds.roundNo));
  const latest = rounds.at(-1)?.r ?? null;
  const check = await checkGrant(db, accountId, year, latest);
  const course = await compulsoryCourseOf(db, year);
  const attempts = await attemptsOfYear(db, accountId, year);
  const completions = course
    ? await db
        .select({ roundNo: courseCompletions.roundNo })
        .from(courseCompletions)
        .where(
          and(
            eq(courseCompletions.accountId, accountId),
            eq(courseCompletions.planYear, year),
            eq(courseCompletions.courseId, course.id),
            inArray(courseCompletions.roundNo, rounds.map((r) => r.r.roundNo).concat(0)),
          ),
        )
    : [];
  return {
    person,
    year,
    courseTitle: course?.title ?? null,
    passed: check.passed,
    maxAttempts: check.plan.maxAttempts,
    window: windowView(check.window),
    canGrant: check.refusal === null,
    refusal: check.refusal,
    rounds: rounds.map(({ r, grantedByName }) => ({
      roundNo: r.roundNo,
      kind: r.kind,
      openedAt: r.openedAt.toISOString(),
      grantedByName: r.grantedBy ? grantedByName : null,
      reason: r.reason,
      courseCompleted: completions.some((c) => c.roundNo === r.roundNo),
      attempts: attempts.filter((a) => a.roundNo === r.roundNo).map(attemptSummary),
    })),
  };
}
