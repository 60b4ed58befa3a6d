/**
 * Start-up time of a production instance: from spawning the process to its first answer on /api/health,
 * compiled (`node dist/main.js`, what production runs) against the TypeScript sources through tsx, on a
 * database that is already migrated and seeded (a restart, the case that matters behind a load balancer).
 *
 *   cd server && npx tsx ../bench/startup.ts                     # embedded PGlite (a prepared folder)
 *   cd server && npx tsx ../bench/startup.ts --admin-url postgres://postgres@127.0.0.1:5432/postgres
 *
 * Options: --runs N (5, the median is reported), --out FILE (bench/RESULTS-startup.md).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const SERVER_DIR = path.resolve(import.meta.dirname, '../server');
const { values: args } = parseArgs({
  options: {
    'admin-url': { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'RESULTS-startup.md') },
  },
});
const runs = Number(args.runs);

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-session-secret-0123456789-abcdefghij',
  PII_KEY: Buffer.alloc(32, 5).toString('base64'),
  COOKIE_SECURE: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
};

/** Spawns the server, returns milliseconds until /api/health answers 200, then stops it cleanly. */
async function startOnce(command: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
      const port = out.match(/listening on http:\/\/localhost:(\d+)/)?.[1];
      if (port) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (res?.ok) return performance.now() - t0;
      }
      if (performance.now() - t0 > 300_000) throw new Error(`no answer after 300 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.resolve(SERVER_DIR, '../scripts/ensure-build.mjs'), 'server'], {
    stdio: 'inherit',
  });
  let env: Record<string, string>;
  let label: string;
  let dropDb = async () => {};
  if (args['admin-url']) {
    const name = `ptce_startup_${Date.now()}`;
    const admin = new pg.Client({ connectionString: args['admin-url'] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(args['admin-url']);
    u.pathname = `/${name}`;
    env = { ...production, DATABASE_URL: u.toString() };
    label = 'PostgreSQL';
    dropDb = async () => {
      const c = new pg.Client({ connectionString: args['admin-url'] });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-startup-'));
    env = { ...production, DATA_DIR: dataDir, DATABASE_URL: '' };
    label = 'embedded PGlite';
    const cleanup = dropDb;
    dropDb = async () => {
      await cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const compiled = ['--enable-source-maps', 'dist/main.js'];
  const sources = ['--import', 'tsx', 'src/main.ts'];
  try {
    const first = await startOnce(compiled, env); // migrations and reference data: once, not measured below
    const times: Record<string, number[]> = { compiled: [], tsx: [] };
    for (let i = 0; i < runs; i++) {
      times.compiled!.push(await startOnce(compiled, env));
      times.tsx!.push(await startOnce(sources, env));
    }
    const load = os.loadavg()[0]!.toFixed(1);
    const line = `| ${new Date().toISOString().slice(0, 16)} | ${label} | ${Math.round(first)} | ${Math.round(median(times.compiled!))} | ${Math.round(median(times.tsx!))} | ${runs} | ${load} |`;
    console.log(
      `first start (migrate + reference data) ${Math.round(first)} ms; restart: compiled ${Math.round(median(times.compiled!))} ms, tsx ${Math.round(median(times.tsx!))} ms (median of ${runs}; load ${load})`,
    );
    const header = `# Start-up time of a production instance (bench/startup.ts)\n\nFrom spawning \`node\` to the first 200 on \`/api/health\`, NODE_ENV=production, no demo data. "Restart" is the\nmedian over the runs on the already-migrated database; "tsx" runs the TypeScript sources as before the build step.\n\n\`\`\`\ncd server && npx tsx ../bench/startup.ts\ncd server && npx tsx ../bench/startup.ts --admin-url postgres://postgres@127.0.0.1:5432/postgres\n\`\`\`\n\n| when (UTC) | database | first start, ms | restart compiled, ms | restart tsx, ms | runs | load avg |\n|---|---|---:|---:|---:|---:|---:|\n`;
    const existing = fs.existsSync(args.out!) ? fs.readFileSync(args.out!, 'utf8') : header;
    fs.writeFileSync(args.out!, `${existing.trimEnd()}\n${line}\n`);
  } finally {
    await dropDb();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
