/**
 * Issue 19's target: ≥ 5,000 items/s sustained into PostgreSQL with batches of 1,000, through the signed
 * integration API (POST /api/integration/v1/hour-records:batch), measured in-process (app.inject, no network)
 * on a fresh PostgreSQL database created and dropped here. Three passes over the same items: new people and new
 * records (accounts created too), the same batches again (all unchanged), and with a changed title (all updated).
 *
 *   cd server && npx tsx ../bench/integration.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres] [--batches 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAdminSql } from './admin-sql';
import { buildApp } from '../server/src/app';
import { shanghaiYear } from '../server/src/clock';
import { loadConfig } from '../server/src/config';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { integrationClients, integrationKeys, accounts, units } from '../server/src/db/schema/index';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { idNumberOf } from './id-numbers';
import { sign } from '../server/src/modules/integration/index';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    batches: { type: 'string', default: '20' },
  },
});
const adminUrl = values['admin-url']!;
const batches = Number(values.batches);
const dbName = `ptce_bench_integration_${Date.now()}`;

async function main() {
  await runAdminSql(adminUrl, `CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const database = await openPostgres(url.toString(), 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-integration-'));
  try {
    await migrate(database);
    await ensureReferenceData(database.db);
    useBenchPiiKey();
    const db = database.db;
    const at = new Date();
    const [unit] = await db
      .insert(units)
      .values({
        name: '广西医科大学第一附属医院',
        creditCode: '12450000498500411X',
        regionCode: '450103',
        industryCode: 'Q',
        unitType: 'institution',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const [account] = await db
      .insert(accounts)
      .values({
        kind: 'integration',
        realm: 'machine',
        username: 'bench-cme',
        passwordHash: '',
        loginEnabled: false,
        name: '继续医学教育学分系统',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const [client] = await db
      .insert(integrationClients)
      .values({
        accountId: account!.id,
        name: '继续医学教育学分系统',
        industryCodes: ['Q'],
        rateLimitPerMinute: 10_000,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const secret = 'bench-integration-secret';
    await db.insert(integrationKeys).values({ clientId: client!.id, keyId: 'ptce_bench', secret, createdAt: at });

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      RATE_LIMIT: 'false',
      PII_KEY: BENCH_PII_KEY,
    });
    const app = await buildApp({
      config,
      database,
      sessionSecret: 'bench-secret-0123456789abcdef0123456789',
      logger: false,
    });
    await app.ready();
    const year = shanghaiYear();
    let nonce = 0;
    const target = '/api/integration/v1/hour-records:batch';
    const batchOf = (b: number, title: string) => ({
      items: Array.from({ length: 1000 }, (_, i) => {
        const g = b * 1000 + i;
        const day = `${year}-01-${String(2 + (g % 20)).padStart(2, '0')}`;
        return {
          externalId: `B-${g}`,
          idNumber: idNumberOf(Math.floor(g / 4)), // four records a person
          name: `测试${Math.floor(g / 4)}`,
          year,
          startDate: day,
          endDate: day,
          title,
          hours: 8,
          organizer: '广西医学会',
          place: '南宁市',
          unitCreditCode: unit!.creditCode,
        };
      }),
    });
    const send = async (b: number, title: string) => {
      const body = JSON.stringify(batchOf(b, title));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const n = `benchnonce${String(++nonce).padStart(10, '0')}`;
      const res = await app.inject({
        method: 'POST',
        url: target,
        headers: {
          'content-type': 'application/json',
          'x-ptce-key-id': 'ptce_bench',
          'x-ptce-timestamp': timestamp,
          'x-ptce-nonce': n,
          'x-ptce-signature': sign(secret, { method: 'POST', target, timestamp, nonce: n, body }),
        },
        payload: body,
      });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { summary: Record<string, number> };
    };
    const pass = async (label: string, title: string) => {
      const times: number[] = [];
      const summary: Record<string, number> = {};
      const t0 = performance.now();
      for (let b = 0; b < batches; b++) {
        const s = performance.now();
        const r = await send(b, title);
        times.push(performance.now() - s);
        for (const [k, v] of Object.entries(r.summary)) summary[k] = (summary[k] ?? 0) + v;
      }
      const total = (performance.now() - t0) / 1000;
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `| ${label} | ${batches * 1000} | ${Math.round((batches * 1000) / total)} items/s | ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms | ${sorted[sorted.length - 1]!.toFixed(0)} ms | ${JSON.stringify(summary)} |`,
      );
    };
    console.log(
      '| pass | items | throughput | median batch | slowest batch | results |\n|---|---:|---:|---:|---:|---|',
    );
    await pass('new people and records', '急危重症护理新进展培训班');
    await pass('the same again (unchanged)', '急危重症护理新进展培训班');
    await pass('changed title (updated)', '急危重症护理新进展研修班');
    await app.close();
  } finally {
    await database.close();
    await runAdminSql(adminUrl, `DROP DATABASE ${dbName}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
