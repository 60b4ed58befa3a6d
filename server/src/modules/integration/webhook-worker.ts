import type { FastifyInstance } from 'fastify';
import { repeatInBackground } from '../../http/recurring';
import { deliverDueWebhooks } from './webhook-deliver';

const POLL_MS = 2_000;

/**
 * Sends the webhook outbox: every app process polls; FOR UPDATE SKIP LOCKED and the lease in deliverDueWebhooks keep
 * two processes (or two rounds) from sending one message at once. A full round is followed at once by the next.
 * Tests call deliverDueWebhooks directly with the test clock instead.
 */
export function installWebhookWorker(app: FastifyInstance): void {
  repeatInBackground(app, { everyMs: POLL_MS, failure: 'webhook delivery round failed' }, async (closing) => {
    for (;;) {
      const r = await deliverDueWebhooks(app.deps.db, {
        blockInternalAddresses: app.deps.config.env === 'production',
      });
      if (closing() || r.delivered + r.retry + r.failed === 0) break;
    }
  });
}
