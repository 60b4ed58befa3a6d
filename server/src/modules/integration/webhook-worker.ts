import type { FastifyInstance } from 'fastify';
import { deliverDueWebhooks } from './webhook-deliver';

const POLL_MS = 2_000;

/**
 * Sends the webhook outbox: every app process polls; FOR UPDATE SKIP LOCKED and the lease in deliverDueWebhooks keep
 * two processes (or two rounds) from sending one message at once. A full round is followed at once by the next.
 * Tests call deliverDueWebhooks directly with the test clock instead.
 */
export function installWebhookWorker(app: FastifyInstance): void {
  if (app.deps.config.env === 'test') return;
  let running = false;
  let closed = false;
  const round = async () => {
    if (running || closed) return;
    running = true;
    try {
      for (;;) {
        const r = await deliverDueWebhooks(app.deps.db, {
          blockInternalAddresses: app.deps.config.env === 'production',
        });
        if (closed || r.delivered + r.retry + r.failed === 0) break;
      }
    } catch (err) {
      app.log.warn({ err }, 'webhook delivery round failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), POLL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
  });
}
