import type { ImportKind, ImportProblem } from '@ptce/contracts';
import type { ImportCredential } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { Caller } from '../auth/index';
import type { Cell } from './cell-values';
import type { RowSource } from './row-spool';

/**
 * The import engine's view of one kind of import (导入学员培训信息, 批量导入单位, 导入题库, 导入学员学时): the
 * template's columns and the rules of a row. The engine (read-sheet, run-import, template, error-report) knows
 * nothing else about the data.
 */
export interface ImportColumn {
  key: string;
  /** The header in row 1 of the template, matched after removing spaces and a trailing * or （必填）. */
  header: string;
  required: boolean;
  /** Column width in the template and the error report. */
  width: number;
  /** Formatted as text (@) in the template, so Excel keeps ID numbers and typed dates as typed. */
  text?: boolean;
  /** A drop-down list in the template. */
  options?: readonly string[];
  /** How to fill it in: the header cell's note and a line of the 说明 sheet. */
  hint: string;
}

/** One data row: its number as Excel shows it, and its cells in the kind's column order. */
export interface SheetRow {
  rowNumber: number;
  cells: Cell[];
}

/** What a write hands back besides its count (run-import stores it with the job, in the same transaction). */
export interface WriteOutput {
  jobId: number;
  /** New accounts' initial passwords (批量导入单位), offered once to the importer and then emptied. */
  credentials: ImportCredential[];
  /** Something the importer should know besides the counts (导入学员学时: trainees in overlapping classes). */
  note?: string;
}

export type RowCheck<V> = { rowNumber: number; value: V } | { rowNumber: number; problems: ImportProblem[] };

/**
 * Checks parsed rows against the database a batch at a time. One instance per run: it remembers what
 * earlier batches held (duplicates inside the file) and caches look-ups (the annual plans).
 */
export interface BatchValidator<P, V> {
  check(rows: Array<{ rowNumber: number; value: P }>): Promise<Array<RowCheck<V>>>;
}

/**
 * P: a row that passed the checks it can pass on its own; V (a P plus what the database said): a row
 * ready to be written.
 */
export interface ImportKindDef<P, V extends P & { rowNumber: number }> {
  kind: ImportKind;
  /** The page and audit label, e.g. 导入学员培训信息. */
  title: string;
  templateFileName: string;
  /** The data sheet of the template (the first sheet). */
  sheetName: string;
  columns: readonly ImportColumn[];
  /** No 仅导入正确的行: a file with any bad row imports nothing, always. */
  allOrNothing?: boolean;
  /** Lines of the 说明 sheet. */
  instructions(): string[];
  /** The example row of the 说明 sheet, in column order (built when the template is, so dates are current). */
  exampleRow(): Array<string | number>;
  /**
   * Checks one row on its own, as it is read (no I/O; `today` is the Shanghai date): required cells,
   * types, formats. Parsing as the rows stream in keeps only compact values between database batches.
   */
  parseRow(row: SheetRow, today: string): { value: P } | { problems: ImportProblem[] };
  /** A parsed row back as template cells, for the error report of rows refused by the database checks. */
  cellsOf(row: P): string[];
  /** `target`: the record the job fills (the course of 题库导入), null for kinds that need none. */
  createValidator(ctx: Caller, target: number | null): BatchValidator<P, V>;
  /**
   * Inside the import transaction: serializes concurrent imports and re-checks what may have changed
   * since validation (records added meanwhile, a year that closed). Returns the rows now refused.
   * The rows are read back from disk a batch at a time (row-spool.ts); V must be plain JSON.
   */
  recheck(tx: Db, ctx: Caller, rows: RowSource<V>, target: number | null): Promise<Map<number, ImportProblem[]>>;
  /** Inside the import transaction: writes the rows; `progress` is told how many are written so far. */
  write(
    tx: Db,
    ctx: Caller,
    rows: RowSource<V>,
    progress: (written: number) => Promise<void>,
    out: WriteOutput,
    target: number | null,
  ): Promise<number>;
  /**
   * Inside the import transaction, after the rows are written and before the job says 导入成功: e.g.
   * refreshing the planner's statistics after a bulk load, so a list or export opened the moment the
   * job is done is planned for the new data.
   */
  afterWrite?(tx: Db, imported: number): Promise<void>;
}

/** Problems in the order of the template's columns (row-level ones last), for stable reports. */
export function sortProblems(columns: readonly ImportColumn[], problems: ImportProblem[]): ImportProblem[] {
  const order = (p: ImportProblem) => {
    const i = columns.findIndex((c) => c.header === p.column);
    return i < 0 ? columns.length : i;
  };
  return [...problems].sort((a, b) => order(a) - order(b));
}

/** A kind whose row types do not matter to the caller (template, error report, job routes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportKind = ImportKindDef<any, any>;
