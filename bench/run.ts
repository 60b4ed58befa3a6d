/**
 * Load benchmarks of the hot paths against a database made by bench/generate.ts:
 *
 *   cd server && npx tsx ../bench/generate.ts --scale 0.05      # once
 *   npm run bench                                                # = cd server && tsx ../bench/run.ts
 *   npm run bench -w server -- --db ptce_bench_i4 --duration 10  # another generated database
 *                                                                # (options need -w server --)
 *
 * The app runs as it does in production (the compiled `node dist/main.js`, rebuilt when stale, NODE_ENV=production,
 * PostgreSQL pool of 10) in a child process on 127.0.0.1. Each scenario is measured twice in the same
 * run: through the app, and through a *baseline* — a bare Fastify server (no plugins, hooks, schemas
 * or session lookup) whose route calls the same service function, i.e. runs the same SQL, for a fixed
 * actor. Machines here are noisy; the ratio app/baseline is the number to compare between runs.
 *
 * Options: --db NAME (default ptce_bench), --admin-url URL, --duration SECONDS per scenario (10),
 * --connections N (10), --only a,b (scenario keys), --out FILE (bench/RESULTS.md).
 * Scenarios: login, overview (学时查询), queue (审核 queue, name search), results (审核结果, status
 * filter + name search), results-province (the operator's province-wide 审核结果), heartbeat
 * (learning, when the routes exist), approve-1000 (one batch approve of 1,000 records, timed),
 * audit-chain (append cost of the tamper-evident audit log, bench/audit-chain.ts), results-region and
 * results-industry (the same 审核结果 list for a city HR bureau and for the industry authority with the most units;
 * their accounts are added to the database once, as bench-region and bench-industry), compliance-province,
 * compliance-province-unmet, compliance-region and compliance-industry (达标情况 over the same scopes, first page by name;
 * the statistics are brought up to date before the app starts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { ComplianceListQuery, RecordListQuery } from '@ptce/contracts';
import type { Actor } from '../server/src/auth/actor';
import { SessionStore } from '../server/src/auth/sessions';
import { openPostgres, type Database } from '../server/src/db/client';
import { decryptPii } from '../server/src/db/pii';
import { accounts, hourRecords } from '../server/src/db/schema/index';
import { getMe } from '../server/src/modules/accounts/index';
import { login } from '../server/src/modules/auth/index';
import {
  listRecords,
  recordListWhere,
  recordQuery,
  reviewRecords,
  yearTotals,
} from '../server/src/modules/hours/index';
import { recordHeartbeat } from '../server/src/modules/learning/index';
import { unitCompliancePage } from '../server/src/modules/compliance/index';
import { refreshStats } from '../server/src/modules/stats/index';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

const BENCH_PASSWORD = 'Bench2026';
const SECRET = 'bench-session-secret-0123456789-abcdefghij';
const SERVER_DIR = path.resolve(import.meta.dirname, '../server');
// The key bench/generate.ts encrypted the ID and phone numbers with: the app, the baseline's login and
// the fixtures below read them with it.
useBenchPiiKey();

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'ptce_bench' },
    'admin-url': {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'RESULTS.md') },
    'baseline-server': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const dbUrl = (() => {
  const u = new URL(args['admin-url']!);
  u.pathname = `/${args.db}`;
  return u.toString();
})();

// ---- the baseline: the same service calls on a bare Fastify, for fixed actors ---------------------------

interface Fixtures {
  year: number;
  chapterId: number | null;
  tokens: {
    professional: string;
    admin: string;
    operator: string;
    region: string;
    industry: string;
    learners: string[];
  };
  q: string;
}

async function baselineServer() {
  const fx = JSON.parse(process.env.BENCH_FIXTURES!) as Fixtures;
  const database = await openPostgres(dbUrl, 10);
  const db = database.db;
  const store = new SessionStore(SECRET, 24 * 60);
  const actor = async (token: string) => {
    const a = await store.load(db, token);
    if (!a) throw new Error('fixture session is gone');
    return a;
  };
  const prof = await actor(fx.tokens.professional);
  const admin = await actor(fx.tokens.admin);
  const operator = await actor(fx.tokens.operator);
  const region = await actor(fx.tokens.region);
  const industry = await actor(fx.tokens.industry);
  const learners = await Promise.all(fx.tokens.learners.map(actor));
  const ctx = (a: Actor) => ({ db, actor: a, ip: '127.0.0.1' });
  const page = (over: Record<string, unknown>) => RecordListQuery.parse({ page: 1, pageSize: 20, ...over });

  const app = Fastify({ logger: false });
  app.post('/login', async (req) => {
    const s = await login(db, store, req.body as never, { ip: req.ip });
    const a = await store.load(db, s.token);
    return { me: await getMe(db, a!) };
  });
  app.get('/overview', async () => yearTotals(db, prof.id));
  app.get('/queue', async () => listRecords(ctx(admin), 'queue', page({ q: fx.q })));
  app.get('/results', async () => listRecords(ctx(admin), 'results', page({ status: 'pending', q: fx.q })));
  app.get('/results-province', async () => listRecords(ctx(operator), 'results', page({ status: 'pending', q: fx.q })));
  app.get('/results-region', async () => listRecords(ctx(region), 'results', page({ status: 'pending', q: fx.q })));
  app.get('/results-industry', async () => listRecords(ctx(industry), 'results', page({ status: 'pending', q: fx.q })));
  const compliance = (over: Record<string, unknown> = {}) =>
    ComplianceListQuery.parse({ year: fx.year, page: 1, pageSize: 20, ...over });
  app.get('/compliance-province', async () => unitCompliancePage(ctx(operator), compliance()));
  app.get('/compliance-province-unmet', async () => unitCompliancePage(ctx(operator), compliance({ met: 'false' })));
  app.get('/compliance-region', async () => unitCompliancePage(ctx(region), compliance()));
  app.get('/compliance-industry', async () => unitCompliancePage(ctx(industry), compliance()));
  app.post('/heartbeat', async (req) => {
    const { learner, ...body } = req.body as { learner: number; tabId: string; chapterId: number };
    return recordHeartbeat(ctx(learners[learner]!), body);
  });
  app.post('/approve', async (req) => reviewRecords(ctx(admin), (req.body as { ids: number[] }).ids, 'approve'));
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`baseline listening on ${(app.server.address() as { port: number }).port}`);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0)),
  );
}

// ---- the harness -----------------------------------------------------------------------------------------

interface AcResult {
  requests: { average: number };
  latency: { p50: number; p90: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type Autocannon = (opts: Record<string, unknown>) => Promise<AcResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function startChild(
  cmd: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, cmd, {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    // A child that did not start in time is stopped, not left running after the bench has given up on it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start within 120 s:\n${out}`));
    }, 120_000);
    const on = (d: Buffer) => {
      out += d;
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', (d: Buffer) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

interface Row {
  key: string;
  label: string;
  app: AcResult | null;
  base: AcResult | null;
  note?: string;
}

async function load(
  port: number,
  opts: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Array<{ setupRequest: (r: AcRequest) => AcRequest }>;
  },
) {
  return autocannon({
    url: `http://127.0.0.1:${port}${opts.path}`,
    method: opts.method,
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: opts.body,
    requests: opts.requests,
    connections: Number(args.connections),
    duration: Number(args.duration),
  });
}

/**
 * Median and p95 of one client sending requests one after another (latency without queueing), app
 * and baseline alternating request by request so both see the same background load.
 */
