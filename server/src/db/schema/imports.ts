import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { encryptedJson } from '../pii';
import { accounts } from './accounts';
import { units } from './org';

/** One new account of an import: whose it is, its username and its initial password. */
export interface ImportCredential {
  name: string;
  username: string;
  password: string;
  expiresAt: string;
}

export const IMPORT_JOB_STATUSES = ['validating', 'writing', 'done', 'rejected', 'failed'] as const;
export const IMPORT_MODES = ['all', 'valid_only'] as const;

/** One Excel import (导入学员培训信息 …): its file, its progress and its outcome. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    mode: text('mode', { enum: IMPORT_MODES }).notNull(),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull(),
    run: integer('run').notNull().default(1),
    /** How many times another run took the job over after its process died (resume-imports.ts). */
    resumes: integer('resumes').notNull().default(0),
    fileName: text('file_name').notNull(),
    fileKey: text('file_key'),
    fileSize: integer('file_size').notNull(),
    totalRows: integer('total_rows').notNull(),
    rowsProcessed: integer('rows_processed').notNull().default(0),
    dataRows: integer('data_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    rowsWritten: integer('rows_written').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    message: text('message'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => accounts.id),
    unitId: integer('unit_id').references(() => units.id),
    /** The record the import fills, when its kind needs one (题库导入: the course). */
    targetId: integer('target_id'),
    createdAt: tstz('created_at').notNull(),
    heartbeatAt: tstz('heartbeat_at').notNull(),
    finishedAt: tstz('finished_at'),
    /**
     * 批量导入单位: the new accounts' initial passwords (encrypted), offered once to the importer and
     * emptied when downloaded (credentials_taken_at) or expired.
     */
    credentials: encryptedJson<ImportCredential[]>()('credentials'),
    credentialsExpireAt: tstz('credentials_expire_at'),
    credentialsTakenAt: tstz('credentials_taken_at'),
  },
  (t) => [
    check('import_jobs_mode_check', oneOf(t.mode, IMPORT_MODES)),
    check('import_jobs_status_check', oneOf(t.status, IMPORT_JOB_STATUSES)),
    index('import_jobs_creator_idx').on(t.createdBy, t.id.desc().nullsFirst()),
    index('import_jobs_running_idx')
      .on(t.heartbeatAt)
      .where(sql`${t.status} IN ('validating', 'writing')`),
  ],
);

/** A bad row of an import job: its cells as read and every problem found. */
export const importJobErrors = pgTable(
  'import_job_errors',
  {
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    /** Encrypted (db/pii.ts): the cells include the ID numbers as typed. */
    cells: encryptedJson<string[]>()('cells').notNull(),
    problems: jsonb('problems').$type<Array<{ column: string | null; reason: string }>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);
