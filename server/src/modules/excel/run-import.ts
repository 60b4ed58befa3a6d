import type { ImportProblem } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import { importJobs } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { writeAudit } from '../audit/index';
import { credentialsExpiry } from './credentials';
import type { ImportKindDef, WriteOutput } from './import-kind';
import { saveErrors, updateJob, type JobRow } from './jobs';
import { importLimits } from './limits';
import type { OpenedSheet } from './read-sheet';
import { RowSpool, withoutRows } from './row-spool';

export interface RunEnv {
  files: FileStore;
  /**
   * PostgreSQL: while the import transaction is open, progress is written from another pooled
   * connection. PGlite has a single connection (an outer query inside a transaction would wait for
   * ever), so there the write phase reports only when it is done.
   */
  reportDuringWrite: boolean;
  log?: (err: unknown, msg: string) => void;
}

/**
 * Test hooks: `beforeWrite` runs between validation and the write transaction (change the data
 * meanwhile); `afterBatchWritten` after each batch written inside it (inject a failure, pause, …).
 */
export const importHooks: {
  beforeWrite?: () => void | Promise<void>;
  afterBatchWritten?: (written: number) => void | Promise<void>;
} = {};

const NO_DATA = '文件中没有数据：请在模板的第2行起填写后再导入';

// Runs started by this process, so the server (and tests) can wait for them on close.
const running = new Set<Promise<void>>();
// The jobs this process is running now (with how many runs of each): never taken over from here, however long a
// batch takes.
const runningJobs = new Map<number, number>();
export const jobsRunningHere = (): number[] => [...runningJobs.keys()];
function ownRun(jobId: number, delta: 1 | -1) {
  const n = (runningJobs.get(jobId) ?? 0) + delta;
  if (n > 0) runningJobs.set(jobId, n);
  else runningJobs.delete(jobId);
}

/** The job was taken over by another run (resume-imports.ts) while this one was still alive: this one stops. */
class Superseded extends Error {}
export function startInBackground(p: Promise<void>): void {
  running.add(p);
  void p.finally(() => running.delete(p));
}
export async function waitForImports(): Promise<void> {
  await Promise.allSettled([...running]);
}

/**
 * One run of an import job:
 * 1. validating — read the sheet row by row (streaming); check each row on its own as it is read, then
 *    each batch of rows against the database; store the bad rows with their problems; record progress
 *    (rows processed / total) and a heartbeat after every batch. Nothing is written to business tables.
 * 2. the decision — no data: failed; bad rows and mode 'all': rejected, nothing imported; otherwise
 * 3. writing — ONE transaction: lock the unit's imports, re-check what may have changed meanwhile,
 *    insert every good row with its history entry, write the audit event with the counts and mark the
 *    job done. A failure leaves the database as it was and the job failed. A killed process's connection drop
 *    makes PostgreSQL roll back too; another run then carries the job on (resume-imports.ts), and a run whose job
 *    was taken over meanwhile rolls its write back when it finds its run gone.
 */