async function sequentialPair(n: number, app: () => Promise<Response>, base: () => Promise<Response>) {
  const once = async (send: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await send();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return performance.now() - t0;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    a.push(await once(app));
    b.push(await once(base));
  }
  const stats = (xs: number[]) => {
    xs.sort((x, y) => x - y);
    return { p50: xs[Math.floor(xs.length / 2)]!, p95: xs[Math.floor(xs.length * 0.95)]!, min: xs[0]! };
  };
  return { app: stats(a), base: stats(b) };
}

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  const only = args.only?.split(',');
  const want = (k: string) => !only || only.includes(k);
  // The audit chain's append cost runs on its own fresh database (bench/audit-chain.ts, RESULTS-audit-chain.md).
  if (want('audit-chain')) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, 'audit-chain.ts'), '--admin-url', args['admin-url']!],
      { cwd: SERVER_DIR, stdio: 'inherit' },
    );
    if (only?.length === 1) return;
  }
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const database: Database = await openPostgres(dbUrl, 2);
  const store = new SessionStore(SECRET, 24 * 60);
  const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T;

  const gen = await one<{ value: string } | undefined>(`SELECT value FROM app_settings WHERE key = 'bench.generate'`);
  if (!gen) throw new Error(`${args.db} was not made by bench/generate.ts`);
  const generated = JSON.parse(gen.value) as {
    scale: number | string;
    units: number;
    people: number;
    records: number;
    year: number;
    totalMs: number;
    phases: Array<{ phase: string; rows: number; ms: number }>;
    stats: Record<string, unknown>;
  };
  const year = generated.year;

  // Fixtures: the unit with the most 待初审 records, its total admin, one of its professionals, the operator.
  const unit = await one<{ unit_id: number; n: number }>(
    `SELECT unit_id, count(*)::int AS n FROM hour_records WHERE status = 'pending' AND review_target = 'unit' AND year = $1 GROUP BY unit_id ORDER BY 2 DESC LIMIT 1`,
    [year],
  );
  const admin = await one<{ id: number }>(
    `SELECT id FROM accounts WHERE kind = 'unit_admin' AND unit_id = $1 AND department_id IS NULL ORDER BY id LIMIT 1`,
    [unit.unit_id],
  );
  const prof = await one<{ id: number; username: string }>(
    `SELECT a.id, a.username FROM accounts a WHERE a.kind = 'professional' AND a.unit_id = $1 ORDER BY (SELECT count(*) FROM hour_records r WHERE r.account_id = a.id) DESC, a.id LIMIT 1`,
    [unit.unit_id],
  );
  const operator = await one<{ id: number }>(`SELECT id FROM accounts WHERE kind = 'operator' ORDER BY id LIMIT 1`);
  // A city HR bureau (the city with the most units) and the industry authority supervising the most units.
  const overseer = async (username: string, kind: string, authority: string) => {
    await pool.query(
      `INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, authority_id, created_at, updated_at)
       SELECT $1, 'authority', $2, password_hash, false, true, $2, (${authority}), now(), now() FROM accounts WHERE id = $3
       AND NOT EXISTS (SELECT 1 FROM accounts WHERE username = $2)`,
      [kind, username, operator.id],
    );
    return one<{ id: number }>(`SELECT id FROM accounts WHERE username = $1`, [username]);
  };
  const regionAcc = await overseer(
    'bench-region',
    'hr_bureau',
    `SELECT a.id FROM authorities a WHERE a.kind = 'hr' ORDER BY (SELECT count(*) FROM units u WHERE left(u.region_code, 4) = left(a.region_code, 4)) DESC, a.id LIMIT 1`,
  );
  const industryAcc = await overseer(
    'bench-industry',
    'authority',
    `SELECT a.id FROM authorities a WHERE a.kind = 'industry' ORDER BY (SELECT count(*) FROM units u WHERE u.supervising_authority_id = a.id OR u.industry_code = a.industry_code) DESC, a.id LIMIT 1`,
  );
  // People log in with their ID numbers (stored encrypted; the username column holds the hash).
  const { rows: learnerRows } = await pool.query<{ id: number; username: string }>(
    `SELECT id, id_number_enc AS username FROM accounts WHERE kind = 'professional' AND unit_id = $1 ORDER BY id LIMIT 200`,
    [unit.unit_id],
  );
  for (const r of learnerRows) r.username = decryptPii(r.username);
  const chapter = await one<{ id: number } | undefined>(
    `SELECT cc.id FROM plan_courses pc JOIN course_chapters cc ON cc.course_id = pc.course_id WHERE pc.year = $1 AND pc.kind = 'compulsory' ORDER BY cc.seq LIMIT 1`,
    [year],
  );
  const session = async (accountId: number) => store.create(database.db, accountId, { userAgent: 'bench' });
  const profS = await session(prof.id);
  const adminS = await session(admin.id);
  const opS = await session(operator.id);
  const regionS = await session(regionAcc.id);
  const industryS = await session(industryAcc.id);
  const learnerS = await Promise.all(learnerRows.map((r) => session(r.id)));
  const Q = '黄';
  const fixtures: Fixtures = {
    year,
    chapterId: chapter?.id ?? null,
    q: Q,
    tokens: {
      professional: profS.token,
      admin: adminS.token,
      operator: opS.token,
      region: regionS.token,
      industry: industryS.token,
      learners: learnerS.map((s) => s.token),
    },
  };

  // 达标情况 over a province, region or industry reads the statistics' kept years (modules/compliance): they are
  // brought up to date before the app starts, so that its own refresh finds nothing to do during the measurements
  // (the first refresh of a Shanghai day is a full one).
  if (!only || only.some((k) => k.startsWith('compliance'))) {
    const started = performance.now();
    const refresher = await openPostgres(dbUrl, 1, 3_600_000);
    const out = await refreshStats(refresher.db);
    await refresher.close();
    console.log(
      `statistics brought up to date: ${(out ?? []).map((o) => `${o.year} ${o.mode}`).join(', ')} in ${fmt((performance.now() - started) / 1000)} s`,
    );
  }

  console.log(`Starting the app and the baseline against ${args.db} …`);
  const appEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    DATABASE_POOL_SIZE: '10',
    SESSION_SECRET: SECRET,
    SESSION_IDLE_MINUTES: String(24 * 60),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT: 'false',
    SEED_DEMO: 'false',
    PII_KEY: BENCH_PII_KEY,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-')),
  };
  execFileSync(process.execPath, [path.resolve(SERVER_DIR, '../scripts/ensure-build.mjs'), 'server'], {
    stdio: 'inherit',
  });
  const appProc = await startChild(
    ['--enable-source-maps', 'dist/main.js'],
    appEnv,
    /listening on http:\/\/localhost:(\d+)/,
  );
  const baseProc = await startChild(
    [
      '--import',
      'tsx',
      path.relative(SERVER_DIR, import.meta.filename),
      '--baseline-server',
      '--db',
      args.db!,
      '--admin-url',
      args['admin-url']!,
    ],
    { BENCH_FIXTURES: JSON.stringify(fixtures) },
    /baseline listening on (\d+)/,
  );
  const appUrl = `http://127.0.0.1:${appProc.port}`;
  const baseUrl = `http://127.0.0.1:${baseProc.port}`;
  const cookie = (s: { token: string; csrfToken: string }) => ({
    cookie: `ptce_sid=${s.token}`,
    'x-csrf-token': s.csrfToken,
  });

  const rows: Row[] = [];
  const run = async (
    key: string,
    label: string,
    app: Parameters<typeof load>[1],
    base: Parameters<typeof load>[1],
    note?: string,
  ) => {
    if (!want(key)) return;
    process.stdout.write(`${label} … `);
    const a = await load(appProc.port, app);
    const b = await load(baseProc.port, base);
    rows.push({ key, label, app: a, base: b, note });
    console.log(
      `app ${fmt(a.requests.average)} req/s p50 ${a.latency.p50} ms | baseline ${fmt(b.requests.average)} req/s p50 ${b.latency.p50} ms${a.non2xx ? ` | ${a.non2xx} non-2xx!` : ''}`,
    );
  };

  try {
    // Sanity: every fixture request succeeds through the app before it is loaded.
    const check = async (p: string, h: Record<string, string>) => {
      const r = await fetch(appUrl + p, { headers: h });
      if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
    };
    await check('/api/hours/my/overview', cookie(profS));
    await check(`/api/hours/review/queue?q=${encodeURIComponent(Q)}`, cookie(adminS));

    // 200 different people log in in turn (one person's concurrent logins would trip the lockout).
    const loginAs = () => {
      let n = 0;
      return [
        {
          setupRequest: (r: AcRequest) => ({
            ...r,
            body: JSON.stringify({
              username: learnerRows[n++ % learnerRows.length]!.username,
              password: BENCH_PASSWORD,
              realm: 'person',
            }),
          }),
        },
      ];
    };
    await run(
      'login',
      '登录 (POST /api/auth/login)',
      { method: 'POST', path: '/api/auth/login', requests: loginAs() },
      { method: 'POST', path: '/login', requests: loginAs() },
      'argon2id verification dominates both; 200 people in turn',
    );
    await run(
      'overview',
      '学时查询 (GET /api/hours/my/overview)',
      { method: 'GET', path: '/api/hours/my/overview', headers: cookie(profS) },
      { method: 'GET', path: '/overview' },
    );
    const qs = `q=${encodeURIComponent(Q)}`;
    await run(
      'queue',
      `审核 queue, name search (GET /api/hours/review/queue?${qs.replace('%E9%BB%84', Q)})`,
      { method: 'GET', path: `/api/hours/review/queue?${qs}`, headers: cookie(adminS) },
      { method: 'GET', path: '/queue' },
      `unit ${unit.unit_id}: ${unit.n.toLocaleString('en-US')} records 待初审`,
    );
    await run(
      'results',
      `审核结果 status filter + name search (GET /api/hours/unit/results?status=pending&${qs.replace('%E9%BB%84', Q)})`,
      { method: 'GET', path: `/api/hours/unit/results?status=pending&${qs}`, headers: cookie(adminS) },
      { method: 'GET', path: '/results' },
    );
    await run(
      'results-province',
      '审核结果, the operator’s province-wide list (same query)',
      { method: 'GET', path: `/api/hours/unit/results?status=pending&${qs}`, headers: cookie(opS) },
      { method: 'GET', path: '/results-province' },
    );
    await run(
      'results-region',
      '审核结果, a city HR bureau’s region-wide list (same query)',
      { method: 'GET', path: `/api/hours/unit/results?status=pending&${qs}`, headers: cookie(regionS) },
      { method: 'GET', path: '/results-region' },
    );
    await run(
      'results-industry',
      '审核结果, an industry authority’s list (same query)',
      { method: 'GET', path: `/api/hours/unit/results?status=pending&${qs}`, headers: cookie(industryS) },
      { method: 'GET', path: '/results-industry' },
    );

    // Heartbeat: 200 learners of the unit each open the year's first compulsory chapter, then beat in turn.
    if (want('heartbeat')) {
      const hasLearning = (
        (await fetch(`${appUrl}/api/docs/json`).then((r) => r.json())) as { paths: Record<string, unknown> }
      ).paths['/api/learning/heartbeat'];
      if (!hasLearning || !chapter) {
        rows.push({
          key: 'heartbeat',
          label: '学习心跳 (POST /api/learning/heartbeat)',
          app: null,
          base: null,
          note: 'not measured: no learning routes or no compulsory course for the year',
        });
      } else {
        const tab = (i: number) => `bench-tab-${i}`;
        for (const [i, s] of learnerS.entries()) {
          const r = await fetch(`${appUrl}/api/learning/years/${year}/chapters/${chapter.id}/open`, {
            method: 'POST',
            headers: { ...cookie(s), 'content-type': 'application/json' },
            body: JSON.stringify({ tabId: tab(i) }),
          });
          if (!r.ok) throw new Error(`open chapter: ${r.status} ${await r.text()}`);
        }
        let k = 0;
        let j = 0;
        await run(
          'heartbeat',
          '学习心跳 (POST /api/learning/heartbeat)',
          {
            method: 'POST',
            path: '/api/learning/heartbeat',
            requests: [
              {
                setupRequest: (r) => {
                  const i = k++ % learnerS.length;
                  return {
                    ...r,
                    headers: { ...r.headers, ...cookie(learnerS[i]!) },
                    body: JSON.stringify({ tabId: tab(i), chapterId: chapter.id }),
                  };
                },
              },
            ],
          },
          {
            method: 'POST',
            path: '/heartbeat',
            requests: [
              {
                setupRequest: (r) => {
                  const i = j++ % learnerS.length;
                  return { ...r, body: JSON.stringify({ learner: i, tabId: tab(i), chapterId: chapter.id }) };
                },
              },
            ],
          },
          `${learnerS.length} learners in turn`,
        );
      }
    }

    // Issue 4: the queue's first page by a single client (median, no queueing) and one batch approve of 1,000.
    const queuePair = want('queue')
      ? await sequentialPair(
          300,
          () => fetch(`${appUrl}/api/hours/review/queue?${qs}`, { headers: cookie(adminS) }),
          () => fetch(`${baseUrl}/queue`),
        )
      : null;
    const resultsPair = want('results')
      ? await sequentialPair(
          300,
          () => fetch(`${appUrl}/api/hours/unit/results?status=pending&${qs}`, { headers: cookie(adminS) }),
          () => fetch(`${baseUrl}/results`),
        )
      : null;
    // Issue 23: the wide lists' first page by a single client (median of 50; target ≤ 300 ms a page).
    const wide: Array<{ label: string; pair: Awaited<ReturnType<typeof sequentialPair>> }> = [];
    const results = `/api/hours/unit/results?status=pending&${qs}`;
    const compliance = `/api/compliance/unit?year=${year}`;
    for (const [key, label, s, path] of [
      ['results-province', '审核结果 province-wide (operator), 待初审 + name search', opS, results],
      ['results-region', '审核结果 region-wide (city HR bureau), same', regionS, results],
      ['results-industry', '审核结果 industry-wide (authority), same', industryS, results],
      ['compliance-province', '达标情况 province-wide (operator), first page by name', opS, compliance],
      ['compliance-province-unmet', '达标情况 province-wide, 未达标 only', opS, `${compliance}&met=false`],
      ['compliance-region', '达标情况 region-wide (city HR bureau)', regionS, compliance],
      ['compliance-industry', '达标情况 industry-wide (authority)', industryS, compliance],
    ] as const) {
      if (!want(key)) continue;
      wide.push({
        label,
        pair: await sequentialPair(
          50,
          () => fetch(`${appUrl}${path}`, { headers: cookie(s) }),
          () => fetch(`${baseUrl}/${key}`),
        ),
      });
    }
    const single =
      queuePair && resultsPair
        ? {
            app: queuePair.app,
            base: queuePair.base,
            appResults: resultsPair.app,
            baseResults: resultsPair.base,
          }
        : null;

    // Plans of the list queries, as the app sends them.
    const explain = async (a: Actor, kind: 'queue' | 'results', q: Record<string, unknown>) => {
      const ctx = { db: database.db, actor: a, ip: '' };
      const where = recordListWhere(ctx, kind, q as never);
      // The page as listRecords sends it: the 20 ids first, then their joined rows.
      const pageIds = database.db
        .select({ id: hourRecords.id })
        .from(hourRecords)
        .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
        .where(where)
        .orderBy(sql`hour_records.id DESC`)
        .limit(20);
      const rowsQ = recordQuery(database.db)
        .where(inArray(hourRecords.id, pageIds))
        .orderBy(sql`hour_records.id DESC`)
        .toSQL();
      // The total as listTotal (server/src/db/paging.ts) counts it: at most 1,001 matching rows.
      const matching = database.db
        .select({ one: sql`1` })
        .from(hourRecords)
        .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
        .where(where)
        .toSQL();
      const countQ = {
        sql: `SELECT count(*)::int AS n FROM (${matching.sql} LIMIT 1001) AS matching`,
        params: matching.params,
      };
      const text = async (q: { sql: string; params: unknown[] }) =>
        (await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${q.sql}`, q.params)).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n');
      await text(rowsQ); // warm the plan cache of this connection: the app's connections are warm too
      return `-- page (rows)\n${await text(rowsQ)}\n\n-- total (count)\n${await text(countQ)}`;
    };
    const adminActor = (await store.load(database.db, adminS.token))!;
    const opActor = (await store.load(database.db, opS.token))!;
    const plans =
      want('queue') || want('results')
        ? {
            queue: await explain(adminActor, 'queue', { q: Q, page: 1, pageSize: 20 }),
            province: await explain(opActor, 'results', { status: 'pending', q: Q, page: 1, pageSize: 20 }),
          }
        : null;

    let approve: { app: number; base: number; done: number } | null = null;
    if (want('approve-1000')) {
      // Enough 待初审 records in the unit for two batches (approved ones of the open year go back to 待初审 if needed).
      await pool.query(
        `UPDATE hour_records SET status = 'pending', decided_at = NULL, decided_by_name = NULL, opinion = NULL
          WHERE id IN (SELECT id FROM hour_records WHERE unit_id = $1 AND year = $2 AND review_target = 'unit' AND status = 'approved' ORDER BY id
                       LIMIT GREATEST(0, 2000 - (SELECT count(*) FROM hour_records WHERE unit_id = $1 AND year = $2 AND review_target = 'unit' AND status = 'pending')))`,
        [unit.unit_id, year],
      );
      const { rows: ids } = await pool.query<{ id: number }>(
        `SELECT id::int FROM hour_records WHERE unit_id = $1 AND year = $2 AND review_target = 'unit' AND status = 'pending' ORDER BY id LIMIT 2000`,
        [unit.unit_id, year],
      );
      const batchA = ids.slice(0, 1000).map((r) => r.id);
      const batchB = ids.slice(1000, 2000).map((r) => r.id);
      let t0 = performance.now();
      const ra = await fetch(`${appUrl}/api/hours/review/approve`, {
        method: 'POST',
        headers: { ...cookie(adminS), 'content-type': 'application/json' },
        body: JSON.stringify({ ids: batchA }),
      });
      const appMs = performance.now() - t0;
      const doneA = ((await ra.json()) as { done: number[] }).done.length;
      t0 = performance.now();
      const rb = await fetch(`${baseUrl}/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: batchB }),
      });
      const baseMs = performance.now() - t0;
      await rb.arrayBuffer();
      approve = { app: appMs, base: baseMs, done: doneA };
      console.log(`批量通过审核 1,000: app ${fmt(appMs, 0)} ms (${doneA} done) | baseline ${fmt(baseMs, 0)} ms`);
    }

    await writeResults({ generated, rows, single, wide, approve, plans, unit, appEnv });
  } finally {
    appProc.child.kill('SIGTERM');
    baseProc.child.kill('SIGTERM');
    fs.rmSync(appEnv.DATA_DIR, { recursive: true, force: true });
    await pool.query(`DELETE FROM sessions WHERE user_agent = 'bench'`).catch(() => {});
    await pool.end();
    await database.close();
  }
}

