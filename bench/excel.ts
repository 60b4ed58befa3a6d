// Excel import/export benchmark (issue 5). Run from the repository root:
//
//   npx tsx bench/excel.ts            # PostgreSQL at 127.0.0.1:5432 (fresh database, dropped at the end)
//   npx tsx bench/excel.ts --pglite   # the embedded PGlite database (a temporary data folder)
//   BENCH_PG=postgres://user@host:5432/postgres npx tsx bench/excel.ts
//   BENCH_KEEP_DATA=1 npx tsx bench/excel.ts --pglite   # keep the PGlite folder afterwards (to look at plans)
//   BENCH_NODE_ARGS="--import /path/memlog.mjs" npx tsx bench/excel.ts --pglite   # extra Node options for the server
//   npx tsx bench/excel.ts --pglite --rows 1000   # a quick check: units of 100 and 1,000 people
//                                                 # (printed, not written to RESULTS)
//
// It seeds two units (10,000 and 100,000 professionals), starts the real server as a child process
// (server/src/main.ts, as `npm start` does, NODE_ENV=production), and through HTTP:
//   1. imports a 10,000-row file end to end (upload → validate → write → job done);
//   2. imports a 100,000-row file end to end, sampling the server process's RSS from /proc every 50 ms
//      (and reading its kernel-tracked peak, VmHWM);
//   3. exports the 100,000 records (专业科目学时审核结果) and the 100,000-person staff list, timing the
//      full download.
// Results are printed and written to bench/RESULTS-excel.md (at the full size only).
// ID and phone numbers are stored as the app stores them (server/src/db/pii.ts: ciphertext, look-up
// hash, the hash as username), with bench/pii-key.ts's key, which the server is started with.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../server/src/auth/passwords';
import { openPglite, openPostgres, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { idNumberAccountColumns } from '../server/src/db/pii';
import { accounts, units } from '../server/src/db/schema/index';
import { ensureLearningData } from '../server/src/db/seed/learning-data';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { creditCodeCheckChar } from '../server/src/domain/credit-code';
import { idCheckChar } from '../server/src/domain/id-number';
import { hoursWorkbookStreamed, type HoursRow } from '../server/test/kits/excel';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

const ROOT = path.resolve(import.meta.dirname, '..');
const usePglite = process.argv.includes('--pglite');
const rowsArg = process.argv.indexOf('--rows');
/** Rows of the big import (and people of the big unit); the small one is a tenth. 100,000 is the measured size. */
const BIG = rowsArg >= 0 ? Number(process.argv[rowsArg + 1]) : 100_000;
if (!Number.isInteger(BIG) || BIG < 10) throw new Error('--rows must be a whole number ≥ 10');
const SMALL = BIG / 10;
if (!Number.isInteger(SMALL)) throw new Error('--rows must be a multiple of 10');
const FULL = BIG === 100_000;
const n = (x: number) => x.toLocaleString('en-US');
const ADMIN_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench2024pass';
const YEAR = new Date(Date.now() + 8 * 3600_000 - 3 * 86_400_000).getUTCFullYear();

function log(s: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
}

const dbUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let idSeq = 0;
/** Valid, unique ID numbers: 100 region codes × 1000 sequence numbers, birth dates varying. */
function nextIdNumber(): string {
  idSeq++;
  const region = `4501${String(Math.floor(idSeq / 1000) % 100).padStart(2, '0')}`;
  const birth = `19${60 + (idSeq % 40)}${String(1 + (idSeq % 12)).padStart(2, '0')}${String(1 + (idSeq % 28)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(idSeq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function creditCode(n: number): string {
  const first17 = `91450103${String(100000000 + n * 7919).slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

interface Seeded {
  unitId: number;
  adminUsername: string;
  people: Array<{ idNumber: string; name: string }>;
}

async function seedUnit(db: Database['db'], name: string, count: number, hash: string): Promise<Seeded> {
  const at = new Date();
  const [u] = await db
    .insert(units)
    .values({
      name,
      creditCode: creditCode(count),
      regionCode: '450103',
      unitType: 'enterprise',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const adminId = nextIdNumber();
  await db.insert(accounts).values({
    kind: 'unit_admin',
    realm: 'unit',
    ...idNumberAccountColumns(adminId),
    passwordHash: hash,
    mustChangePassword: false,
    loginEnabled: true,
    name: `${name}管理员`,
    phone: '13800138000',
    email: 'bench@example.com',
    profileCompletedAt: at,
    unitId: u!.id,
    createdAt: at,
    updatedAt: at,
  });
  const people: Seeded['people'] = [];
  for (let i = 0; i < count; i += 3000) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 3000); j++) {
      const id = nextIdNumber();
      const personName = `学员${String(j).padStart(6, '0')}`;
      people.push({ idNumber: id, name: personName });
      batch.push({
        kind: 'professional' as const,
        realm: 'person' as const,
        ...idNumberAccountColumns(id),
        passwordHash: hash,
        mustChangePassword: false,
        loginEnabled: true,
        name: personName,
        phone: '13800138000',
        email: 'p@example.com',
        profileCompletedAt: at,
        unitId: u!.id,
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.insert(accounts).values(batch);
  }
  return { unitId: u!.id, adminUsername: adminId, people };
}

/** One row per person (a full day), `daysAgo` days before today: an open year, nothing in the future. */
function rowsFor(people: Seeded['people'], daysAgo: number): (i: number) => HoursRow {
  const date = new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return (i) => {
    const p = people[i % people.length]!;
    return {
      idNumber: p.idNumber,
      name: p.name,
      startDate: date,
      endDate: date,
      startHalf: '上午',
      endHalf: '下午',
      title: `专业技术人员继续教育专题培训班（第${i + 1}期）`,
      remarks: i % 10 === 0 ? '单位组织' : null,
    };
  };
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  // BENCH_NODE_ARGS: extra Node options for the server (a memory logger, --cpu-prof, …).
  const extra = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
  // The compiled server, as production runs it (rebuilt first when a source is newer).
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-build.mjs'), 'server'], { stdio: 'inherit' });
  const child = spawn(process.execPath, [...extra, '--enable-source-maps', path.join(ROOT, 'server/dist/main.js')], {
    cwd: path.join(ROOT, 'server'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve({ child, baseUrl: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, rssOf(pid).rss);
    }, 50);
  }
  stop() {
    clearInterval(this.timer);
    return this.peak;
  }
}

class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async login(username: string) {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD, realm: 'unit' }),
    });
    if (!res.ok) throw new Error(`login failed ${res.status} ${await res.text()}`);
    this.cookie = /ptce_sid=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    this.csrf = ((await res.json()) as { me: { csrfToken: string } }).me.csrfToken;
  }
  get(p: string) {
    return fetch(`${this.base}${p}`, { headers: { cookie: this.cookie } });
  }
  async importFile(file: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    const res = await fetch(`${this.base}/api/imports/hours-registration/jobs?mode=all&declared=true`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: form,
    });
    if (res.status !== 202) throw new Error(`upload refused ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: number };
    for (;;) {
      const job = (await (await this.get(`/api/imports/jobs/${id}`)).json()) as {
        id: number;
        status: string;
        importedRows: number;
        errorRows: number;
        message: string;
        rowsProcessed: number;
        totalRows: number;
      };
      if (job.status !== 'validating' && job.status !== 'writing') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  async download(p: string) {
    const res = await this.get(p);
    if (!res.ok) throw new Error(`export failed ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    return bytes;
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const MB = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-'));
  const dbName = `ptce_bench_${Date.now()}`;
  let database: Database;
  if (usePglite) {
    database = await openPglite(dataDir);
  } else {
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    database = await openPostgres(dbUrl(dbName), 4);
  }
  let server: ChildProcess | null = null;
  const results: string[] = [];
  try {
    log(`database: ${usePglite ? `PGlite in ${dataDir}` : `PostgreSQL ${dbName}`}`);
    await migrate(database);
    await ensureReferenceData(database.db);
    await ensureLearningData(database.db);
    const hash = await hashPassword(PASSWORD);
    useBenchPiiKey();
    let t0 = performance.now();
    const small = await seedUnit(database.db, '基准测试单位甲', SMALL, hash);
    const big = await seedUnit(database.db, '基准测试单位乙', BIG, hash);
    // A live system has planner statistics for its people; a freshly seeded one gets them here.
    await database.db.execute(sql`ANALYZE`);
    log(`seeded ${n(SMALL + BIG)} professionals in ${s(performance.now() - t0)}`);
    if (usePglite) await database.close();

    t0 = performance.now();
    const file10k = await hoursWorkbookStreamed(SMALL, rowsFor(small.people, 2));
    const file100k = await hoursWorkbookStreamed(BIG, rowsFor(big.people, 3));
    log(
      `generated files in ${s(performance.now() - t0)}: ${n(SMALL)} rows ${MB(file10k.length)}, ${n(BIG)} rows ${MB(file100k.length)}`,
    );

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      RATE_LIMIT: 'false',
      PII_KEY: BENCH_PII_KEY,
      DATA_DIR: dataDir,
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123',
      COOKIE_SECURE: 'false',
      DATABASE_URL: usePglite ? '' : dbUrl(dbName),
    };
    const started = await startServer(env);
    server = started.child;
    const pid = server.pid!;
    const idle = rssOf(pid).rss;
    const loadBefore = os.loadavg()[0]!;
    log(`server pid ${pid} at ${started.baseUrl}; idle RSS ${MB(idle)}`);

    const c1 = new Client(started.baseUrl);
    await c1.login(small.adminUsername);
    let sampler = new RssSampler(pid);
    t0 = performance.now();
    const j1 = await c1.importFile(file10k, '一万行.xlsx');
    const t10k = performance.now() - t0;
    const peak10k = sampler.stop();
    if (j1.status !== 'done' || j1.importedRows !== SMALL)
      throw new Error(
        `${n(SMALL)}-row import: ${JSON.stringify(j1)} ${await (await c1.get(`/api/imports/jobs/${j1.id}/errors`)).text()}`,
      );
    log(`${n(SMALL)} rows imported in ${s(t10k)} (peak RSS ${MB(peak10k)})`);

    const c2 = new Client(started.baseUrl);
    await c2.login(big.adminUsername);
    sampler = new RssSampler(pid);
    t0 = performance.now();
    const j2 = await c2.importFile(file100k, '十万行.xlsx');
    const t100k = performance.now() - t0;
    const peak100k = sampler.stop();
    if (j2.status !== 'done' || j2.importedRows !== BIG)
      throw new Error(
        `${n(BIG)}-row import: ${JSON.stringify(j2)} ${await (await c2.get(`/api/imports/jobs/${j2.id}/errors`)).text()}`,
      );
    log(`${n(BIG)} rows imported in ${s(t100k)} (peak RSS sampled ${MB(peak100k)}, VmHWM ${MB(rssOf(pid).hwm)})`);

    sampler = new RssSampler(pid);
    t0 = performance.now();
    const exportBytes = await c2.download('/api/exports/hours/results');
    const tExport = performance.now() - t0;
    const peakExport = sampler.stop();
    log(`export of ${n(BIG)} records in ${s(tExport)} (${MB(exportBytes)}, peak RSS ${MB(peakExport)})`);

    t0 = performance.now();
    const staffBytes = await c2.download('/api/exports/org/staff');
    const tStaff = performance.now() - t0;
    log(`export of ${n(BIG)} staff in ${s(tStaff)} (${MB(staffBytes)})`);

    t0 = performance.now();
    const yearsBytes = await c2.download(`/api/exports/hours/person-years?year=${YEAR}`);
    const tYears = performance.now() - t0;
    log(`export of ${n(BIG)} person-years in ${s(tYears)} (${MB(yearsBytes)})`);
    const hwm = rssOf(pid).hwm;

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    results.push(
      `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${usePglite ? 'PGlite (embedded)' : 'PostgreSQL 127.0.0.1:5432'}`,
      '',
      `Machine: ${os.cpus().length} × ${cpu}, ${MB(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}.`,
      `Command: \`npx tsx bench/excel.ts${usePglite ? ' --pglite' : ''}${FULL ? '' : ` --rows ${BIG}`}\` (server run as a child process: \`node --import tsx server/src/main.ts\`, NODE_ENV=production; RSS read from /proc/<pid>/status of that process — sampled every 50 ms, plus the kernel's peak VmHWM).`,
      '',
      '| measurement | target | result | server peak RSS |',
      '|---|---|---|---|',
      `| import ${n(SMALL)} rows end to end (${MB(file10k.length)} file) | ≤ 5 s | **${s(t10k)}** | ${MB(peak10k)} |`,
      `| import ${n(BIG)} rows end to end (${MB(file100k.length)} file) | ≤ 60 s, RSS < 500 MB | **${s(t100k)}** | ${MB(peak100k)} |`,
      `| export 专业科目学时审核结果, ${n(BIG)} rows (${MB(exportBytes)}) | ≤ 10 s | **${s(tExport)}** | ${MB(peakExport)} |`,
      `| export 专业技术人员管理, ${n(BIG)} rows (${MB(staffBytes)}) | — | ${s(tStaff)} | |`,
      `| export 专业科目学时查询 ${YEAR}, ${n(BIG)} rows (${MB(yearsBytes)}) | — | ${s(tYears)} | |`,
      '',
      `Server process: idle RSS after start ${MB(idle)}, peak over the whole run (VmHWM) ${MB(hwm)}. Load average (1 min) ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at the end (other work shares this machine).`,
      '',
    );
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    if (!usePglite) {
      await database.close().catch(() => undefined);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    }
    if (process.env.BENCH_KEEP_DATA) log(`data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const file = path.join(ROOT, 'bench/RESULTS-excel.md');
  const header = [
    '# Excel import/export benchmark (issue 5)',
    '',
    'Produced by `bench/excel.ts` (see its header for what is measured). Newest run first.',
    '',
    'What the numbers mean: *end to end* is from the start of the HTTP upload until the polled job is',
    '`done` (upload, zip/bomb checks, parsing, every row checked against the database, one transaction',
    'writing the records and their history). Exports are timed until the last byte of the download.',
    'RSS is that of the server process only (the benchmark runs it as a child and reads',
    '/proc/<pid>/status); with PGlite the embedded PostgreSQL lives in the same process (its 128 MB of',
    'WebAssembly memory included).',
    'ID and phone numbers are seeded encrypted, as the app stores them since migration 0015; runs before',
    '2026-12-05 seeded them in plaintext.',
    '',
    '',
  ].join('\n');
  if (!FULL) {
    console.log(
      `\n${results.join('\n')}\n(--rows ${BIG}: not written to ${path.relative(ROOT, file)}, which holds full-size runs only)`,
    );
    return;
  }
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(/^[\s\S]*?(?=^## )/m, '') : '';
  fs.writeFileSync(file, header + results.join('\n') + '\n' + previous);
  console.log(`\n${results.join('\n')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
