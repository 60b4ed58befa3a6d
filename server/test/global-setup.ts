import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite, type Database } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { ensureReferenceData } from '../src/db/seed/reference-data';
import { ensureLearningData } from '../src/db/seed/learning-data';
import { databaseUrl, withAdminClient, type DbTemplate } from './db-template';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

async function prepare(database: Database): Promise<void> {
  await migrate(database);
  await ensureReferenceData(database.db);
  await ensureLearningData(database.db);
}

/**
 * Builds one migrated template database per run. With TEST_DATABASE_URL (an admin connection to a
 * PostgreSQL server) the template is a fresh database there; otherwise a PGlite data dump.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `ptce_tmpl_${Date.now()}_${process.pid}`;
    await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${template}`));
    const database = await openPostgres(databaseUrl(adminUrl, template), 2);
    await prepare(database);
    await database.close();
    project.provide('dbTemplate', { kind: 'postgres', adminUrl, template });
    return async () => {
      await withAdminClient(adminUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_f')`,
          [template],
        );
        // Per-file databases are dropped by their files; anything left by a crashed worker goes too.
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      });
    };
  }
  const client = await PGlite.create();
  await prepare(wrapPglite(client));
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-test-'));
  const dumpFile = path.join(dir, 'template.tar');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', dumpFile });
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}
