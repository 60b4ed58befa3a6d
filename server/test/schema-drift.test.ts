import { is, SQL, sql } from 'drizzle-orm';
import { getTableConfig, type IndexedColumn, PgDialect, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client';
import * as schema from '../src/db/schema/index';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map(getTableConfig);
const tableNames = tables.map((c) => c.name);

/** Database columns the Drizzle schema leaves out on purpose. */
const UNMAPPED_COLUMNS = [
  // The audit chain (migration 0012): set by a trigger, read by modules/audit/verify-chain.ts with SQL.
  'audit_log.chain_seq',
  'audit_log.prev_hash',
  'audit_log.hash',
];

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/**
 * What the database holds for the Drizzle tables, one line per index (not backing a constraint), constraint
 * (primary key, unique, foreign key, check) and column default, in PostgreSQL's own words (pg_get_indexdef,
 * pg_get_constraintdef, pg_get_expr), so both sides of the comparison are spelled the same.
 * Foreign keys and primary keys are compared without their names (Drizzle names them its own way).
 */
async function catalog(db: Db): Promise<string[]> {
  const names = sql.join(
    tableNames.map((n) => sql`${n}`),
    sql`, `,
  );
  const indexes = await rows<{ tbl: string; def: string }>(
    db,
    sql`SELECT c.relname AS tbl, pg_get_indexdef(x.indexrelid) AS def
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname IN (${names})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))`,
  );
  const constraints = await rows<{ tbl: string; name: string; type: string; def: string }>(
    db,
    sql`SELECT c.relname AS tbl, k.conname AS name, k.contype AS type, pg_get_constraintdef(k.oid) AS def
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname IN (${names}) AND k.contype IN ('p', 'u', 'f', 'c')`,
  );
  const columns = await rows<{ tbl: string; col: string; def: string | null; identity: string | null }>(
    db,
    sql`SELECT table_name AS tbl, column_name AS col, column_default AS def, identity_generation AS identity
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN (${names})`,
  );
  return [
    ...indexes.map((r) => `${r.tbl}: ${r.def}`),
    ...constraints.map((r) =>
      r.type === 'p' || r.type === 'f' ? `${r.tbl}: ${r.def}` : `${r.tbl}: CONSTRAINT ${r.name} ${r.def}`,
    ),
    ...columns.filter((r) => r.def !== null).map((r) => `${r.tbl}.${r.col}: DEFAULT ${r.def}`),
    ...columns.filter((r) => r.identity !== null).map((r) => `${r.tbl}.${r.col}: GENERATED ${r.identity}`),
  ].sort();
}

const dialect = new PgDialect();
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** An SQL fragment of the schema (index expression, predicate, check, default), columns unqualified. */
function inline(fragment: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(fragment, 'indexes');
  if (params.length) throw new Error(`write the values of schema SQL inline: ${text}`);
  return text;
}
const cols = (columns: PgColumn[]) => columns.map((c) => q(c.name)).join(', ');

function literal(value: unknown): string {
  if (is(value, SQL)) return inline(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The DDL that gives a table the indexes, constraints and defaults the Drizzle schema declares. */
function drizzleDdl(cfg: (typeof tables)[number]): string[] {
  const table = q(cfg.name);
  const ddl: string[] = [];
  for (const col of cfg.columns) {
    if (col.hasDefault && col.default !== undefined)
      ddl.push(`ALTER TABLE ${table} ALTER COLUMN ${q(col.name)} SET DEFAULT ${literal(col.default)}`);
    const identity = (col as { generatedIdentity?: { type: 'always' | 'byDefault' } }).generatedIdentity;
    if (identity) {
      const kind = identity.type === 'always' ? 'ALWAYS' : 'BY DEFAULT';
      ddl.push(`ALTER TABLE ${table} ALTER COLUMN ${q(col.name)} ADD GENERATED ${kind} AS IDENTITY`);
    }
    if (col.isUnique) ddl.push(`ALTER TABLE ${table} ADD CONSTRAINT ${q(col.uniqueName!)} UNIQUE (${q(col.name)})`);
  }
  const pk = cfg.columns.filter((c) => c.primary);
  if (pk.length) ddl.push(`ALTER TABLE ${table} ADD PRIMARY KEY (${cols(pk)})`);
  for (const p of cfg.primaryKeys) ddl.push(`ALTER TABLE ${table} ADD PRIMARY KEY (${cols(p.columns)})`);
  for (const u of cfg.uniqueConstraints) {
    const nulls = u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
    ddl.push(`ALTER TABLE ${table} ADD CONSTRAINT ${q(u.getName()!)} UNIQUE${nulls} (${cols(u.columns)})`);
  }
  for (const c of cfg.checks) ddl.push(`ALTER TABLE ${table} ADD CONSTRAINT ${q(c.name)} CHECK (${inline(c.value)})`);
  for (const index of cfg.indexes) {
    const { name, columns, unique, where, method } = index.config;
    const keys = columns.map((c) => {
      if (is(c, SQL)) return inline(c);
      const { order, nulls, opClass } = (c as IndexedColumn).indexConfig;
      const defaultNulls = order === 'desc' ? 'first' : 'last';
      return [
        q((c as IndexedColumn).name!),
        opClass,
        order === 'desc' ? 'DESC' : undefined,
        nulls && nulls !== defaultNulls ? `NULLS ${nulls.toUpperCase()}` : undefined,
      ]
        .filter(Boolean)
        .join(' ');
    });
    ddl.push(
      `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${q(name!)} ON ${table} USING ${method ?? 'btree'} (${keys.join(', ')})` +
        (where ? ` WHERE ${inline(where)}` : ''),
    );
  }
  for (const fk of cfg.foreignKeys) {
    const ref = fk.reference();
    const foreign = q(getTableConfig(ref.foreignTable).name);
    const actions = [
      fk.onDelete && fk.onDelete !== 'no action' ? ` ON DELETE ${fk.onDelete.toUpperCase()}` : '',
      fk.onUpdate && fk.onUpdate !== 'no action' ? ` ON UPDATE ${fk.onUpdate.toUpperCase()}` : '',
    ].join('');
    ddl.push(
      `ALTER TABLE ${table} ADD FOREIGN KEY (${cols(ref.columns)}) REFERENCES ${foreign} (${cols(ref.foreignColumns)})${actions}`,
    );
  }
  return ddl;
}

class Rollback extends Error {}

/**
 * The catalog the Drizzle schema would give the database: in a transaction that is rolled back, every index,
 * constraint and default of the Drizzle tables is dropped and made again from the Drizzle declarations.
 */
async function drizzleCatalog(db: Db): Promise<string[]> {
  let result: string[] = [];
  const names = sql.join(
    tableNames.map((n) => sql`${n}`),
    sql`, `,
  );
  await db
    .transaction(async (tx) => {
      const constraints = await rows<{ tbl: string; name: string }>(
        tx,
        sql`SELECT c.relname AS tbl, k.conname AS name FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname IN (${names}) AND k.contype IN ('p', 'u', 'f', 'c')
            ORDER BY k.contype = 'f' DESC`,
      );
      for (const k of constraints)
        await tx.execute(sql.raw(`ALTER TABLE ${q(k.tbl)} DROP CONSTRAINT IF EXISTS ${q(k.name)} CASCADE`));
      const indexes = await rows<{ name: string }>(
        tx,
        sql`SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname IN (${names})`,
      );
      for (const i of indexes) await tx.execute(sql.raw(`DROP INDEX ${q(i.name)}`));
      const columns = await rows<{ tbl: string; col: string; def: string | null }>(
        tx,
        sql`SELECT table_name AS tbl, column_name AS col, column_default AS def FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN (${names})
              AND (column_default IS NOT NULL OR is_identity = 'YES')`,
      );
      for (const c of columns) {
        const change = c.def === null ? 'DROP IDENTITY' : 'DROP DEFAULT';
        await tx.execute(sql.raw(`ALTER TABLE ${q(c.tbl)} ALTER COLUMN ${q(c.col)} ${change}`));
      }
      // Foreign keys last: two tables may reference each other (hour_records ⇄ training_classes' trainees).
      const ddl = tables.flatMap((cfg) => drizzleDdl(cfg));
      const isFk = (s: string) => s.includes(' ADD FOREIGN KEY ');
      for (const statement of [...ddl.filter((s) => !isFk(s)), ...ddl.filter(isFk)])
        await tx.execute(sql.raw(statement));
      result = await catalog(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result;
}

/** The Drizzle schema (used by the code) and the SQL migrations (used by the database) must agree. */
describe('schema', () => {
  it('every Drizzle column exists in the migrated database with the same type and nullability, and only those', async () => {
    const dbColumns = await rows<{ tbl: string; col: string; type: string; nullable: boolean }>(
      t.db,
      sql`SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
                 NOT a.attnotnull AS nullable
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    const db = new Map(dbColumns.map((r) => [`${r.tbl}.${r.col}`, r]));
    // Drizzle's spelling of a type → PostgreSQL's (format_type).
    const pgType = (type: string) => type.replace(/^char\(/, 'character(').replace(/, /g, ',');
    const problems: string[] = [];
    expect(tables.length).toBeGreaterThan(5);
    const mapped = new Set<string>();
    for (const cfg of tables) {
      for (const col of cfg.columns) {
        const key = `${cfg.name}.${col.name}`;
        mapped.add(key);
        const found = db.get(key);
        if (!found) problems.push(`${key} missing in database`);
        else {
          if (found.nullable !== !col.notNull) problems.push(`${key} nullability differs`);
          if (found.type !== pgType(col.getSQLType()))
            problems.push(`${key} is ${found.type} in the database, ${col.getSQLType()} in Drizzle`);
        }
      }
    }
    for (const key of db.keys()) {
      if (tableNames.includes(key.split('.')[0]!) && !mapped.has(key) && !UNMAPPED_COLUMNS.includes(key))
        problems.push(`${key} missing in the Drizzle schema`);
    }
    expect(problems).toEqual([]);
  });

  it('the Drizzle schema declares the indexes, constraints, defaults and identities of the migrated database', async () => {
    const migrated = await catalog(t.db);
    expect(migrated.length).toBeGreaterThan(100);
    const declared = await drizzleCatalog(t.db);
    expect({
      onlyInMigrations: migrated.filter((x) => !declared.includes(x)),
      onlyInDrizzle: declared.filter((x) => !migrated.includes(x)),
    }).toEqual({ onlyInMigrations: [], onlyInDrizzle: [] });
    // The transaction was rolled back: the database is as migrated.
    expect(await catalog(t.db)).toEqual(migrated);
  });
});
