import type { FastifyInstance } from 'fastify';
import { repeatInBackground } from '../../http/recurring';
import { refreshStats } from './refresh-stats';

const REFRESH_MS = 60_000;

/**
 * Keeps the 统计分析 aggregates up to date: every minute the people whose hours changed are recomputed, and
 * each year once a day from scratch (refreshStats decides). The first run comes right after start. Each app
 * process runs it; an advisory lock lets one at a time work. Tests call refreshStats directly.
 */
export function installStatsRefresh(app: FastifyInstance): void {
  repeatInBackground(app, { everyMs: REFRESH_MS, firstAfterMs: 1_000, failure: 'statistics refresh failed' }, () =>
    refreshStats(app.deps.db),
  );
}
