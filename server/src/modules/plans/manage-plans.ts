import type {
  CreatePlanInput,
  PlanCoursesInput,
  PlanDetail,
  PlanFields,
  PlanSummary,
  PlanVersion,
  UpdatePlanInput,
} from '@ptce/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { formatShanghai, now } from '../../clock';
import type { Db } from '../../db/client';
import { annualPlans, courses, planCourses, planVersions, type PlanDiff } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { plansSnapshot } from './plan-cache';
import { planFor, type Plan } from './plan-for';
import { checkPlan, diffFields, fieldsOf } from './plan-fields';

/** Whether people already hold anything of the year: professional records, public credits, exam attempts. */
async function hasRecords(db: Db, year: number): Promise<boolean> {
  const { rows } = await db.execute(sql`SELECT
    EXISTS (SELECT 1 FROM hour_records WHERE year = ${year}) OR
    EXISTS (SELECT 1 FROM public_credits WHERE year = ${year}) OR
    EXISTS (SELECT 1 FROM exam_attempts WHERE plan_year = ${year}) AS any`);
  const v = (rows as Array<{ any: unknown }>)[0]?.any;
  return v === true || v === 't';
}

function summaryOf(p: Plan, records: boolean): PlanSummary {
  return {
    year: p.year,
    status: p.status,
    version: p.version,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    hasRecords: records,
    ...fieldsOf(p),
  };
}

async function coursesOf(db: Db, year: number) {
  return db
    .select({ id: courses.id, title: courses.title, kind: planCourses.kind })
    .from(planCourses)
    .innerJoin(courses, eq(courses.id, planCourses.courseId))
    .where(eq(planCourses.year, year))
    .orderBy(asc(planCourses.kind), asc(planCourses.seq), asc(courses.id));
}

async function existing(db: Db, year: number): Promise<Plan> {
  const p = await planFor(db, year, { drafts: true });
  if (!p) throw notFound(`${year}年度计划`);
  return p;
}

export async function listPlans(ctx: Caller): Promise<PlanSummary[]> {
  const snap = await plansSnapshot(ctx.db);
  const out: PlanSummary[] = [];
  for (const p of [...snap.plans].reverse()) out.push(summaryOf(p, await hasRecords(ctx.db, p.year)));
  return out;
}

export async function getPlan(ctx: Caller, year: number): Promise<PlanDetail> {
  const p = await existing(ctx.db, year);
  return { ...summaryOf(p, await hasRecords(ctx.db, year)), courses: await coursesOf(ctx.db, year) };
}

const shiftYear = (d: string, by: number) => `${Number(d.slice(0, 4)) + by}${d.slice(4)}`;

/**
 * 新建年度计划: a draft copy of the latest plan before that year, its dates moved to the new year, its courses
 * linked again.
 */
export async function createPlan(ctx: Caller, input: CreatePlanInput): Promise<PlanDetail> {
  const year = input.year;
  await ctx.db.transaction(async (tx) => {
    if (await planFor(tx, year, { drafts: true }))
      throw new AppError('CONFLICT', `${year}年度计划已存在`, [{ field: 'year', reason: `${year}年度计划已存在` }]);
    const [src] = await tx
      .select()
      .from(annualPlans)
      .where(sql`${annualPlans.year} < ${year}`)
      .orderBy(desc(annualPlans.year))
      .limit(1);
    if (!src) throw invalid('year', `没有${year}年以前的年度计划可供复制`);
    const by = year - src.year;
    const at = now();
    await tx.insert(annualPlans).values({
      ...fieldsOf(src),
      year,
      publicDeadline: shiftYear(src.publicDeadline, by),
      professionalDeadline: shiftYear(src.professionalDeadline, by),
      status: 'draft',
      publishedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    const links = await tx.select().from(planCourses).where(eq(planCourses.year, src.year));
    if (links.length) await tx.insert(planCourses).values(links.map((l) => ({ ...l, year })));
    await writeAudit(tx, ctx, {
      action: 'plan.create',
      targetType: 'annual_plan',
      targetId: year,
      detail: { copiedFrom: src.year },
    });
  });
  return getPlan(ctx, year);
}

/** Records a version of a published plan (its number raised) and says whether a reason was needed. */
async function versioned(tx: Db, ctx: Caller, p: Plan, diff: PlanDiff, reason: string | undefined): Promise<number> {
  const needsReason = await hasRecords(tx, p.year);
  if (needsReason && !reason?.trim())
    throw invalid('reason', `${p.year}年度已有学时或考试记录，修改已发布的年度计划须填写修改原因`);
  const version = p.version + 1;
  await tx.insert(planVersions).values({
    year: p.year,
    version,
    diff,
    reason: reason?.trim() || '（未填写）',
    actorAccountId: ctx.actor.id,
    actorName: ctx.actor.name,
    at: now(),
  });
  return version;
}

/** 修改年度计划: a draft freely; a published plan as a new version with its diff (and a reason once it has records). */
export async function updatePlan(ctx: Caller, year: number, input: UpdatePlanInput): Promise<PlanDetail> {
  const { reason, ...patch } = input;
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(annualPlans).where(eq(annualPlans.year, year)).for('update');
    if (!p) throw notFound(`${year}年度计划`);
    const before = fieldsOf(p);
    const after: PlanFields = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    checkPlan(year, after);
    const diff = diffFields(before, after);
    if (!Object.keys(diff).length) return;
    const version = p.status === 'published' ? await versioned(tx, ctx, p, diff, reason) : p.version;
    await tx
      .update(annualPlans)
      .set({ ...after, version, updatedAt: now() })
      .where(eq(annualPlans.year, year));
    await writeAudit(tx, ctx, {
      action: 'plan.update',
      targetType: 'annual_plan',
      targetId: year,
      detail: { status: p.status, version, diff, reason: reason?.trim() || null },
    });
  });
  return getPlan(ctx, year);
}

