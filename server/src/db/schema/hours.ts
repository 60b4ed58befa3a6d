import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { authorities, units } from './org';
import { annualPlans } from './plans';
import { integrationClients } from './integration';
import { trainingClasses } from './classes';

export const ACTIVITY_TYPES = ['training', 'practice', 'distance', 'academic', 'other'] as const;
export const RECORD_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const RECORD_SOURCES = ['self', 'unit', 'import', 'base', 'integration', 'class'] as const;
export const HALF_DAYS = ['am', 'pm'] as const;
export const REVIEW_TARGETS = ['unit', 'authority'] as const;
export const RECORD_ACTIONS = ['create', 'update', 'submit', 'withdraw', 'approve', 'reject', 'delete'] as const;
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** 培训登记 — one professional-subject hours record. */
export const hourRecords = pgTable(
  'hour_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    year: integer('year')
      .notNull()
      .references(() => annualPlans.year),
    activityType: text('activity_type', { enum: ACTIVITY_TYPES }).notNull(),
    title: text('title').notNull(),
    organizer: text('organizer').notNull(),
    place: text('place').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    startHalf: text('start_half', { enum: HALF_DAYS }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    endHalf: text('end_half', { enum: HALF_DAYS }).notNull(),
    hours: hoursColumn('hours').notNull(),
    remarks: text('remarks').notNull().default(''),
    declaredAt: tstz('declared_at').notNull(),
    status: text('status', { enum: RECORD_STATUSES }).notNull(),
    source: text('source', { enum: RECORD_SOURCES }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
    reviewTarget: text('review_target', { enum: REVIEW_TARGETS }),
    authorityId: integer('authority_id').references(() => authorities.id),
    submittedAt: tstz('submitted_at'),
    submittedBy: integer('submitted_by'),
    decidedAt: tstz('decided_at'),
    decidedBy: integer('decided_by'),
    decidedByName: text('decided_by_name'),
    opinion: text('opinion'),
    createdBy: integer('created_by').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    /** A record pushed by an industry system (行业学时对接): the client and its own id, the upsert key. */
    integrationClientId: integer('integration_client_id').references(() => integrationClients.id),
    externalId: text('external_id'),
    /** A pushed record given in credits: the credit type of the year's plan and the credits (hours converted). */
    creditType: text('credit_type'),
    credits: hoursColumn('credits'),
    /** A trainee's hours of a class (培训班导入): the class is the record's source. */
    trainingClassId: integer('training_class_id').references(() => trainingClasses.id),
    /**
     * The person's name, kept equal to accounts.name by triggers (migration 0041) on every record written or changed
     * since, and on every record 待初审: the queue searches it without looking the person up. NULL on records decided
     * before 0041.
     */
    personName: text('person_name'),
  },
  (t) => [
    check('hour_records_activity_type_check', oneOf(t.activityType, ACTIVITY_TYPES)),
    check('hour_records_start_half_check', oneOf(t.startHalf, HALF_DAYS)),
    check('hour_records_end_half_check', oneOf(t.endHalf, HALF_DAYS)),
    check('hour_records_hours_check', sql`${t.hours} > 0`),
    check('hour_records_status_check', oneOf(t.status, RECORD_STATUSES)),
    check('hour_records_source_check', oneOf(t.source, RECORD_SOURCES)),
    check('hour_records_review_target_check', oneOf(t.reviewTarget, REVIEW_TARGETS)),
    check(
      'hour_records_check',
      sql`${t.startDate} <= ${t.endDate} AND extract(year FROM ${t.startDate}) = extract(year FROM ${t.endDate})`,
    ),
    check('hour_records_check1', sql`${t.status} <> 'rejected' OR ${t.opinion} IS NOT NULL`),
    check(
      'hour_records_check2',
      sql`${t.status} NOT IN ('pending', 'approved', 'rejected') OR ${t.reviewTarget} IS NOT NULL`,
    ),
    check('hour_records_check3', sql`(${t.integrationClientId} IS NULL) = (${t.externalId} IS NULL)`),
    check('hour_records_credits_check', sql`(${t.creditType} IS NULL) = (${t.credits} IS NULL)`),
    check('hour_records_check4', sql`(${t.source} = 'class') = (${t.trainingClassId} IS NOT NULL)`),
    index('hour_records_class_idx')
      .on(t.trainingClassId)
      .where(sql`${t.trainingClassId} IS NOT NULL`),
    uniqueIndex('hour_records_external_idx')
      .on(t.integrationClientId, t.externalId)
      .where(sql`${t.integrationClientId} IS NOT NULL`),
    index('hour_records_person_year_idx').on(t.accountId, t.year),
    index('hour_records_unit_status_idx').on(t.unitId, t.status, t.id.desc().nullsFirst()),
    index('hour_records_authority_status_idx')
      .on(t.authorityId, t.status, t.id.desc().nullsFirst())
      .where(sql`${t.authorityId} IS NOT NULL`),
    // 待初审 counts (migration 0008).
    index('hour_records_pending_idx')
      .on(t.unitId, t.reviewTarget, t.accountId)
      .where(sql`${t.status} = 'pending'`),
    // 待初审 by name prefix (migration 0041).
    index('hour_records_pending_name_idx')
      .on(t.unitId, t.reviewTarget, t.personName.op('text_pattern_ops'))
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const hourRecordEvents = pgTable(
  'hour_record_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => hourRecords.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull(),
    action: text('action', { enum: RECORD_ACTIONS }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    targetName: text('target_name'),
    opinion: text('opinion'),
  },
  (t) => [
    check('hour_record_events_action_check', oneOf(t.action, RECORD_ACTIONS)),
    index('hour_record_events_record_idx').on(t.recordId, t.at),
  ],
);

export const hourEvidence = pgTable(
  'hour_evidence',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => hourRecords.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime', { enum: EVIDENCE_TYPES }).notNull(),
    size: integer('size').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    uploadedBy: integer('uploaded_by').notNull(),
    uploadedAt: tstz('uploaded_at').notNull(),
  },
  (t) => [
    check('hour_evidence_mime_check', oneOf(t.mime, EVIDENCE_TYPES)),
    index('hour_evidence_record_idx').on(t.recordId),
  ],
);

export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull(),
    type: text('type').notNull(),
    accountId: integer('account_id'),
    year: integer('year'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('domain_events_type_idx').on(t.type, t.at.desc().nullsFirst()),
    index('domain_events_person_idx').on(t.accountId, t.year),
  ],
);
