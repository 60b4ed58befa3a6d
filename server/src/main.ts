import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase, openPostgres, type Database } from './db/client';
import { DataDirLockedError } from './db/lock';
import { migrate } from './db/migrate';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData, type DemoLogin } from './db/seed/demo/demo-data';
import { seedDemoIntegration, type DemoIntegrationClient } from './db/seed/demo/demo-integration';
import { seedDemoClasses } from './db/seed/demo/demo-classes';
import { ensureReferenceData } from './db/seed/reference-data';
import { ensureLearningData } from './db/seed/learning-data';
import { resolveSessionSecret } from './db/settings';
import { PiiKeyError, resolvePiiKeyring, usePiiKeys } from './db/pii';
import { checkPiiKeys, encryptPlaintextPii, hashUnhashedPhones } from './db/pii-migrate';
import { startFakeOpenPlatform, type FakeOpenPlatform } from './modules/wechat/index';

const REALM_LABEL = { person: '专业技术人员', unit: '单位管理员', authority: '管理部门' } as const;

function printDemoLogins(logins: DemoLogin[], url: string): void {
  const lines = logins.map((l) => `  [${REALM_LABEL[l.realm]}] ${l.username.padEnd(20)} ${l.name} — ${l.role}`);
  console.log(`\nDemo logins at ${url} — password for all: ${DEMO_PASSWORD}\n${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  usePiiKeys(resolvePiiKeyring(config));
  // The embedded database lives in this process, its 128 MB of WebAssembly memory included, so the
  // JavaScript heap is run for size: without this V8 lets garbage pile up to several times the live
  // data before a full collection (a 100,000-row import peaked at 605 MB RSS, 439 MB with it; bench/excel.ts).
  // V8 reads this flag as it goes (heap growth, collection timing); a PostgreSQL server is left at speed.
  if (!config.databaseUrl) v8.setFlagsFromString('--optimize-for-size');
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`PTCE cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const applied = await migrate(database);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  await checkPiiKeys(database.db);
  const encrypted = await encryptPlaintextPii(database.db);
  if (encrypted) console.log(`Encrypted the ID and phone numbers of ${encrypted} accounts`);
  const hashed = await hashUnhashedPhones(database.db);
  if (hashed) console.log(`Hashed the phone numbers of ${hashed} accounts for look-up`);
  await ensureReferenceData(database.db);
  await ensureLearningData(database.db);
  let demo: DemoLogin[] | null = null;
  let demoIntegration: DemoIntegrationClient[] = [];
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    demo = await seedDemoData(database.db);
    demoIntegration = await seedDemoIntegration(database.db);
    demo.push(...(await seedDemoClasses(database.db)));
  }

  // WECHAT_FAKE=true (development with demo data; config.ts refuses it elsewhere): 扫码登录 against the local
  // simulation of WeChat's Open Platform, so a visitor can try it; every page of the flow says 模拟.
  let fakeWechat: FakeOpenPlatform | null = null;
  if (config.wechatFake) {
    fakeWechat = await startFakeOpenPlatform({ port: config.wechatFake.port });
    config.wechat = {
      appId: fakeWechat.appId,
      appSecret: fakeWechat.appSecret,
      redirectUrl: `${config.publicUrl}/wechat/callback`,
      openBaseUrl: fakeWechat.url,
      apiBaseUrl: fakeWechat.url,
      simulated: true,
    };
  }

  // The read replica for statistics and exports (DATABASE_READ_URL): read only, never migrated from here.
  const readDatabase = config.databaseReadUrl
    ? await openPostgres(config.databaseReadUrl, config.databasePoolSize, config.databaseQueryTimeoutMs)
    : undefined;

  const app = await buildApp({
    config,
    database,
    readDatabase,
    sessionSecret: await resolveSessionSecret(database.db, config.sessionSecret),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await fakeWechat?.close();
    } finally {
      await readDatabase?.close();
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as { port: number }).port;
  const shown = `http://localhost:${port}`;
  console.log(
    `PTCE listening on ${shown} (database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : readDatabase ? 'PostgreSQL, statistics and exports from the read replica' : 'PostgreSQL'}) — ready in ${Math.round(performance.now() - started)} ms`,
  );
  if (fakeWechat)
    console.log(`扫码登录 (模拟): the simulated WeChat runs at ${fakeWechat.url} — click 扫码登录 on the login page`);
  if (demo) {
    printDemoLogins(demo, shown);
    for (const c of demoIntegration) {
      console.log(
        `Demo industry system (行业学时对接, docs/INTEGRATION.md): ${c.name}\n  PTCE_URL=${shown} PTCE_KEY_ID=${c.keyId} PTCE_SECRET=${c.secret} node scripts/integration-client.mjs changes\n`,
      );
    }
    // Kept beside the data so tools (and the browser tests) can find the demo accounts.
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(
      path.join(config.dataDir, 'demo-logins.json'),
      JSON.stringify({ password: DEMO_PASSWORD, logins: demo, integration: demoIntegration }, null, 2),
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof PiiKeyError) console.error(`PTCE cannot start: ${e.message}`);
  else console.error('PTCE failed to start:', e);
  process.exit(1);
});
