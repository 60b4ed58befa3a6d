import { boolean, date, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { hoursColumn, tstz } from './columns';

export interface ExamConfig {
  minutes: number;
  single: { count: number; points: number };
  multiple: { count: number; points: number };
  judge: { count: number; points: number };
}

/** 年度计划 — every number of a year's rules. */
export const annualPlans = pgTable('annual_plans', {
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
  maxRecordHours: hoursColumn('max_record_hours').notNull(),
  /** A draft is seen by the operator only; published plans are in force. */
  status: text('status', { enum: ['draft', 'published'] })
    .notNull()
    .default('published'),
  publishedAt: tstz('published_at'),
  /** Cap of 申请学时 per activity type that may be typed by hand (桂人社规〔2019〕4号). */
  activityCaps: jsonb('activity_caps').$type<Partial<Record<string, number>>>().notNull().default({}),
  /** Whether a passed exam's review shows the answer key (failed attempts never do). */
  revealKeyAfterPass: boolean('reveal_key_after_pass').notNull().default(true),
  /** Raised by each versioned edit of a published plan. */
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export type PlanDiff = Record<string, { from: unknown; to: unknown }>;

/** A change of a published plan: what changed and why. */
export const planVersions = pgTable('plan_versions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  version: integer('version').notNull(),
  diff: jsonb('diff').$type<PlanDiff>().notNull(),
  reason: text('reason').notNull(),
  actorAccountId: integer('actor_account_id'),
  actorName: text('actor_name'),
  at: tstz('at').notNull(),
});

/** A passed deadline opened again until a date, for the province, one unit or one person. */
export const planReopenings = pgTable('plan_reopenings', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  scope: text('scope', { enum: ['province', 'unit', 'person'] }).notNull(),
  unitId: integer('unit_id'),
  personId: integer('person_id'),
  deadline: text('deadline', { enum: ['professional', 'public'] }).notNull(),
  until: date('until', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  actorAccountId: integer('actor_account_id'),
  actorName: text('actor_name'),
  at: tstz('at').notNull(),
});
