import { bigint, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { encryptedJson } from '../pii';

export const IMPORT_JOB_STATUSES = ['validating', 'writing', 'done', 'rejected', 'failed'] as const;

/** One Excel import (导入学员培训信息 …): its file, its progress and its outcome. */
export const importJobs = pgTable('import_jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  mode: text('mode', { enum: ['all', 'valid_only'] }).notNull(),
  status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull(),
  run: integer('run').notNull(),
  fileName: text('file_name').notNull(),
  fileKey: text('file_key'),
  fileSize: integer('file_size').notNull(),
  totalRows: integer('total_rows').notNull(),
  rowsProcessed: integer('rows_processed').notNull(),
  dataRows: integer('data_rows').notNull(),
  errorRows: integer('error_rows').notNull(),
  rowsWritten: integer('rows_written').notNull(),
  importedRows: integer('imported_rows').notNull(),
  message: text('message'),
  createdBy: integer('created_by').notNull(),
  unitId: integer('unit_id'),
  createdAt: tstz('created_at').notNull(),
  heartbeatAt: tstz('heartbeat_at').notNull(),
  finishedAt: tstz('finished_at'),
});

/** A bad row of an import job: its cells as read and every problem found. */
export const importJobErrors = pgTable(
  'import_job_errors',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    rowNumber: integer('row_number').notNull(),
    /** Encrypted (db/pii.ts): the cells include the ID numbers as typed. */
    cells: encryptedJson<string[]>()('cells').notNull(),
    problems: jsonb('problems').$type<Array<{ column: string | null; reason: string }>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);
