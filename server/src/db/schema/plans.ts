import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { units } from './org';

export interface CreditConversion {
  type: string;
  hoursPerCredit: number;
}

export interface ExamConfig {
  minutes: number;
  single: { count: number; points: number };
  multiple: { count: number; points: number };
  judge: { count: number; points: number };
}

export const PLAN_STATUSES = ['draft', 'published'] as const;
export const REOPENING_SCOPES = ['province', 'unit', 'person'] as const;
export const REOPENED_DEADLINES = ['professional', 'public'] as const;

/** 年度计划 — every number of a year's rules. */
export const annualPlans = pgTable(
  'annual_plans',
  {
    year: integer('year').primaryKey(),
    totalHours: hoursColumn('total_hours').notNull(),
    professionalRatioNum: integer('professional_ratio_num').notNull(),
    professionalRatioDen: integer('professional_ratio_den').notNull(),
    compulsoryHours: hoursColumn('compulsory_hours').notNull(),
    electiveHours: hoursColumn('elective_hours').notNull(),
    passScore: integer('pass_score').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    hoursPerHalfDay: hoursColumn('hours_per_half_day').notNull(),
    publicDeadline: date('public_deadline', { mode: 'string' }).notNull(),
    professionalDeadline: date('professional_deadline', { mode: 'string' }).notNull(),
    examConfig: jsonb('exam_config').$type<ExamConfig>().notNull(),
    /** Upper bound of 申请学时 on one record. */
    maxRecordHours: hoursColumn('max_record_hours').notNull().default(90),
    /** A draft is seen by the operator only; published plans are in force. */
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('published'),
    publishedAt: tstz('published_at'),
    /** Cap of 申请学时 per activity type that may be typed by hand (桂人社规〔2019〕4号). */
    activityCaps: jsonb('activity_caps').$type<Partial<Record<string, number>>>().notNull().default({}),
    /** Whether a passed exam's review shows the answer key (failed attempts never do). */
    revealKeyAfterPass: boolean('reveal_key_after_pass').notNull().default(true),
    /** 学分折算学时: an industry's credit types and the 学时 of one credit (行业学时对接). */
    creditConversions: jsonb('credit_conversions').$type<CreditConversion[]>().notNull().default([]),
    /** Raised by each versioned edit of a published plan. */
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check(
      'annual_plans_check',
      sql`${t.professionalRatioNum} > 0 AND ${t.professionalRatioDen} >= ${t.professionalRatioNum}`,
    ),
    check('annual_plans_status_check', oneOf(t.status, PLAN_STATUSES)),
  ],
);

export type PlanDiff = Record<string, { from: unknown; to: unknown }>;

/** A change of a published plan: what changed and why. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year')
      .notNull()
      .references(() => annualPlans.year, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    diff: jsonb('diff').$type<PlanDiff>().notNull(),
    reason: text('reason').notNull(),
    actorAccountId: integer('actor_account_id'),
    actorName: text('actor_name'),
    at: tstz('at').notNull(),
  },
  (t) => [unique('plan_versions_year_version_key').on(t.year, t.version)],
);

/** A passed deadline opened again until a date, for the province, one unit or one person. */
export const planReopenings = pgTable(
  'plan_reopenings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year')
      .notNull()
      .references(() => annualPlans.year, { onDelete: 'cascade' }),
    scope: text('scope', { enum: REOPENING_SCOPES }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    personId: integer('person_id').references(() => accounts.id),
    deadline: text('deadline', { enum: REOPENED_DEADLINES }).notNull(),
    until: date('until', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    actorAccountId: integer('actor_account_id'),
    actorName: text('actor_name'),
    at: tstz('at').notNull(),
  },
  (t) => [
    check(
      'plan_reopenings_check',
      sql`(${t.scope} = 'province' AND ${t.unitId} IS NULL AND ${t.personId} IS NULL)
        OR (${t.scope} = 'unit' AND ${t.unitId} IS NOT NULL AND ${t.personId} IS NULL)
        OR (${t.scope} = 'person' AND ${t.personId} IS NOT NULL AND ${t.unitId} IS NULL)`,
    ),
    check('plan_reopenings_scope_check', oneOf(t.scope, REOPENING_SCOPES)),
    check('plan_reopenings_deadline_check', oneOf(t.deadline, REOPENED_DEADLINES)),
    index('plan_reopenings_year_idx').on(t.year),
  ],
);
