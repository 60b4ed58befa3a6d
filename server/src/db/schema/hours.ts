import { bigint, date, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { hoursColumn, tstz } from './columns';

export const ACTIVITY_TYPES = ['training', 'practice', 'distance', 'academic', 'other'] as const;
export const RECORD_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const RECORD_SOURCES = ['self', 'unit', 'import', 'base', 'integration'] as const;

/** 培训登记 — one professional-subject hours record. */
export const hourRecords = pgTable('hour_records', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  accountId: integer('account_id').notNull(),
  year: integer('year').notNull(),
  activityType: text('activity_type', { enum: ACTIVITY_TYPES }).notNull(),
  title: text('title').notNull(),
  organizer: text('organizer').notNull(),
  place: text('place').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  startHalf: text('start_half', { enum: ['am', 'pm'] }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  endHalf: text('end_half', { enum: ['am', 'pm'] }).notNull(),
  hours: hoursColumn('hours').notNull(),
  remarks: text('remarks').notNull(),
  declaredAt: tstz('declared_at').notNull(),
  status: text('status', { enum: RECORD_STATUSES }).notNull(),
  source: text('source', { enum: RECORD_SOURCES }).notNull(),
  unitId: integer('unit_id'),
  reviewTarget: text('review_target', { enum: ['unit', 'authority'] }),
  authorityId: integer('authority_id'),
  submittedAt: tstz('submitted_at'),
  submittedBy: integer('submitted_by'),
  decidedAt: tstz('decided_at'),
  decidedBy: integer('decided_by'),
  decidedByName: text('decided_by_name'),
  opinion: text('opinion'),
  createdBy: integer('created_by').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const hourRecordEvents = pgTable('hour_record_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  recordId: bigint('record_id', { mode: 'number' }).notNull(),
  at: tstz('at').notNull(),
  action: text('action', { enum: ['create', 'update', 'submit', 'withdraw', 'approve', 'reject', 'delete'] }).notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name'),
  targetName: text('target_name'),
  opinion: text('opinion'),
});

export const hourEvidence = pgTable('hour_evidence', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  recordId: bigint('record_id', { mode: 'number' }).notNull(),
  fileKey: text('file_key').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: integer('uploaded_by').notNull(),
  uploadedAt: tstz('uploaded_at').notNull(),
});

export const domainEvents = pgTable('domain_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: tstz('at').notNull(),
  type: text('type').notNull(),
  accountId: integer('account_id'),
  year: integer('year'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
});
