// Starts a PTCE server for the browser tests on a fresh database: a new PGlite folder, or, with
// TEST_DATABASE_URL, a new database on that PostgreSQL server (dropped when the server stops).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = process.env.E2E_DATA_DIR;
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
  ENABLE_TEST_CLOCK: 'true',
  LOG_LEVEL: 'warn',
  RATE_LIMIT: 'false',
  DATABASE_URL: '',
  // 扫码登录 against the local simulation of WeChat's Open Platform, on a free port.
  WECHAT_FAKE: 'true',
  WECHAT_FAKE_PORT: '0',
};
let dbName = null;
const admin = process.env.TEST_DATABASE_URL;
if (admin) {
  dbName = `ptce_e2e_${Date.now()}`;
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${dbName}`], { stdio: 'inherit' });
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  env.DATABASE_URL = u.toString();
}
// The compiled server, as production runs it, and the web app it serves, each rebuilt first when its sources
// are newer (so `npx playwright test` alone works on a fresh clone too).
execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
  cwd: path.join(root, 'server'),
  env,
  stdio: 'inherit',
});
const stop = (signal) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code) => {
  if (dbName) {
    try {
      execFileSync('psql', [admin, '-q', '-c', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`], { stdio: 'inherit' });
    } catch {
      /* the run is over either way */
    }
  }
  process.exit(code ?? 0);
});
