import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client';

interface QueryClient {
  query(
    q: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: unknown[] }>;
}

/** `text` with its $1, $2, … placeholders bound to `values`, as a query-builder fragment. */
function bound(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((p, i) => (i % 2 ? sql`${values[Number(p) - 1]}` : sql.raw(p))));
}

/**
 * A constant SQL text sent straight to the driver, bypassing the query builder: on a PostgreSQL pool
 * as a named prepared statement (parsed and planned once per connection), on PGlite as a plain
 * parameterized query. For the few statements that run on (nearly) every request, where building the
 * query and re-planning it cost more than the statement itself. Inside a transaction (which has no
 * driver client of its own here) the same text runs through the query builder, on the transaction.
 */
export async function queryPrepared<T>(db: Db, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client?: QueryClient }).$client;
  if (!client) return (await db.execute(bound(text, values))).rows as T[];
  const res = client instanceof pg.Pool ? await client.query({ name, text, values }) : await client.query(text, values);
  return res.rows as T[];
}
