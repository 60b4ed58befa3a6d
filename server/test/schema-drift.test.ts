import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../src/db/schema/index';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The Drizzle schema (used by the code) and the SQL migrations (used by the database) must agree. */
describe('schema', () => {
  it('every Drizzle column exists in the migrated database with the same nullability', async () => {
    const { rows } = await t.db.execute<{ table_name: string; column_name: string; is_nullable: string }>(
      sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const db = new Map(
      (rows as Array<{ table_name: string; column_name: string; is_nullable: string }>).map((r) => [
        `${r.table_name}.${r.column_name}`,
        r.is_nullable === 'YES',
      ]),
    );
    const problems: string[] = [];
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const cfg = getTableConfig(table);
      for (const col of cfg.columns) {
        const key = `${cfg.name}.${col.name}`;
        if (!db.has(key)) problems.push(`${key} missing in database`);
        else if (db.get(key) !== !col.notNull) problems.push(`${key} nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});