async function writeResults(r: {
  generated: {
    scale: number | string;
    units: number;
    people: number;
    records: number;
    totalMs: number;
    phases: Array<{ phase: string; rows: number; ms: number }>;
    stats: Record<string, unknown>;
  };
  rows: Row[];
  single: Record<'app' | 'base' | 'appResults' | 'baseResults', { p50: number; p95: number; min: number }> | null;
  wide: Array<{
    label: string;
    pair: { app: { p50: number; p95: number; min: number }; base: { p50: number; p95: number; min: number } };
  }>;
  approve: { app: number; base: number; done: number } | null;
  plans: { queue: string; province: string } | null;
  unit: { unit_id: number; n: number };
  appEnv: Record<string, string>;
}) {
  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const v = (await c.query('SHOW server_version')).rows[0].server_version as string;
    await c.end();
    return v;
  })();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const machine = `${os.cpus().length} CPUs (${cpu}), ${fmt(os.totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}, PostgreSQL ${pgVersion}, ${os.type()} ${os.release()}`;
  let load = '';
  try {
    load = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    /* not essential */
  }
  const g = r.generated;
  const lines: string[] = [];
  lines.push(`<!-- bench:${args.db} -->`);
  lines.push(
    `## \`${args.db}\` — ${g.units.toLocaleString('en-US')} units, ${g.people.toLocaleString('en-US')} professionals, ${g.records.toLocaleString('en-US')} hour records`,
  );
  lines.push('');
  lines.push(`Run ${new Date().toISOString()} on ${machine}. Load at the end: \`${load}\`.`);
  lines.push(
    `Command: \`npm run bench -w server -- --db ${args.db} --duration ${args.duration} --connections ${args.connections}${args.only ? ` --only ${args.only}` : ''}\`; app as in production (NODE_ENV=production, pool ${r.appEnv.DATABASE_POOL_SIZE}, rate limits off for the load), autocannon ${args.connections} connections × ${args.duration} s per measurement, loopback.`,
  );
  lines.push('');
  lines.push(
    `### Data (bench/generate.ts, ${typeof g.scale === 'number' ? `--scale ${g.scale}` : g.scale}) — ${fmt(g.totalMs / 1000)} s in total`,
  );
  lines.push('');
  lines.push('| phase | rows | seconds | µs/row | full province (est.) |');
  lines.push('|---|---:|---:|---:|---:|');
  const fullFactor = (p: { phase: string }) =>
    /professionals|credits/.test(p.phase)
      ? 2_000_000 / g.people
      : /hour records/.test(p.phase)
        ? 20_000_000 / g.records
        : /units|departments|accounts/.test(p.phase)
          ? 20_000 / g.units
          : /VACUUM/.test(p.phase)
            ? 20_000_000 / g.records
            : 1;
  let est = 0;
  for (const p of g.phases) {
    const f = fullFactor(p);
    est += p.ms * f;
    lines.push(
      `| ${p.phase} | ${p.rows ? p.rows.toLocaleString('en-US') : ''} | ${fmt(p.ms / 1000)} | ${p.rows ? fmt((p.ms * 1000) / p.rows, 0) : ''} | ${fmt((p.ms * f) / 1000 / 60)} min |`,
    );
  }
  lines.push(
    `| **total** | | **${fmt(g.totalMs / 1000)}** | | **≈ ${fmt(est / 1000 / 60, 0)} min** (linear; more once indexes outgrow memory) |`,
  );
  lines.push('');
  lines.push(
    `Result: ${Object.entries(g.stats)
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
      .join(', ')}.`,
  );
  lines.push('');
  lines.push('### Throughput and latency under load (app vs. bare-Fastify baseline running the same SQL)');
  lines.push('');
  lines.push(
    '| scenario | app req/s | baseline req/s | **app/baseline** | app p50 / p99 ms | baseline p50 / p99 ms | app non-2xx | note |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of r.rows) {
    if (!row.app || !row.base) {
      lines.push(`| ${row.label} | — | — | — | — | — | — | ${row.note ?? ''} |`);
      continue;
    }
    lines.push(
      `| ${row.label} | ${fmt(row.app.requests.average)} | ${fmt(row.base.requests.average)} | **${fmt(row.app.requests.average / row.base.requests.average, 2)}** | ${row.app.latency.p50} / ${row.app.latency.p99} | ${row.base.latency.p50} / ${row.base.latency.p99} | ${row.app.non2xx + row.app.errors} | ${row.note ?? ''} |`,
    );
  }
  lines.push('');
  if (r.single || r.approve) {
    lines.push('### Issue 4 targets');
    lines.push('');
    lines.push('| measurement | app | baseline | target | |');
    lines.push('|---|---:|---:|---:|---|');
    if (r.single) {
      const cell = (x: { p50: number; p95: number; min: number }) =>
        `${fmt(x.p50)} ms (p95 ${fmt(x.p95)}, min ${fmt(x.min)})`;
      lines.push(
        `| 审核 queue first page, name search — median of 300 sequential requests, app and baseline alternating | ${cell(r.single.app)} | ${cell(r.single.base)} | ≤ 30 ms | ${r.single.app.p50 <= 30 ? 'met' : '**missed**'} |`,
      );
      lines.push(
        `| 审核结果 first page, status filter + name search — same | ${cell(r.single.appResults)} | ${cell(r.single.baseResults)} | ≤ 30 ms | ${r.single.appResults.p50 <= 30 ? 'met' : '**missed**'} |`,
      );
    }
    if (r.approve)
      lines.push(
        `| 批量通过审核: 1,000 records in one call (one transaction) | ${fmt(r.approve.app, 0)} ms (${r.approve.done} done) | ${fmt(r.approve.base, 0)} ms | ≤ 1,000 ms | ${r.approve.app <= 1000 && r.approve.done === 1000 ? 'met' : '**missed**'} |`,
      );
    lines.push('');
    lines.push(
      `The reviewing unit is the one with the most records 待初审 (unit ${r.unit.unit_id}, ${r.unit.n.toLocaleString('en-US')} in the open year).`,
    );
    lines.push('');
  }
  if (r.wide.length) {
    lines.push('### Issue 23: lists at province size');
    lines.push('');
    lines.push(
      '| first page, median of 50 sequential requests (app and baseline alternating) | app | baseline | target | |',
    );
    lines.push('|---|---:|---:|---:|---|');
    const cell = (x: { p50: number; p95: number; min: number }) =>
      `${fmt(x.p50)} ms (p95 ${fmt(x.p95)}, min ${fmt(x.min)})`;
    for (const w of r.wide)
      lines.push(
        `| ${w.label} | ${cell(w.pair.app)} | ${cell(w.pair.base)} | ≤ 300 ms | ${w.pair.app.p50 <= 300 ? 'met' : '**missed**'} |`,
      );
    if (r.single)
      lines.push(
        `| 审核 queue of the largest unit, name search (median of 300, above) | ${cell(r.single.app)} | ${cell(r.single.base)} | ≤ 30 ms | ${r.single.app.p50 <= 30 ? 'met' : '**missed**'} |`,
      );
    lines.push('');
    lines.push(
      'Every list counts at most 1,001 matching rows unless `exactTotal=true` (server/src/db/paging.ts); the queue’s name search reads `hour_records.person_name` (migration 0041).',
    );
    lines.push('');
  }
  if (r.plans) {
    lines.push('<details><summary>EXPLAIN ANALYZE of the first-page queries (as the app sends them)</summary>');
    lines.push('');
    lines.push('Unit review queue, name search (the page as the app sends it, then its total):');
    lines.push('```');
    lines.push(r.plans.queue);
    lines.push('```');
    lines.push('Province-wide 审核结果 (operator), status filter + name search:');
    lines.push('```');
    lines.push(r.plans.province);
    lines.push('```');
    lines.push('</details>');
    lines.push('');
  }
  lines.push(`<!-- /bench:${args.db} -->`);
  const section = lines.join('\n');

  const header = [
    '# PTCE benchmarks',
    '',
    'Written by `bench/run.ts` (one section per generated database; a new run of the same database replaces its section).',
    'Throughput numbers of different runs are not comparable on these shared machines; the **app/baseline** ratio is.',
    'The baseline is a bare Fastify server (no plugins, hooks, schema validation or session lookup) whose route calls the',
    'same service function as the app’s route, for a fixed actor — so the ratio is the cost of the HTTP stack, the session',
    'and policy checks, validation and serialization on top of the SQL.',
    '',
    'Make the data, then run:',
    '',
    '```',
    'cd server && npx tsx ../bench/generate.ts --scale 0.05                      # → ptce_bench',
    'npm run bench                                                                # from the repository root (ptce_bench)',
    'cd server && npx tsx ../bench/generate.ts --db ptce_bench_i4 --units 2000 --people 200000 --records 1000000',
    'npm run bench -w server -- --db ptce_bench_i4                                # issue 4: 1,000,000 records / 200,000 people',
    'cd server && npx tsx ../bench/generate.ts --scale 1 --db ptce_bench_full     # the whole province, ~8 min, 10 GB',
    'npm run bench -w server -- --db ptce_bench_full',
    '```',
    '',
  ].join('\n');
  let existing = fs.existsSync(args.out!) ? fs.readFileSync(args.out!, 'utf8') : '';
  // Hand-written analysis between <!-- notes --> and <!-- /notes --> survives new runs.
  const notes = existing.match(/<!-- notes -->[\s\S]*?<!-- \/notes -->/)?.[0] ?? '';
  existing = existing.replace(notes, '');
  const start = existing.indexOf(`<!-- bench:${args.db} -->`);
  const end = existing.indexOf(`<!-- /bench:${args.db} -->`);
  const sections = (
    start >= 0 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + `<!-- /bench:${args.db} -->`.length)
      : existing + '\n' + section + '\n'
  ).replace(/^[\s\S]*?(?=<!-- bench:)/, '');
  existing = `${header}\n${notes ? `${notes}\n\n` : ''}${sections.trim()}\n`;
  fs.writeFileSync(args.out!, existing);
  console.log(`Results written to ${path.relative(process.cwd(), args.out!)}`);
}

if (args['baseline-server']) {
  void baselineServer();
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
