import type { FastifyInstance } from 'fastify';
import { repeatInBackground } from '../../http/recurring';
import { submitExpiredAttempts } from './finalize-attempt';

const SWEEP_MS = 60_000;

/**
 * Submits abandoned attempts at their deadline even if their owner never comes back (the lazy path
 * covers everyone who does). Each app process sweeps; SKIP LOCKED keeps them from colliding.
 * Tests call submitExpiredAttempts directly with the test clock instead.
 */
export function installExamSweep(app: FastifyInstance): void {
  repeatInBackground(app, { everyMs: SWEEP_MS, failure: 'exam sweep failed' }, () =>
    app.deps.db.transaction((tx) => submitExpiredAttempts(tx)),
  );
}
