import type { ImportJob, ImportProblem, ImportRowError } from '@ptce/contracts';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { importJobErrors, importJobs } from '../../db/schema/index';
import { notFound } from '../../errors';
import { credentialsState } from './credentials';
import { IMPORT_KIND_DEFS } from './kinds';
import type { Caller } from '../auth/index';

export type JobRow = typeof importJobs.$inferSelect;

/**
 * A running job touches heartbeat_at at least every batch; one whose heartbeat stopped this long ago
 * was interrupted (process killed, server restarted). Its transaction died with its connection, so
 * nothing it was importing was written; an instance runs it again from its file (resume-imports.ts), up to
 * MAX_RESUMES times. Until then it is shown as still running, being resumed; without a file, as failed.
 */
export const STALE_AFTER_MS = 2 * 60_000;
export const MAX_RESUMES = 3;
export const INTERRUPTED = '导入中断（服务重启或进程退出），未导入任何数据，请重新导入';
export const RESUMING = '导入进程中断，正在自动从头继续，请稍候（已校验的行将重新校验）';

/** The statuses of a job that a run is (or should be) working on: 校验中, 导入中. */
export const RUNNING_STATUSES = ['validating', 'writing'] as const;

export function isRunning(j: Pick<JobRow, 'status'>): boolean {
  return (RUNNING_STATUSES as readonly string[]).includes(j.status);
}

function isStale(j: JobRow): boolean {
  return isRunning(j) && now().getTime() - j.heartbeatAt.getTime() > STALE_AFTER_MS;
}

export function toJobDto(j: JobRow): ImportJob {
  const stale = isStale(j);
  const lost = stale && (j.fileKey === null || j.resumes >= MAX_RESUMES);
  const status = lost ? 'failed' : j.status;
  return {
    id: j.id,
    kind: j.kind as ImportJob['kind'],
    mode: j.mode,
    status,
    fileName: j.fileName,
    totalRows: j.totalRows,
    rowsProcessed: Math.min(j.rowsProcessed, j.totalRows),
    dataRows: j.dataRows,
    errorRows: j.errorRows,
    rowsWritten: j.rowsWritten,
    importedRows: j.importedRows,
    message: lost ? INTERRUPTED : stale ? RESUMING : j.message,
    canImportValid:
      status === 'rejected' &&
      j.mode === 'all' &&
      j.fileKey !== null &&
      j.errorRows > 0 &&
      j.dataRows > j.errorRows &&
      !IMPORT_KIND_DEFS[j.kind as ImportJob['kind']]?.allOrNothing,
    ...credentialsState(j),
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** A job of the caller's — jobs are private to whoever uploaded the file. */
export async function findJob(ctx: Caller, id: number): Promise<JobRow> {
  const [j] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.createdBy, ctx.actor.id)));
  if (!j) throw notFound('导入任务');
  return j;
}

export async function getJob(ctx: Caller, id: number): Promise<ImportJob> {
  return toJobDto(await findJob(ctx, id));
}

export async function listJobs(ctx: Caller, kind: string): Promise<ImportJob[]> {
  const rows = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.createdBy, ctx.actor.id), eq(importJobs.kind, kind)))
    .orderBy(desc(importJobs.id))
    .limit(10);
  return rows.map(toJobDto);
}

export async function listJobErrors(ctx: Caller, id: number, page: number, pageSize: number) {
  const job = await findJob(ctx, id);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({ row: importJobErrors.rowNumber, problems: importJobErrors.problems })
      .from(importJobErrors)
      .where(eq(importJobErrors.jobId, job.id))
      .orderBy(asc(importJobErrors.rowNumber))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(importJobErrors)
      .where(eq(importJobErrors.jobId, job.id)),
  ]);
  const items: ImportRowError[] = rows.map((r) => ({ row: r.row, problems: r.problems }));
  return { items, total: count?.n ?? 0, page, pageSize };
}

/** Bad rows in row order, a page at a time after `afterRow` (keyset), for the error report. */
export async function errorRowsAfter(db: Db, jobId: number, afterRow: number, limit: number) {
  return db
    .select()
    .from(importJobErrors)
    .where(and(eq(importJobErrors.jobId, jobId), gt(importJobErrors.rowNumber, afterRow)))
    .orderBy(asc(importJobErrors.rowNumber))
    .limit(limit);
}

export async function saveErrors(
  db: Db,
  jobId: number,
  rows: Array<{ rowNumber: number; cells: string[]; problems: ImportProblem[] }>,
) {
  if (!rows.length) return;
  await db
    .insert(importJobErrors)
    .values(rows.map((r) => ({ jobId, rowNumber: r.rowNumber, cells: r.cells, problems: r.problems })))
    .onConflictDoUpdate({
      target: [importJobErrors.jobId, importJobErrors.rowNumber],
      set: { problems: sql`excluded.problems` },
    });
}

/** The columns of a job starting its next run: checked again from the first row, nothing counted yet. */
export function nextRun(job: Pick<JobRow, 'run'>) {
  return {
    status: 'validating' as const,
    run: job.run + 1,
    rowsProcessed: 0,
    dataRows: 0,
    errorRows: 0,
    rowsWritten: 0,
    importedRows: 0,
    message: null,
    finishedAt: null,
    heartbeatAt: now(),
  };
}

/**
 * Updates the job only while `run` is still its current run (a newer run owns it otherwise); false when it is not.
 */
export async function updateJob(
  db: Db,
  job: Pick<JobRow, 'id' | 'run'>,
  set: Partial<typeof importJobs.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ ...set, heartbeatAt: now() })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.run, job.run)))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}
