import { z } from 'zod';
import { PageQuery } from './common';
import { PersonHoursQuery, RecordListQuery } from './hours';
import { StaffQuery } from './org';

/**
 * Excel in and out (导入学员培训信息 and the exports). One import engine serves every kind; a kind is a
 * column set with its own row rules. 导入学员学时 (a class's trainees) is one of them.
 */
export const IMPORT_KINDS = ['hours-registration', 'units', 'question-bank', 'class-trainees'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;
export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  'hours-registration': '导入学员培训信息',
  units: '批量导入单位',
  'question-bank': '导入题库',
  'class-trainees': '导入学员学时',
};

/**
 * The new accounts' initial passwords of an import that creates accounts (批量导入单位): available once
 * to the importer, then taken (downloaded) or expired. null: the import creates no accounts.
 */
export const ImportCredentialsState = z.enum(['available', 'taken', 'expired']);
export type ImportCredentialsState = z.infer<typeof ImportCredentialsState>;

/** all: a file with any bad row imports nothing. valid_only: 仅导入正确的行. */
export const ImportMode = z.enum(['all', 'valid_only']);
export type ImportMode = z.infer<typeof ImportMode>;

/**
 * validating → writing → done (imported) | rejected (bad rows, nothing imported) | failed (nothing imported:
 * the file could not be read, or the import was interrupted).
 */
export const ImportJobStatus = z.enum(['validating', 'writing', 'done', 'rejected', 'failed']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;
export const IMPORT_JOB_STATUS_LABEL: Record<ImportJobStatus, string> = {
  validating: '正在校验',
  writing: '正在导入',
  done: '导入完成',
  rejected: '有错误，未导入',
  failed: '导入失败',
};

export const ImportJob = z.object({
  id: z.number().int(),
  kind: ImportKind,
  mode: ImportMode,
  status: ImportJobStatus,
  fileName: z.string(),
  /** Rows in the sheet below the header (blank rows included), known before parsing; the progress bar's 100%. */
  totalRows: z.number().int(),
  /** Sheet rows read and checked so far. */
  rowsProcessed: z.number().int(),
  /** Rows with data (blank rows are skipped). */
  dataRows: z.number().int(),
  errorRows: z.number().int(),
  /** Rows written so far while importing (PostgreSQL reports it during the write; PGlite at the end). */
  rowsWritten: z.number().int(),
  importedRows: z.number().int(),
  message: z.string().nullable(),
  /** 仅导入正确的行 is possible: the file had bad rows, some good ones, and nothing was imported. */
  canImportValid: z.boolean(),
  credentials: ImportCredentialsState.nullable(),
  /** Until when the credentials can be downloaded. */
  credentialsExpireAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** One problem of one row: the column as the template names it (null: the whole row) and why. */
export const ImportProblem = z.object({ column: z.string().nullable(), reason: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

/** A bad row, numbered as Excel shows it. */
export const ImportRowError = z.object({ row: z.number().int(), problems: z.array(ImportProblem) });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportErrorsQuery = PageQuery;

/** The multipart fields sent with the file. */
export const ImportUploadFields = z.object({
  mode: ImportMode.default('all'),
  /** 本人承诺以上信息属实 — the same declaration as the form. */
  declared: z.literal('true', { error: '请勾选“本人承诺导入信息属实”' }),
});

/** 导入题库: the course whose bank receives the questions; a file with any bad row imports nothing. */
export const QuestionImportFields = z.object({ courseId: z.coerce.number().int().positive() });

// Exports take the list's filter without paging: the whole result is exported.
export const ExportRecordsQuery = RecordListQuery.omit({ page: true, pageSize: true });
export type ExportRecordsQuery = z.infer<typeof ExportRecordsQuery>;
export const ExportPersonYearsQuery = PersonHoursQuery.omit({ page: true, pageSize: true });
export type ExportPersonYearsQuery = z.infer<typeof ExportPersonYearsQuery>;
export const ExportStaffQuery = StaffQuery.omit({ page: true, pageSize: true });
export type ExportStaffQuery = z.infer<typeof ExportStaffQuery>;
