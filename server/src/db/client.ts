import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index';
import { lockDataDir, type DataDirLock } from './lock';

export type Schema = typeof schema;
// Both drivers' databases and their transactions share this shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<any, Schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script in one transaction (migrations). */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}

// numeric → number where the schema asks for it; dates stay strings; int8 counts as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPostgres(url: string, poolSize = 10, queryTimeoutMs = 15_000): Promise<Database> {
  // Keep-alive notices a dead peer; the query timeout bounds a request when the network swallows
  // traffic without resetting connections (the request then answers 503 instead of hanging).
  // JIT off: the aggregate lists (compliance of a 10,000-person unit, statistics) cross PostgreSQL's JIT
  // cost threshold and then spend ~0.7 s compiling for a query that runs in ~150 ms. Nothing here is
  // a long analytical query that JIT would pay off for.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    query_timeout: queryTimeoutMs,
    keepAlive: true,
    options: '-c jit=off',
  });
  // An idle client whose server connection drops must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema });
  return {
    kind: 'postgres',
    db,
    pool,
    async execScript(text) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(text);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function wrapPglite(client: PGlite, lock?: DataDirLock): Database {
  const db = drizzlePglite(client, { schema });
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async execScript(text) {
      await client.transaction(async (tx) => {
        await tx.exec(text);
      });
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * The embedded server shares the Node process's memory: PostgreSQL's default 128 MB of shared buffers
 * are a third of the process at rest. 32 MB keeps a unit's working set cached and saves ~70 MB RSS.
 */
const PGLITE_START_PARAMS = [
  ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
  '-c',
  'shared_buffers=32MB',
];

/** The embedded database under DATA_DIR/pgdata, guarded by a lock file. */
export async function openPglite(dataDir: string): Promise<Database> {
  const lock = lockDataDir(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  try {
    if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
      // First start: initdb grows the WebAssembly heap to ~0.9 GB and never gives it back, so the
      // fresh cluster is closed and reopened (~0.5 s) to run at about half that.
      await (await PGlite.create(pgdata)).close();
    }
    const client = await PGlite.create(pgdata, { startParams: PGLITE_START_PARAMS });
    return wrapPglite(client, lock);
  } catch (e) {
    lock.release();
    throw e;
  }
}

export async function openDatabase(cfg: {
  databaseUrl?: string;
  dataDir: string;
  databasePoolSize?: number;
  databaseQueryTimeoutMs?: number;
}) {
  return cfg.databaseUrl
    ? openPostgres(cfg.databaseUrl, cfg.databasePoolSize, cfg.databaseQueryTimeoutMs)
    : openPglite(cfg.dataDir);
}
