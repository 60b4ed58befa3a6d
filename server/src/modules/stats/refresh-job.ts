import type { FastifyInstance } from 'fastify';
import { refreshStats } from './refresh-stats';

const REFRESH_MS = 60_000;

/**
 * Keeps the 统计分析 aggregates up to date: every minute the people whose hours changed are recomputed, and
 * each year once a day from scratch (refreshStats decides). The first run comes right after start. Each app
 * process runs it; an advisory lock lets one at a time work. Tests call refreshStats directly.
 */
export function installStatsRefresh(app: FastifyInstance): void {
  if (app.deps.config.env === 'test') return;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    refreshStats(app.deps.db)
      .catch((err: unknown) => app.log.warn({ err }, 'statistics refresh failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 1_000);
  const timer = setInterval(run, REFRESH_MS);
  first.unref();
  timer.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