export async function runImport<P, V extends P & { rowNumber: number }>(
  ctx: Caller,
  env: RunEnv,
  def: ImportKindDef<P, V>,
  job: JobRow,
  sheet: OpenedSheet,
): Promise<void> {
  ownRun(job.id, 1);
  const limits = importLimits();
  const validator = def.createValidator(ctx, job.targetId);
  const today = shanghaiDate();
  // The good rows wait on disk (row-spool.ts), so memory does not grow with the file.
  const valid = new RowSpool<V>();
  let processed = 0;
  let dataRows = 0;
  let errorRows = 0;
  // Rows read since the last database check: parsed values, and the problems of rows that failed on
  // their own (with their cells as read, for the error report).
  let parsed: Array<{ rowNumber: number; value: P }> = [];
  let failed: Array<{ rowNumber: number; cells: string[]; problems: ImportProblem[] }> = [];
  const audit = (result: 'ok' | 'failed', detail: Record<string, unknown>) =>
    writeAudit(ctx.db, ctx, {
      action: `imports.${def.kind}`,
      targetType: 'import_job',
      targetId: job.id,
      result,
      detail: { fileName: job.fileName, mode: job.mode, ...detail },
    });

  const flush = async () => {
    const checked = parsed.length ? await validator.check(parsed) : [];
    const errors = failed;
    for (let i = 0; i < checked.length; i++) {
      const r = checked[i]!;
      if ('problems' in r)
        errors.push({ rowNumber: r.rowNumber, cells: def.cellsOf(parsed[i]!.value), problems: r.problems });
      else await valid.push(r.value);
    }
    errorRows += errors.length;
    parsed = [];
    failed = [];
    // The heartbeat first: a run whose job was taken over stops here, before its errors mix with the new run's.
    if (!(await updateJob(ctx.db, job, { rowsProcessed: processed, dataRows, errorRows }))) throw new Superseded();
    await saveErrors(ctx.db, job.id, errors);
  };

  try {
    for await (const row of sheet.rows) {
      processed++;
      if (row.blank) continue;
      dataRows++;
      const p = def.parseRow(row, today);
      if ('problems' in p)
        failed.push({ rowNumber: row.rowNumber, cells: row.cells.map((c) => c.text), problems: p.problems });
      else parsed.push({ rowNumber: row.rowNumber, value: p.value });
      if (parsed.length + failed.length >= limits.batchSize) await flush();
    }
    await flush();

    const finish = async (status: 'rejected' | 'failed', message: string) => {
      const ours = await updateJob(ctx.db, job, {
        status,
        message,
        rowsProcessed: processed,
        dataRows,
        errorRows,
        finishedAt: now(),
      });
      if (ours) await audit('failed', { dataRows, errorRows, imported: 0, outcome: status });
    };
    if (dataRows === 0) return await finish('failed', NO_DATA);
    if (valid.count === 0)
      return await finish('rejected', `共${dataRows}行，全部有错误，未导入任何数据。请下载错误报告修改后重新导入`);
    if (errorRows > 0 && job.mode === 'all') {
      return await finish(
        'rejected',
        `共${dataRows}行，其中${errorRows}行有错误，未导入任何数据。请下载错误报告修改后重新导入` +
          (def.allOrNothing ? '' : '，或选择“仅导入正确的行”'),
      );
    }

    await importHooks.beforeWrite?.();
    await updateJob(ctx.db, job, { status: 'writing', rowsProcessed: processed, dataRows, errorRows });
    const outcome = await ctx.db.transaction(async (tx) => {
      const late = await def.recheck(tx, ctx, valid, job.targetId);
      const lateErrors: Array<{ rowNumber: number; cells: string[]; problems: ImportProblem[] }> = [];
      if (late.size) {
        for await (const batch of valid.batches(limits.batchSize)) {
          for (const r of batch)
            if (late.has(r.rowNumber))
              lateErrors.push({ rowNumber: r.rowNumber, cells: def.cellsOf(r), problems: late.get(r.rowNumber)! });
        }
      }
      if (late.size && job.mode === 'all') return { imported: 0, lateErrors };
      const rows = withoutRows(valid, late);
      if (!rows.count) return { imported: 0, lateErrors };
      let reported = 0;
      const out: WriteOutput = { jobId: job.id, credentials: [] };
      const imported = await def.write(
        tx,
        ctx,
        rows,
        async (written) => {
          if (env.reportDuringWrite && (written - reported >= limits.batchSize || written === rows.count)) {
            reported = written;
            await updateJob(ctx.db, job, { rowsWritten: written });
          }
          await importHooks.afterBatchWritten?.(written);
        },
        out,
        job.targetId,
      );
      await def.afterWrite?.(tx, imported);
      const skipped = errorRows + late.size;
      await saveErrors(tx, job.id, lateErrors);
      await writeAudit(tx, ctx, {
        action: `imports.${def.kind}`,
        targetType: 'import_job',
        targetId: job.id,
        detail: { fileName: job.fileName, mode: job.mode, dataRows, errorRows: skipped, imported },
      });
      const [mine] = await tx
        .update(importJobs)
        .set({
          status: 'done',
          importedRows: imported,
          rowsWritten: imported,
          errorRows: skipped,
          rowsProcessed: processed,
          dataRows,
          message:
            (skipped
              ? `共${dataRows}行，成功导入${imported}行；${skipped}行有错误，未导入`
              : `共${dataRows}行，全部导入成功`) + (out.note ? `。${out.note}` : ''),
          fileKey: null,
          finishedAt: now(),
          heartbeatAt: now(),
          // New accounts' initial passwords: encrypted, offered once to the importer (credentials.ts).
          ...(out.credentials.length
            ? { credentials: out.credentials, credentialsExpireAt: credentialsExpiry(), credentialsTakenAt: null }
            : {}),
        })
        .where(and(eq(importJobs.id, job.id), eq(importJobs.run, job.run)))
        .returning({ id: importJobs.id });
      // Taken over meanwhile: the other run imports the file; this one's rows are rolled back, never written twice.
      if (!mine) throw new Superseded();
      return { imported, lateErrors };
    });

    if (outcome.imported === 0) {
      // Something changed between validation and writing (another import, a closed year): all or nothing.
      await saveErrors(ctx.db, job.id, outcome.lateErrors);
      errorRows += outcome.lateErrors.length;
      return await finish('rejected', `共${dataRows}行，其中${errorRows}行有错误（校验后数据有变化），未导入任何数据`);
    }
    if (job.fileKey) await env.files.remove(job.fileKey).catch(() => undefined);
  } catch (e) {
    if (e instanceof Superseded) return;
    env.log?.(e, 'import failed');
    const message = e instanceof AppError ? `${e.message}（未导入任何数据）` : '导入失败，未导入任何数据，请稍后重试';
    const ours = await updateJob(ctx.db, job, {
      status: 'failed',
      message,
      rowsProcessed: processed,
      dataRows,
      errorRows,
      finishedAt: now(),
    }).catch(() => false);
    if (ours) await audit('failed', { dataRows, errorRows, imported: 0, outcome: 'failed' }).catch(() => undefined);
  } finally {
    ownRun(job.id, -1);
    await sheet.close().catch(() => undefined);
    await valid.dispose().catch(() => undefined);
  }
}
