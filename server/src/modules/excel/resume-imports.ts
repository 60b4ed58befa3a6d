import os from 'node:os';
import type { ImportKind } from '@ptce/contracts';
import { and, asc, eq, inArray, lt, notInArray, type SQL } from 'drizzle-orm';
import { actorOfAccount } from '../../auth/account-actor';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { importJobErrors, importJobs } from '../../db/schema/index';
import { writeAudit } from '../audit/index';
import type { Caller } from '../auth/index';
import { INTERRUPTED, MAX_RESUMES, nextRun, RUNNING_STATUSES, STALE_AFTER_MS, type JobRow } from './jobs';
import { IMPORT_KIND_DEFS } from './kinds';
import { importLimits } from './limits';
import { openSheet } from './read-sheet';
import { jobsRunningHere, runImport, startInBackground, type RunEnv } from './run-import';
import { readAll } from './start-import';
import { inspectXlsx } from './xlsx-container';

/**
 * Carries on the imports whose process died: every job still 校验中 or 导入中 whose heartbeat is older than
 * `staleMs`, and that no run of this process owns, is claimed — one statement that moves its `run` on, so of the
 * instances that find it at once exactly one wins — and run again from its stored file, from the first row, in the
 * name of the account that uploaded it. The dead run wrote nothing (its write transaction died with its connection),
 * and should it only have been slow, not dead, its write now finds its run taken and rolls back (runImport). A job
 * is given up, shown 导入中断, when its file is gone, its uploader may no longer log in, or it was taken over
 * MAX_RESUMES times already (a file that kills whatever reads it). Returns the ids of the jobs it started again.
 */
export async function resumeStaleImports(
  db: Db,
  env: RunEnv,
  opts: { staleMs?: number; ip?: string } = {},
): Promise<number[]> {
  const cutoff = new Date(now().getTime() - (opts.staleMs ?? STALE_AFTER_MS));
  const mine = jobsRunningHere();
  const stale = await db
    .select()
    .from(importJobs)
    .where(
      and(
        inArray(importJobs.status, RUNNING_STATUSES),
        lt(importJobs.heartbeatAt, cutoff),
        ...(mine.length ? [notInArray(importJobs.id, mine)] : []),
      ),
    )
    .orderBy(asc(importJobs.heartbeatAt))
    .limit(5);
  const started: number[] = [];
  for (const job of stale) {
    const resumed = await resumeOne(db, env, job, cutoff, opts.ip);
    if (resumed) started.push(job.id);
  }
  return started;
}

async function resumeOne(db: Db, env: RunEnv, job: JobRow, cutoff: Date, ip?: string): Promise<boolean> {
  const def = IMPORT_KIND_DEFS[job.kind as ImportKind];
  const actor = await actorOfAccount(db, job.createdBy);
  const why = !def
    ? 'unknown kind'
    : !actor
      ? 'uploader may not log in'
      : !job.fileKey
        ? 'no file'
        : job.resumes >= MAX_RESUMES
          ? 'too many resumes'
          : null;
  const stillStale = and(
    eq(importJobs.id, job.id),
    eq(importJobs.run, job.run),
    inArray(importJobs.status, RUNNING_STATUSES),
    lt(importJobs.heartbeatAt, cutoff),
  );
  if (why) {
    await giveUp(db, env, job, stillStale, { actor, ip }, why);
    return false;
  }
  // Claimed before the file is read: of the instances that look at once, only the winner reads it.
  const [claimed] = await db
    .update(importJobs)
    .set({ ...nextRun(job), resumes: job.resumes + 1 })
    .where(stillStale)
    .returning();
  if (!claimed) return false; // another instance took it first, or its run came back to life
  const ctx: Caller = { db, actor: actor!, ip };
  const data = await readAll(env.files.read(job.fileKey!)).catch(() => null);
  const sheet =
    data && (await openSheet(data, await inspectXlsx(data, importLimits()), def!.columns).catch(() => null));
  if (!sheet) {
    const ours = and(eq(importJobs.id, job.id), eq(importJobs.run, claimed.run));
    await giveUp(db, env, { ...job, run: claimed.run, resumes: claimed.resumes }, ours, ctx, 'file unreadable');
    return false;
  }
  await db.delete(importJobErrors).where(eq(importJobErrors.jobId, job.id));
  await writeAudit(db, ctx, {
    action: 'imports.resume',
    targetType: 'import_job',
    targetId: job.id,
    detail: {
      kind: job.kind,
      fileName: job.fileName,
      run: claimed.run,
      resumes: claimed.resumes,
      interruptedAt: job.heartbeatAt.toISOString(),
      by: `${os.hostname()}:${process.pid}`,
    },
  });
  startInBackground(runImport(ctx, env, def!, claimed, sheet));
  return true;
}

/** 导入中断: the job failed, its file removed, audited — when `where` still finds it as it was looked at. */
async function giveUp(
  db: Db,
  env: RunEnv,
  job: JobRow,
  where: SQL | undefined,
  who: Pick<Caller, 'ip'> & { actor: Caller['actor'] | null },
  reason: string,
): Promise<void> {
  const [gaveUp] = await db
    .update(importJobs)
    .set({ status: 'failed', message: INTERRUPTED, finishedAt: now(), fileKey: null })
    .where(where)
    .returning({ id: importJobs.id });
  if (!gaveUp) return;
  if (job.fileKey) await env.files.remove(job.fileKey).catch(() => undefined);
  await writeAudit(db, who, {
    action: 'imports.abandon',
    targetType: 'import_job',
    targetId: job.id,
    result: 'failed',
    detail: { kind: job.kind, fileName: job.fileName, run: job.run, resumes: job.resumes, reason },
  });
}
