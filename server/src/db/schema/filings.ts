import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { industries } from './reference';
import { trainingBases } from './bases';

// 培训备案. The SQL is server/migrations/0029_training_filings.sql.

export const FILING_STATUSES = ['draft', 'pending', 'returned', 'filed'] as const;
export const FILING_FORMS = ['onsite', 'online', 'blended'] as const;
export const FILING_ENROLMENTS = ['public', 'internal'] as const;
export const FILING_HALVES = ['am', 'pm'] as const;
export const FILING_CHANGE_STATUSES = ['pending', 'approved', 'returned'] as const;

/** 培训备案 — a class a base files before running it. */
export const trainingFilings = pgTable(
  'training_filings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    baseId: integer('base_id')
      .notNull()
      .references(() => trainingBases.id),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    /** 备案号, given when the filing is accepted. */
    filingNo: text('filing_no').unique('training_filings_filing_no_key'),
    name: text('name').notNull(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    field: text('field').notNull(),
    form: text('form', { enum: FILING_FORMS }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    startHalf: text('start_half', { enum: FILING_HALVES }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    endHalf: text('end_half', { enum: FILING_HALVES }).notNull(),
    place: text('place').notNull(),
    plannedTrainees: integer('planned_trainees').notNull(),
    /** 项目学时, computed from the sessions — never typed. */
    hours: hoursColumn('hours').notNull(),
    organiser: text('organiser').notNull(),
    coOrganiser: text('co_organiser').notNull().default(''),
    feePerPerson: numeric('fee_per_person', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    feeNote: text('fee_note').notNull().default(''),
    enrolment: text('enrolment', { enum: FILING_ENROLMENTS }).notNull(),
    needsApproval: boolean('needs_approval').notNull().default(true),
    year: integer('year').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    submittedAt: tstz('submitted_at'),
    submittedBy: integer('submitted_by').references(() => accounts.id),
    decidedAt: tstz('decided_at'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedByName: text('decided_by_name'),
    returnReason: text('return_reason'),
    filedAt: tstz('filed_at'),
  },
  (t) => [
    check('training_filings_status_check', oneOf(t.status, FILING_STATUSES)),
    check('training_filings_form_check', oneOf(t.form, FILING_FORMS)),
    check('training_filings_start_half_check', oneOf(t.startHalf, FILING_HALVES)),
    check('training_filings_end_half_check', oneOf(t.endHalf, FILING_HALVES)),
    check('training_filings_planned_trainees_check', sql`${t.plannedTrainees} > 0`),
    check('training_filings_hours_check', sql`${t.hours} > 0`),
    check('training_filings_fee_check', sql`${t.feePerPerson} >= 0`),
    check('training_filings_enrolment_check', oneOf(t.enrolment, FILING_ENROLMENTS)),
    check(
      'training_filings_span_check',
      sql`${t.startDate} <= ${t.endDate} AND extract(year FROM ${t.startDate}) = extract(year FROM ${t.endDate}) AND extract(year FROM ${t.startDate}) = ${t.year}`,
    ),
    check(
      'training_filings_filed_check',
      sql`(${t.status} = 'filed') = (${t.filingNo} IS NOT NULL AND ${t.filedAt} IS NOT NULL)`,
    ),
    check('training_filings_returned_check', sql`${t.status} <> 'returned' OR ${t.returnReason} IS NOT NULL`),
    check('training_filings_submitted_check', sql`${t.status} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
    index('training_filings_base_idx').on(t.baseId, t.status, t.id.desc().nullsFirst()),
    index('training_filings_status_idx').on(t.status, t.submittedAt),
    index('training_filings_public_idx')
      .on(t.startDate.desc().nullsFirst())
      .where(sql`${t.status} = 'filed' AND ${t.enrolment} = 'public'`),
  ],
);

/** 课程安排 — one session per half day of a filing. */
export const trainingFilingSessions = pgTable(
  'training_filing_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    filingId: integer('filing_id')
      .notNull()
      .references(() => trainingFilings.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    half: text('half', { enum: FILING_HALVES }).notNull(),
    topic: text('topic').notNull(),
    teacher: text('teacher').notNull().default(''),
  },
  (t) => [
    check('training_filing_sessions_half_check', oneOf(t.half, FILING_HALVES)),
    unique('training_filing_sessions_slot_key').on(t.filingId, t.date, t.half),
  ],
);

/** 师资 — the teachers of a filing and their titles. */
export const trainingFilingTeachers = pgTable(
  'training_filing_teachers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    filingId: integer('filing_id')
      .notNull()
      .references(() => trainingFilings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    employer: text('employer').notNull().default(''),
  },
  (t) => [unique('training_filing_teachers_position_key').on(t.filingId, t.position)],
);

/** 变更 of a filed class, reviewed again; on approval it replaces the filing's content. */
export const trainingFilingChanges = pgTable(
  'training_filing_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    filingId: integer('filing_id')
      .notNull()
      .references(() => trainingFilings.id, { onDelete: 'cascade' }),
    status: text('status', { enum: FILING_CHANGE_STATUSES }).notNull().default('pending'),
    reason: text('reason').notNull(),
    proposed: jsonb('proposed').notNull(),
    previous: jsonb('previous').notNull(),
    submittedAt: tstz('submitted_at').notNull(),
    submittedBy: integer('submitted_by')
      .notNull()
      .references(() => accounts.id),
    decidedAt: tstz('decided_at'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedByName: text('decided_by_name'),
    returnReason: text('return_reason'),
  },
  (t) => [
    check('training_filing_changes_status_check', oneOf(t.status, FILING_CHANGE_STATUSES)),
    check(
      'training_filing_changes_decided_check',
      sql`${t.status} = 'pending' OR (${t.decidedAt} IS NOT NULL AND ${t.decidedBy} IS NOT NULL)`,
    ),
    check('training_filing_changes_returned_check', sql`${t.status} <> 'returned' OR ${t.returnReason} IS NOT NULL`),
    uniqueIndex('training_filing_changes_one_open')
      .on(t.filingId)
      .where(sql`${t.status} = 'pending'`),
    index('training_filing_changes_status_idx').on(t.status, t.submittedAt),
  ],
);

/** 备案号 sequence per year. */
export const trainingFilingNumbers = pgTable('training_filing_numbers', {
  year: integer('year').primaryKey(),
  lastNo: integer('last_no').notNull(),
});
