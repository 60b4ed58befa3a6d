import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, wrapPglite, type Database } from '../src/db/client';

/** Where the migrated, reference-seeded template of this test run lives. */
export type DbTemplate =
  { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; adminUrl: string; template: string };

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function withAdminClient<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database for one test file, cloned from the run's template (never shared between files). */
export async function openTestDatabase(t: DbTemplate): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (t.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(t.dumpFile)]);
    const client = await PGlite.create({ loadDataDir: blob });
    const database = wrapPglite(client);
    return { database, drop: async () => {} };
  }
  const name = `${t.template}_f${crypto.randomBytes(4).toString('hex')}`;
  await withAdminClient(t.adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${t.template}`));
  const database = await openPostgres(databaseUrl(t.adminUrl, name), 10);
  return {
    database,
    drop: () =>
      withAdminClient(t.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
