import type { FastifyInstance } from 'fastify';
import { submitExpiredAttempts } from './finalize-attempt';

const SWEEP_MS = 60_000;

/**
 * Submits abandoned attempts at their deadline even if their owner never comes back (the lazy path
 * covers everyone who does). Each app process sweeps; SKIP LOCKED keeps them from colliding.
 * Tests call submitExpiredAttempts directly with the test clock instead.
 */
export function installExamSweep(app: FastifyInstance): void {
  if (app.deps.config.env === 'test') return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    app.deps.db
      .transaction((tx) => submitExpiredAttempts(tx))
      .catch((err: unknown) => app.log.warn({ err }, 'exam sweep failed'))
      .finally(() => {
        running = false;
      });
  }, SWEEP_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
