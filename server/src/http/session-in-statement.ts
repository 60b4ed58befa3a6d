import type { FastifyRequest } from 'fastify';
import type { StatementSession } from '../auth/session-in-statement';
import { checkSessionAndPolicy } from './auth-hooks';

/**
 * The handler of a route marked `sessionInStatement` (auth/session-in-statement.ts). `inStatement` runs the route's
 * statement with the request's session as that statement checks it. When it does not accept the session (it answers
 * undefined), or the body failed validation, the session is loaded and checked as for every other route — a refusal
 * is 401, 403 or 419 as anywhere, before any 400 — then the validation error is thrown, and `checked` runs with the
 * loaded actor (req.actor).
 */
export async function withSessionInStatement<T>(
  req: FastifyRequest,
  inStatement: (session: StatementSession) => Promise<T | undefined>,
  checked: () => Promise<T>,
): Promise<T> {
  const policy = req.routeOptions.config.policy;
  if (policy && req.sessionToken && !req.actor && !req.validationError) {
    const session = req.server.deps.sessions.inStatement(req.sessionToken, req.headers['x-csrf-token'], policy);
    const done = await inStatement(session);
    if (done !== undefined) return done;
  }
  await checkSessionAndPolicy(req);
  if (req.validationError) throw req.validationError;
  return checked();
}
