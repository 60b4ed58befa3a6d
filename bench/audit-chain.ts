/**
 * Cost of the tamper-evident audit log (migration 0012): each append takes the chain head FOR UPDATE
 * and hashes the entry in a trigger. Measured on a fresh database (created and dropped here, or an
 * in-memory PGlite with --pglite): append latency alone and from 10 concurrent connections, against
 * the same inserts into an unchained copy of the table, and the time to verify the whole chain.
 *
 *   cd server && npx tsx ../bench/audit-chain.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres] [--entries 5000] [--pglite]
 *
 * Also run by `npm run bench -- --only audit-chain`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { runAdminSql } from './admin-sql';
import { openPostgres, wrapPglite, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { verifyAuditChain, writeAudit } from '../server/src/modules/audit/index';

const { values } = parseArgs({
  options: {
    'admin-url': {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    entries: { type: 'string', default: '5000' },
    pglite: { type: 'boolean', default: false },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'RESULTS-audit-chain.md') },
  },
  allowPositionals: true,
});
const adminUrl = values['admin-url']!;
const entries = Number(values.entries);
const dbName = `ptce_bench_audit_${Date.now()}`;

const admin = (statement: string) => runAdminSql(adminUrl, statement);

const actor = { actor: { id: 1, name: '覃丽萍', kind: 'unit_admin' as const }, ip: '10.20.30.40' };
const detail = { recordIds: [101, 102, 103], opinion: '材料齐全，同意', unitName: '南宁市第一人民医院' };

async function appendChained(db: Database['db'], i: number) {
  await writeAudit(db, actor, { action: 'hours.review.approve', targetType: 'hour_record', targetId: i, detail });
}
async function appendPlain(db: Database['db'], i: number) {
  await db.execute(sql`INSERT INTO audit_log_unchained (at, actor_account_id, actor_name, actor_kind, action, target_type, target_id, result, ip, detail)
    VALUES (now(), 1, '覃丽萍', 'unit_admin', 'hours.review.approve', 'hour_record', ${String(i)}, 'ok', '10.20.30.40', ${JSON.stringify(detail)}::jsonb)`);
}

async function timed(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
  return performance.now() - t0;
}

async function main() {
  let database: Database;
  if (values.pglite) {
    database = wrapPglite(await PGlite.create());
  } else {
    await admin(`CREATE DATABASE ${dbName}`);
    database = await openPostgres(`${adminUrl.replace(/\/[^/]*$/, '')}/${dbName}`, 12);
  }
  try {
    await migrate(database);
    const db = database.db;
    await db.execute(sql`CREATE TABLE audit_log_unchained (LIKE audit_log INCLUDING DEFAULTS INCLUDING IDENTITY)`);
    await db.execute(
      sql`ALTER TABLE audit_log_unchained DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash`,
    );
    // Warm-up.
    await timed(200, 1, (i) => appendChained(db, i));
    await timed(200, 1, (i) => appendPlain(db, i));

    const rows: string[] = [];
    const per = (ms: number) => ((ms / entries) * 1000).toFixed(0);
    for (const concurrency of values.pglite ? [1] : [1, 10]) {
      const plain = await timed(entries, concurrency, (i) => appendPlain(db, i));
      const chained = await timed(entries, concurrency, (i) => appendChained(db, i));
      rows.push(
        `| ${concurrency} | ${entries} | ${per(plain)} µs | ${per(chained)} µs | ${(entries / (chained / 1000)).toFixed(0)}/s | ${(((chained - plain) / entries) * 1000).toFixed(0)} µs |`,
      );
    }
    const total = Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n);
    const v0 = performance.now();
    const report = await verifyAuditChain(db);
    const verifyMs = performance.now() - v0;
    if (!report.ok) throw new Error(`chain broken: ${JSON.stringify(report)}`);

    const text = [
      `## Audit chain — ${values.pglite ? 'embedded PGlite (in memory)' : 'PostgreSQL'}, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| connections | appends | per append, unchained | per append, chained | chained rate | cost of the chain |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      `Verifying the whole chain (${total} entries): ${verifyMs.toFixed(0)} ms (${((verifyMs / total) * 1000).toFixed(1)} µs per entry).`,
      '',
    ].join('\n');
    console.log(text);
    fs.appendFileSync(values.out!, `${text}\n`);
  } finally {
    await database.close();
    if (!values.pglite) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
