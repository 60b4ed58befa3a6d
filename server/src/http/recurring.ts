import type { FastifyInstance } from 'fastify';

/**
 * Background work every app process repeats (the statistics refresh, the exam sweep, the webhook outbox, interrupted
 * imports): one round at a time — a round still running when the next is due is skipped — a failed round logged,
 * the timers stopped when the server closes (a round then sees `closing()` true). Not in tests: they call the work
 * directly, with the test clock.
 */
export function repeatInBackground(
  app: FastifyInstance,
  opts: { everyMs: number; firstAfterMs?: number; failure: string },
  round: (closing: () => boolean) => Promise<unknown>,
): void {
  if (app.deps.config.env === 'test') return;
  let running = false;
  let closed = false;
  const run = () => {
    if (running || closed) return;
    running = true;
    round(() => closed)
      .catch((err: unknown) => app.log.warn({ err }, opts.failure))
      .finally(() => {
        running = false;
      });
  };
  const first = opts.firstAfterMs === undefined ? undefined : setTimeout(run, opts.firstAfterMs);
  const timer = setInterval(run, opts.everyMs);
  first?.unref();
  timer.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(first);
    clearInterval(timer);
  });
}
