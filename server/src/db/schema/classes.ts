import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
// hours.ts imports this file (hour_records.training_class_id): only lazy references back to it here.
import { hourRecords } from './hours';
import { authorities, units } from './org';
import { annualPlans } from './plans';
import { trainingBases } from './bases';
import { trainingFilings } from './filings';

export const CLASS_ORGANISER_KINDS = ['base', 'unit', 'authority'] as const;
export const TRAINEE_RESULTS = ['passed', 'failed'] as const;
const HALF_DAYS = ['am', 'pm'] as const;

/** 培训班 — a class of an organiser: a training base (of a filing 已备案), a unit or an industry authority. */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organiserKind: text('organiser_kind', { enum: CLASS_ORGANISER_KINDS }).notNull(),
    baseId: integer('base_id').references(() => trainingBases.id),
    unitId: integer('unit_id').references(() => units.id),
    authorityId: integer('authority_id').references(() => authorities.id),
    organiserName: text('organiser_name').notNull(),
    filingId: integer('filing_id').references(() => trainingFilings.id),
    filingNumber: text('filing_number'),
    title: text('title').notNull(),
    category: text('category').notNull().default(''),
    place: text('place').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    startHalf: text('start_half', { enum: HALF_DAYS }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    endHalf: text('end_half', { enum: HALF_DAYS }).notNull(),
    year: integer('year')
      .notNull()
      .references(() => annualPlans.year),
    hours: hoursColumn('hours').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('training_classes_organiser_kind_check', oneOf(t.organiserKind, CLASS_ORGANISER_KINDS)),
    check('training_classes_start_half_check', oneOf(t.startHalf, HALF_DAYS)),
    check('training_classes_end_half_check', oneOf(t.endHalf, HALF_DAYS)),
    check('training_classes_hours_check', sql`${t.hours} > 0`),
    check(
      'training_classes_organiser_check',
      sql`(${t.organiserKind} = 'base' AND ${t.baseId} IS NOT NULL AND ${t.unitId} IS NULL AND ${t.authorityId} IS NULL AND ${t.filingId} IS NOT NULL) OR
    (${t.organiserKind} = 'unit' AND ${t.unitId} IS NOT NULL AND ${t.baseId} IS NULL AND ${t.authorityId} IS NULL) OR
    (${t.organiserKind} = 'authority' AND ${t.authorityId} IS NOT NULL AND ${t.baseId} IS NULL AND ${t.unitId} IS NULL)`,
    ),
    check(
      'training_classes_span_check',
      sql`${t.startDate} <= ${t.endDate} AND extract(year FROM ${t.startDate}) = extract(year FROM ${t.endDate})`,
    ),
    uniqueIndex('training_classes_filing_idx')
      .on(t.filingId)
      .where(sql`${t.filingId} IS NOT NULL`),
    index('training_classes_base_idx')
      .on(t.baseId, t.year)
      .where(sql`${t.baseId} IS NOT NULL`),
    index('training_classes_unit_idx')
      .on(t.unitId, t.year)
      .where(sql`${t.unitId} IS NOT NULL`),
    index('training_classes_authority_idx')
      .on(t.authorityId, t.year)
      .where(sql`${t.authorityId} IS NOT NULL`),
  ],
);

/** A trainee of a class (导入学员学时 / 添加学员): once per person; hours credited when 合格. */
export const trainingClassTrainees = pgTable(
  'training_class_trainees',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    unitName: text('unit_name').notNull(),
    hours: hoursColumn('hours').notNull(),
    result: text('result', { enum: TRAINEE_RESULTS }).notNull(),
    recordId: bigint('record_id', { mode: 'number' })
      .unique('training_class_trainees_record_id_key')
      .references(() => hourRecords.id, { onDelete: 'set null' }),
    overlaps: boolean('overlapping').notNull().default(false),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('training_class_trainees_hours_check', sql`${t.hours} > 0`),
    check('training_class_trainees_result_check', oneOf(t.result, TRAINEE_RESULTS)),
    unique('training_class_trainees_class_id_account_id_key').on(t.classId, t.accountId),
    index('training_class_trainees_account_idx').on(t.accountId),
  ],
);
