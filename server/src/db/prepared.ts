import pg from 'pg';
import type { Db } from './client';

interface QueryClient {
  query(q: string | { name: string; text: string; values: unknown[] }, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A constant SQL text sent straight to the driver, bypassing the query builder: on a PostgreSQL pool
 * as a named prepared statement (parsed and planned once per connection), on PGlite as a plain
 * parameterized query. For the few statements that run on (nearly) every request, where building the
 * query and re-planning it cost more than the statement itself. `db` must be the root database, not a
 * transaction.
 */
export async function queryPrepared<T>(db: Db, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: QueryClient }).$client;
  const res = client instanceof pg.Pool ? await client.query({ name, text, values }) : await client.query(text, values);
  return res.rows as T[];
}
