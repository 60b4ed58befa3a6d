import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR } from '../paths';
import type { Database } from './client';

export { MIGRATIONS_DIR };

/** Applies the SQL files in server/migrations in name order, each once, each in its own transaction. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  await db.execute(sql`CREATE TABLE IF NOT EXISTS _migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = crypto.createHash('sha256').update(text).digest('hex');
    const done = await db.execute<{ checksum: string }>(sql`SELECT checksum FROM _migrations WHERE name = ${file}`);
    const row = done.rows[0];
    if (row) {
      if (row.checksum !== checksum) {
        throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    // Several app processes may start at once against one server: the advisory lock lets one apply
    // the file while the others wait, and the insert's primary key stops a second application.
    const lockLine = database.kind === 'postgres' ? 'SELECT pg_advisory_xact_lock(724051);\n' : '';
    const record = `INSERT INTO _migrations (name, checksum) VALUES ('${file}', '${checksum}') ON CONFLICT (name) DO NOTHING;`;
    await database.execScript(`${lockLine}${text}\n;${record}`).catch(async (e: unknown) => {
      const again = await db.execute(sql`SELECT 1 FROM _migrations WHERE name = ${file}`);
      if (again.rows.length === 0) throw e;
    });
    applied.push(file);
  }
  return applied;
}
