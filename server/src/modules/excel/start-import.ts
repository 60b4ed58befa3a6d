import type { Readable } from 'node:stream';
import type { ImportJob, ImportMode } from '@ptce/contracts';
import { and, eq, isNotNull, ne, inArray } from 'drizzle-orm';
import { now } from '../../clock';
import { importJobErrors, importJobs } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import type { AnyImportKind } from './import-kind';
import { findJob, nextRun, toJobDto } from './jobs';
import { importLimits } from './limits';
import { openSheet } from './read-sheet';
import { runImport, startInBackground, type RunEnv } from './run-import';
import { inspectXlsx } from './xlsx-container';

/** A stored file's bytes. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed from the name
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || '导入文件.xlsx';
}

/**
 * Files of this user's finished jobs are no longer needed once a new file is uploaded. A job still running keeps its
 * file, also when its process died: another run carries it on from the file (resume-imports.ts).
 */
async function releaseOldFiles(ctx: Caller, env: RunEnv) {
  const old = await ctx.db
    .select({ id: importJobs.id, fileKey: importJobs.fileKey })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.createdBy, ctx.actor.id),
        isNotNull(importJobs.fileKey),
        inArray(importJobs.status, ['done', 'rejected', 'failed']),
      ),
    );
  for (const j of old) {
    await ctx.db.update(importJobs).set({ fileKey: null }).where(eq(importJobs.id, j.id));
    await env.files.remove(j.fileKey!).catch(() => undefined);
  }
}

/**
 * ② 导入模板: the upload. Everything that can be refused from the file alone is refused here, with
 * nothing written: not an .xlsx, empty, too big, password-protected, damaged, a zip bomb, too many
 * rows, no data sheet, a header without the template's columns. Then the file is kept, a job row is
 * created and the rows are checked (and imported) in the background; the page polls the job.
 */
export async function startImport(
  ctx: Caller,
  env: RunEnv,
  def: AnyImportKind,
  upload: { fileName: string; data: Buffer },
  mode: ImportMode,
  /** The record the import fills, for kinds that need one (题库导入: the course). */
  targetId: number | null = null,
): Promise<ImportJob> {
  const limits = importLimits();
  const inspection = await inspectXlsx(upload.data, limits);
  const sheet = await openSheet(upload.data, inspection, def.columns);
  try {
    const totalRows = Math.max(0, (inspection.rowsBySheet.get(sheet.sheetPart) ?? 0) - 1);
    if (totalRows === 0)
      throw new AppError('VALIDATION', '文件中没有数据：请在模板的第2行起填写后再导入', [
        { field: 'file', reason: '文件中没有数据' },
      ]);

    await releaseOldFiles(ctx, env);
    const stored = await env.files.put(upload.data, { prefix: 'imports' });
    const at = now();
    const [job] = await ctx.db
      .insert(importJobs)
      .values({
        kind: def.kind,
        mode: def.allOrNothing ? 'all' : mode,
        status: 'validating',
        run: 1,
        fileName: cleanFileName(upload.fileName),
        fileKey: stored.key,
        fileSize: upload.data.length,
        totalRows,
        rowsProcessed: 0,
        dataRows: 0,
        errorRows: 0,
        rowsWritten: 0,
        importedRows: 0,
        createdBy: ctx.actor.id,
        unitId: ctx.actor.unitId,
        targetId,
        createdAt: at,
        heartbeatAt: at,
      })
      .returning();
    startInBackground(runImport(ctx, env, def, job!, sheet));
    return toJobDto(job!);
  } catch (e) {
    await sheet.close();
    throw e;
  }
}

/**
 * 仅导入正确的行: a job that was rejected for its bad rows runs again on the same file, this time
 * importing the rows that pass. Every row is checked again — the database may have changed.
 */
export async function importValidRows(ctx: Caller, env: RunEnv, def: AnyImportKind, jobId: number): Promise<ImportJob> {
  const job = await findJob(ctx, jobId);
  if (!toJobDto(job).canImportValid || job.kind !== def.kind || def.allOrNothing) {
    throw new AppError('STATE_CHANGED', '该次导入不能再选择“仅导入正确的行”，请重新上传文件');
  }
  const data = await readAll(env.files.read(job.fileKey!));
  const sheet = await openSheet(data, await inspectXlsx(data, importLimits()), def.columns);
  try {
    const [claimed] = await ctx.db
      .update(importJobs)
      .set({ ...nextRun(job), mode: 'valid_only' })
      .where(
        and(
          eq(importJobs.id, job.id),
          eq(importJobs.run, job.run),
          eq(importJobs.status, 'rejected'),
          ne(importJobs.mode, 'valid_only'),
        ),
      )
      .returning();
    if (!claimed) throw new AppError('STATE_CHANGED', '该次导入正在处理或已处理，请刷新后查看');
    await ctx.db.delete(importJobErrors).where(eq(importJobErrors.jobId, job.id));
    startInBackground(runImport(ctx, env, def, claimed, sheet));
    return toJobDto(claimed);
  } catch (e) {
    await sheet.close();
    throw e;
  }
}
