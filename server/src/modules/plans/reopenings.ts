import { DEADLINE_KIND_LABEL, type PlanNotice, type Reopening, type ReopeningInput } from '@ptce/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { now, shanghaiDate, shanghaiYear } from '../../clock';
import { accounts, planReopenings, units } from '../../db/schema/index';
import { idNumberIs } from '../../db/pii-lookup';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { plansSnapshot } from './plan-cache';
import { notPublishedReason, planFor } from './plan-for';
import { reopeningsFor } from './open-years';

const fmt = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function listReopenings(ctx: Caller, year: number): Promise<Reopening[]> {
  if (!(await planFor(ctx.db, year, { drafts: true }))) throw notFound(`${year}年度计划`);
  const rows = await ctx.db
    .select({ r: planReopenings, unitName: units.name, personName: accounts.name })
    .from(planReopenings)
    .leftJoin(units, eq(units.id, planReopenings.unitId))
    .leftJoin(accounts, eq(accounts.id, planReopenings.personId))
    .where(eq(planReopenings.year, year))
    .orderBy(desc(planReopenings.id));
  return rows.map(({ r, unitName, personName }) => ({
    id: r.id,
    year: r.year,
    scope: r.scope,
    unitName: unitName ?? null,
    personName: personName ?? null,
    deadline: r.deadline,
    until: r.until,
    reason: r.reason,
    actorName: r.actorName,
    at: r.at.toISOString(),
  }));
}

/**
 * 重新开放: a passed deadline of a published plan opened again until a date, for the province, a unit (by credit
 * code) or a person (by ID number).
 */
export async function reopen(ctx: Caller, year: number, input: ReopeningInput): Promise<Reopening[]> {
  const plan = await planFor(ctx.db, year, { drafts: true });
  if (!plan) throw notFound(`${year}年度计划`);
  if (plan.status !== 'published') throw new AppError('STATE_CHANGED', `${year}年度计划尚未发布，无须重新开放`);
  const deadline = input.deadline === 'professional' ? plan.professionalDeadline : plan.publicDeadline;
  if (input.until <= deadline) throw invalid('until', `开放截止日期须晚于原截止日期${fmt(deadline)}`);
  if (input.until < shanghaiDate()) throw invalid('until', '开放截止日期不能早于今天');
  if (input.until > `${year + 2}-12-31`) throw invalid('until', `开放截止日期不能晚于${year + 2}年12月31日`);
  let unitId: number | null = null;
  let personId: number | null = null;
  if (input.scope === 'unit') {
    const code = (input.unitCreditCode ?? '').toUpperCase();
    if (!code) throw invalid('unitCreditCode', '请填写单位的统一社会信用代码');
    const [u] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.creditCode, code));
    if (!u) throw invalid('unitCreditCode', '没有该统一社会信用代码的单位');
    unitId = u.id;
  } else if (input.scope === 'person') {
    const idNo = (input.personIdNumber ?? '').toUpperCase();
    if (!idNo) throw invalid('personIdNumber', '请填写专业技术人员的身份证号');
    const [a] = await ctx.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.kind, 'professional'), idNumberIs(idNo)));
    if (!a) throw invalid('personIdNumber', '没有该身份证号的专业技术人员');
    personId = a.id;
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planReopenings)
      .values({
        year,
        scope: input.scope,
        unitId,
        personId,
        deadline: input.deadline,
        until: input.until,
        reason: input.reason.trim(),
        actorAccountId: ctx.actor.id,
        actorName: ctx.actor.name,
        at: now(),
      })
      .returning({ id: planReopenings.id });
    await writeAudit(tx, ctx, {
      action: 'plan.reopen',
      targetType: 'annual_plan',
      targetId: year,
      detail: {
        id: row!.id,
        scope: input.scope,
        unitId,
        personId,
        deadline: input.deadline,
        until: input.until,
        reason: input.reason.trim(),
      },
    });
  });
  return listReopenings(ctx, year);
}

/**
 * What the professional is told on the centre page: reopened deadlines that concern them, and a new year whose plan
 * is not yet published.
 */
export async function planNotices(ctx: Caller): Promise<PlanNotice[]> {
  const snap = await plansSnapshot(ctx.db);
  const today = shanghaiDate();
  const year = shanghaiYear();
  const out: PlanNotice[] = [];
  if (!(await planFor(ctx.db, year))) out.push({ kind: 'not_published', year, message: notPublishedReason(year) });
  const who = { personId: ctx.actor.id, unitId: ctx.actor.unitId };
  const years = [...new Set(snap.reopenings.map((r) => r.year))].sort();
  for (const y of years) {
    for (const kind of ['professional', 'public'] as const) {
      const rs = reopeningsFor(snap, y, kind, who).filter((r) => r.until >= today);
      if (!rs.length) continue;
      const until = rs
        .map((r) => r.until)
        .sort()
        .at(-1)!;
      out.push({ kind: 'reopened', year: y, message: `${y}年度${DEADLINE_KIND_LABEL[kind]}已重新开放至${fmt(until)}` });
    }
  }
  return out;
}
