import type { FastifyInstance } from 'fastify';
import { repeatInBackground } from '../../http/recurring';
import { resumeStaleImports } from './resume-imports';
import type { RunEnv } from './run-import';

/**
 * Every app process looks for imports whose process died (IMPORT_STALE_SECONDS without a heartbeat) and carries
 * them on — the first look right after start, so a restarted single instance resumes its own. The claim in
 * resumeStaleImports lets one instance win each job. Tests call resumeStaleImports directly.
 */
export function installImportResume(app: FastifyInstance, env: RunEnv): void {
  const staleMs = app.deps.config.importStaleSeconds * 1000;
  repeatInBackground(
    app,
    {
      everyMs: Math.min(30_000, Math.max(1_000, staleMs / 2)),
      firstAfterMs: 1_000,
      failure: 'looking for interrupted imports failed',
    },
    async () => {
      const jobs = await resumeStaleImports(app.deps.db, env, { staleMs });
      if (jobs.length) app.log.warn({ jobs }, 'imports carried on after their process died');
    },
  );
}
