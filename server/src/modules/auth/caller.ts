import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';

/**
 * Who runs a command or query, and on which database: a signed-in request, a job, the CLI or an import alike.
 * `ip` is the client's address when there is one (a request), for the audit log. `readDb` is the read replica
 * (DATABASE_READ_URL) for the heavy reads that may lag the primary by a moment — statistics and exports —
 * through `readerOf`; writes, the audit entries of those reads among them, always go to `db`.
 */
export interface Caller {
  db: Db;
  actor: Actor;
  ip?: string;
  readDb?: Db;
}

/** The database a statistics page or an export reads from: the replica when there is one. */
export const readerOf = (ctx: Caller): Db => ctx.readDb ?? ctx.db;
