import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';

/**
 * Who runs a command or query, and on which database: a signed-in request, a job, the CLI or an import alike.
 * `ip` is the client's address when there is one (a request), for the audit log.
 */
export interface Caller {
  db: Db;
  actor: Actor;
  ip?: string;
}
