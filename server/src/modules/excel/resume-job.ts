import type { FastifyInstance } from 'fastify';
import { resumeStaleImports } from './resume-imports';
import type { RunEnv } from './run-import';

/**
 * Every app process looks for imports whose process died (IMPORT_STALE_SECONDS without a heartbeat) and carries
 * them on — the first look right after start, so a restarted single instance resumes its own. The claim in
 * resumeStaleImports lets one instance win each job. Tests call resumeStaleImports directly.
 */
export function installImportResume(app: FastifyInstance, env: RunEnv): void {
  if (app.deps.config.env === 'test') return;
  const staleMs = app.deps.config.importStaleSeconds * 1000;
  let busy = false;
  const look = () => {
    if (busy) return;
    busy = true;
    resumeStaleImports(app.deps.db, env, { staleMs })
      .then((jobs) => {
        if (jobs.length) app.log.warn({ jobs }, 'imports carried on after their process died');
      })
      .catch((err: unknown) => app.log.warn({ err }, 'looking for interrupted imports failed'))
      .finally(() => {
        busy = false;
      });
  };
  const first = setTimeout(look, 1_000);
  const timer = setInterval(look, Math.min(30_000, Math.max(1_000, staleMs / 2)));
  first.unref();
  timer.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