/** 关联课程: the year's compulsory course (one) and its electives. */
export async function setPlanCourses(ctx: Caller, year: number, input: PlanCoursesInput): Promise<PlanDetail> {
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(annualPlans).where(eq(annualPlans.year, year)).for('update');
    if (!p) throw notFound(`${year}年度计划`);
    const electives = [...new Set(input.electiveCourseIds)];
    const ids = [...(input.compulsoryCourseId === null ? [] : [input.compulsoryCourseId]), ...electives];
    const found = ids.length
      ? await tx
          .select({ id: courses.id, kind: courses.kind, title: courses.title })
          .from(courses)
          .where(inArray(courses.id, ids))
      : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    if (input.compulsoryCourseId !== null) {
      const c = byId.get(input.compulsoryCourseId);
      if (!c) throw invalid('compulsoryCourseId', '必修课不存在');
      if (c.kind !== 'compulsory') throw invalid('compulsoryCourseId', `“${c.title}”是选修课，不能作为必修课`);
      if (electives.includes(c.id)) throw invalid('electiveCourseIds', '同一门课程不能既是必修课又是选修课');
    }
    for (const id of electives) {
      const c = byId.get(id);
      if (!c) throw invalid('electiveCourseIds', `选修课${id}不存在`);
      if (c.kind !== 'elective') throw invalid('electiveCourseIds', `“${c.title}”是必修课，不能作为选修课`);
    }
    const before = await coursesOf(tx, year);
    const label = (l: Array<{ id: number; kind: string }>) =>
      l.map((c) => `${c.kind === 'compulsory' ? '必修' : '选修'}:${c.id}`).sort();
    const after = ids.map((id) => ({ id, kind: id === input.compulsoryCourseId ? 'compulsory' : 'elective' }));
    const diff: PlanDiff =
      JSON.stringify(label(before)) === JSON.stringify(label(after))
        ? {}
        : {
            courses: {
              from: before.map((c) => `${c.kind === 'compulsory' ? '必修' : '选修'}：${c.title}`),
              to: after.map((c) => `${c.kind === 'compulsory' ? '必修' : '选修'}：${byId.get(c.id)!.title}`),
            },
          };
    if (!Object.keys(diff).length) return;
    const version = p.status === 'published' ? await versioned(tx, ctx, p, diff, input.reason) : p.version;
    await tx.delete(planCourses).where(eq(planCourses.year, year));
    if (ids.length)
      await tx
        .insert(planCourses)
        .values(after.map((c, i) => ({ year, courseId: c.id, kind: c.kind as 'compulsory' | 'elective', seq: i })));
    await tx.update(annualPlans).set({ version, updatedAt: now() }).where(eq(annualPlans.year, year));
    await writeAudit(tx, ctx, {
      action: 'plan.courses',
      targetType: 'annual_plan',
      targetId: year,
      detail: { version, diff, reason: input.reason?.trim() || null },
    });
  });
  return getPlan(ctx, year);
}

/** 发布: the draft comes into force for everyone (at once when its year has begun). */
export async function publishPlan(ctx: Caller, year: number): Promise<PlanDetail> {
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(annualPlans).where(eq(annualPlans.year, year)).for('update');
    if (!p) throw notFound(`${year}年度计划`);
    if (p.status === 'published') throw new AppError('STATE_CHANGED', `${year}年度计划已经发布`);
    checkPlan(year, fieldsOf(p));
    const [compulsory] = await tx
      .select({ id: planCourses.courseId })
      .from(planCourses)
      .where(and(eq(planCourses.year, year), eq(planCourses.kind, 'compulsory')));
    if (!compulsory) throw invalid('compulsoryCourseId', '发布前须指定本年度公需科目必修课');
    const at = now();
    await tx
      .update(annualPlans)
      .set({ status: 'published', publishedAt: at, updatedAt: at })
      .where(eq(annualPlans.year, year));
    await writeAudit(tx, ctx, {
      action: 'plan.publish',
      targetType: 'annual_plan',
      targetId: year,
      detail: { publishedAt: formatShanghai(at) },
    });
  });
  return getPlan(ctx, year);
}

export async function planVersionsOf(ctx: Caller, year: number): Promise<PlanVersion[]> {
  await existing(ctx.db, year);
  const rows = await ctx.db
    .select()
    .from(planVersions)
    .where(eq(planVersions.year, year))
    .orderBy(desc(planVersions.version));
  return rows.map((r) => ({
    version: r.version,
    diff: r.diff,
    reason: r.reason,
    actorName: r.actorName,
    at: r.at.toISOString(),
  }));
}
