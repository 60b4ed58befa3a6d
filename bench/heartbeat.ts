/**
 * Public-subject load bench (issue 6), on PostgreSQL. Not a test: run it by hand.
 *
 *   cd /work/main && npx tsx bench/heartbeat.ts
 *
 * 1. Creates a fresh database on postgres://postgres@127.0.0.1:5432 (BENCH_DATABASE_URL to change
 *    the server), migrates and seeds it, adds 200 learners (one per connection, each with a
 *    session and an open chapter) and 6000 examinees (course complete, exam started).
 * 2. Starts, in a child process on 127.0.0.1, the real app and a bare Fastify app whose only route
 *    runs the same single heartbeat statement (modules/learning/record-heartbeat.ts beatStatement)
 *    with no session, no CSRF, no validation — the ceiling the real endpoint is compared with.
 * 3. autocannon, 200 connections, BENCH_SECONDS (default 10) per run: bare, heartbeat, bare,
 *    heartbeat (alternating, so neither gets a warmer database); then exam submit (交卷, graded and
 *    credited) at 100 connections, each request submitting a different open attempt: after a warm-up,
 *    a bare route running the same submit code (modules/exams/submit-exam.ts) with no session, CSRF or
 *    validation, then the real endpoint.
 * 4. Prints the numbers and drops the database.
 *
 * Options (environment): BENCH_SECONDS (10), BENCH_POOL (20 connections per app), BENCH_EXAMINEES
 * (6000; at least 1200, as each of the 100 submit connections needs a warm-up attempt), BENCH_DIAG=1 adds
 * GET /api/health and an authenticated one-query GET to show the framework's and the session lookup's share,
 * BENCH_ONLY=heartbeat|submit|diag runs one part (for profiling), BENCH_PROF=<dir> writes a V8 CPU profile of the
 * server process.
 *
 * Open loop (issue 23), BENCH_ONLY=open: learners who each send a heartbeat every 30 s, BENCH_LEARNERS of them
 * (default 1000) in turn, at a fixed rate: each heartbeat leaves at its due time whether or not earlier ones were
 * answered, and its latency counts from that time. The rate is raised step by step (BENCH_RATES, heartbeats per
 * second) until p99 exceeds 100 ms, a request fails, or the rate is not reached; at each step the bare route runs
 * first, then the real endpoint. It reports the learners each held (rate × 30) and the app's share of the bare
 * route's figure (goal ≥ 0.7). Each step also reports the CPU per heartbeat of the server process and of the bench
 * database's PostgreSQL backends (from /proc, Linux), and the load average when it started. BENCH_SERVER_FLAGS adds
 * Node flags to the server process (e.g. --trace-gc), BENCH_SERVER_LOG keeps its standard output in a file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { runAdminSql } from './admin-sql';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app';
import { SessionStore } from '../server/src/auth/sessions';
import { now } from '../server/src/clock';
import { loadConfig } from '../server/src/config';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { ensureLearningData } from '../server/src/db/seed/learning-data';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { accounts, courseChapters, courses } from '../server/src/db/schema/index';
import type { Actor } from '../server/src/auth/actor';
import { submitExam } from '../server/src/modules/exams/index';
import { runBeat } from '../server/src/modules/learning/index';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonClient {
  setHeaders(h: Record<string, string>): void;
  setBody(b: string): void;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POOL = Number(process.env.BENCH_POOL ?? 20);
const ONLY = process.env.BENCH_ONLY; // 'heartbeat' | 'submit' | 'diag' | 'open'
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? (ONLY === 'open' ? 1000 : 200));
const EXAMINEES = Number(process.env.BENCH_EXAMINEES ?? (ONLY === 'open' ? 0 : 6000));
/** The open-loop run's arrival rates (heartbeats per second); a learner beats every 30 s, so rate × 30 learners. */
const RATES = (process.env.BENCH_RATES ?? '250,500,1000,1500,2000,2500,3000,3500').split(',').map(Number);
const BEAT_EVERY_S = 30;
const P99_LIMIT_MS = 100;

const SECRET = 'bench-session-secret-0123456789abcdef-0123';
const SELF = fileURLToPath(import.meta.url);

interface Fixture {
  learners: Array<{ cookie: string; csrf: string; accountId: number; tabId: string }>;
  examinees: Array<{ cookie: string; csrf: string; accountId: number }>;
  chapterId: number;
  year: number;
}

function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

const admin = (statement: string) => runAdminSql(ADMIN_URL, statement);

// ------------------------------------------------------------------ child: the two servers

async function serve(url: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    RATE_LIMIT: 'false',
    DATABASE_POOL_SIZE: String(POOL),
    PII_KEY: BENCH_PII_KEY,
  });
  const database = await openPostgres(url, POOL);
  const app = await buildApp({ config, database, sessionSecret: SECRET, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  const bareDb = await openPostgres(url, POOL);
  const bare = Fastify({ logger: false });
  bare.post<{ Body: { accountId: number; tabId: string; chapterId: number } }>('/bare/heartbeat', async (req) => {
    const row = await runBeat(bareDb.db, { ...req.body, at: now().toISOString(), positionMs: 0, resume: false });
    return { active: Boolean(row), creditedSeconds: row ? Math.floor(Number(row.credited_ms) / 1000) : 0 };
  });
  // 交卷 with no framework around it: the same two statements (read, then close-and-credit), the same
  // grading and result, the actor taken from the body instead of a session.
  bare.post<{ Params: { id: string }; Body: { accountId: number; answers: Record<string, number[]> } }>(
    '/bare/submit/:id',
    async (req) => {
      const actor = { id: req.body.accountId, name: '压测', kind: 'professional' } as Actor;
      return submitExam({ db: bareDb.db, actor, ip: '127.0.0.1' }, Number(req.params.id), req.body.answers);
    },
  );
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const port = (s: typeof app.server) => (s.address() as { port: number }).port;
  process.stdout.write(`READY ${port(app.server)} ${port(bare.server)}\n`);
  process.on('SIGTERM', () => {
    void Promise.all([app.close(), bare.close()])
      .then(() => Promise.all([database.close(), bareDb.close()]))
      .finally(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

// ------------------------------------------------------------------ parent: data, load, report

async function prepare(url: string): Promise<Fixture> {
  // Phone numbers are written encrypted (accounts.phone_enc) with the key the app in serve() reads them with.
  useBenchPiiKey();
  const database = await openPostgres(url, 10);
  await migrate(database);
  await ensureReferenceData(database.db);
  await ensureLearningData(database.db);
  const db = database.db;
  const [course] = await db
    .select()
    .from(courses)
    .where(sql`${courses.code} = 'GX-2024-BX'`);
  const [chapter] = await db
    .select()
    .from(courseChapters)
    .where(sql`${courseChapters.courseId} = ${course!.id} AND ${courseChapters.seq} = 1`);
  const year = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now()));
  const at = now();
  const people: Array<{ id: number }> = [];
  // In chunks: one INSERT may bind at most 65,535 parameters.
  for (let from = 0; from < LEARNERS + EXAMINEES; from += 2000) {
    const chunk = Array.from({ length: Math.min(2000, LEARNERS + EXAMINEES - from) }, (_, k) => from + k).map((i) => ({
      kind: 'professional' as const,
      realm: 'person' as const,
      username: `bench-${i}`,
      passwordHash: 'x',
      mustChangePassword: false,
      loginEnabled: true,
      name: `压测${i}`,
      phone: '13800138000',
      email: 'bench@example.com',
      createdAt: at,
      updatedAt: at,
    }));
    people.push(...(await db.insert(accounts).values(chunk).returning({ id: accounts.id })));
  }
  const sessions = new SessionStore(SECRET, 30);
  const withSession = async (id: number) => {
    const s = await sessions.create(db, id, {});
    return { accountId: id, cookie: `ptce_sid=${s.token}`, csrf: s.csrfToken };
  };
  const learners = [];
  for (const p of people.slice(0, LEARNERS))
    learners.push({ ...(await withSession(p.id)), tabId: `bench-tab-${p.id}` });
  const examinees = [];
  for (const p of people.slice(LEARNERS)) examinees.push(await withSession(p.id));
  // Examinees have completed the course (written directly: this bench is about the exam).
  const ids = examinees.map((e) => e.accountId);
  await db.execute(sql`INSERT INTO exam_rounds (account_id, plan_year, round_no, kind, opened_at)
    SELECT a, ${year}, 1, 'regular', ${at.toISOString()}::timestamptz FROM unnest(${`{${ids.join(',')}}`}::int[]) AS a`);
  await db.execute(sql`INSERT INTO course_completions (account_id, plan_year, course_id, round_no, completed_at)
    SELECT a, ${year}, ${course!.id}, 1, ${at.toISOString()}::timestamptz FROM unnest(${`{${ids.join(',')}}`}::int[]) AS a`);
  await database.close();
  return { learners, examinees, chapterId: chapter!.id, year };
}

async function call(base: string, p: { cookie: string; csrf: string }, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers:
      body === undefined
        ? { cookie: p.cookie, 'x-csrf-token': p.csrf }
        : { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

function line(name: string, r: AutocannonResult) {
  return {
    run: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    'max ms': r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function main(): Promise<void> {
  const name = `ptce_bench_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  let child: ReturnType<typeof spawn> | null = null;
  try {
    const url = dbUrl(name);
    console.log(`database ${name}: preparing ${LEARNERS} learners and ${EXAMINEES} examinees…`);
    const fx = await prepare(url);
    const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
    child = spawn(process.execPath, [...prof, ...flags, '--import', 'tsx', SELF, '--serve', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [appPort, barePort] = await new Promise<[number, number]>((resolve, reject) => {
      let out = '';
      const log = process.env.BENCH_SERVER_LOG; // the server's standard output (e.g. --trace-gc lines)
      child!.stdout!.on('data', (d: Buffer) => {
        if (log) fs.appendFileSync(log, d);
        out = (out + d.toString()).slice(-2000);
        const m = /READY (\d+) (\d+)/.exec(out);
        if (m) resolve([Number(m[1]), Number(m[2])]);
      });
      child!.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const app = `http://127.0.0.1:${appPort}`;
    const bare = `http://127.0.0.1:${barePort}`;

    // Each learner opens chapter 1 in "their" tab; each examinee starts the exam (paper drawn, stored).
    await inBatches(fx.learners, 20, (l) =>
      call(app, l, 'POST', `/api/learning/years/${fx.year}/chapters/${fx.chapterId}/open`, { tabId: l.tabId }),
    );
    const attempts: Array<{
      id: number;
      accountId: number;
      cookie: string;
      csrf: string;
      answers: Record<string, number[]>;
    }> = [];
    await inBatches(fx.examinees, 20, async (e) => {
      const a = await call(app, e, 'POST', `/api/exams/years/${fx.year}/attempts`);
      const questions = a.questions as Array<{ no: number; options: string[] }>;
      const answers = Object.fromEntries(questions.map((q) => [String(q.no), [q.no % q.options.length]]));
      attempts.push({ id: a.id as number, accountId: e.accountId, cookie: e.cookie, csrf: e.csrf, answers });
    });

    const perConnection = (makeBody: (l: Fixture['learners'][number]) => unknown, withSession: boolean) => {
      let i = 0;
      return (client: AutocannonClient) => {
        const l = fx.learners[i++ % fx.learners.length]!;
        client.setHeaders(
          withSession
            ? { 'content-type': 'application/json', cookie: l.cookie, 'x-csrf-token': l.csrf }
            : { 'content-type': 'application/json' },
        );
        const body = makeBody(l);
        if (body !== undefined) client.setBody(JSON.stringify(body));
      };
    };
    const beat = (base: string, route: string, bareRoute: boolean, duration = SECONDS) =>
      autocannon({
        url: base + route,
        method: 'POST',
        connections: 200,
        duration,
        setupClient: perConnection(
          (l) =>
            bareRoute
              ? { accountId: l.accountId, tabId: l.tabId, chapterId: fx.chapterId }
              : { tabId: l.tabId, chapterId: fx.chapterId },
          !bareRoute,
        ),
      });

    const only = ONLY;
    if (only === 'open') {
      await openLoop(app, bare, fx, { serverPid: child.pid!, url });
      return;
    }
    const rows: Array<ReturnType<typeof line>> = [];
    if (only !== 'submit' && only !== 'diag') {
      console.log('warming up…');
      await beat(bare, '/bare/heartbeat', true, 3);
      await beat(app, '/api/learning/heartbeat', false, 3);
      for (let round = 1; round <= 2; round++) {
        console.log(`round ${round}: bare, then heartbeat (${SECONDS} s each, 200 connections)…`);
        rows.push(line(`bare UPSERT route #${round}`, await beat(bare, '/bare/heartbeat', true)));
        rows.push(line(`POST /api/learning/heartbeat #${round}`, await beat(app, '/api/learning/heartbeat', false)));
      }
    }

    if (process.env.BENCH_DIAG || only === 'diag') {
      // Where the time goes: the framework with no database, and with the session lookup only.
      const get = (route: string, withSession: boolean) =>
        autocannon({
          url: app + route,
          connections: 200,
          duration: SECONDS,
          setupClient: perConnection(() => undefined, withSession),
        });
      rows.push(line('GET /api/health (SELECT 1, no session)', await get('/api/health', false)));
      rows.push(line('GET /api/learning/hours (session + 1 query)', await get('/api/learning/hours', true)));
    }
    if (only === 'heartbeat' || only === 'diag') {
      console.table(rows);
      return;
    }

    // Every request submits a different open attempt, never one twice, 100 connections each sending
    // its next submission as soon as the last is answered: a warm-up of each, then the bare route and
    // the real endpoint, each on its own share of the attempts.
    let next = 0;
    const submits = (amount: number, bareRoute: boolean) =>
      autocannon({
        url: bareRoute ? bare : app,
        connections: 100,
        amount,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: Record<string, unknown>) => {
              const a = attempts[next++]!;
              return bareRoute
                ? {
                    ...req,
                    path: `/bare/submit/${a.id}`,
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ accountId: a.accountId, answers: a.answers }),
                  }
                : {
                    ...req,
                    path: `/api/exams/attempts/${a.id}/submit`,
                    headers: { 'content-type': 'application/json', cookie: a.cookie, 'x-csrf-token': a.csrf },
                    body: JSON.stringify({ answers: a.answers }),
                  };
            },
          },
        ],
      });
    const warm = Math.floor(attempts.length / 12);
    const measured = Math.floor((attempts.length - 2 * warm) / 2);
    console.log(
      `exam submit: ${attempts.length} open attempts — ${warm} + ${warm} warm-up, ${measured} bare, ${measured} real, 100 connections…`,
    );
    await submits(warm, true);
    await submits(warm, false);
    const bareSubmit = await submits(measured, true);
    rows.push(line('bare submit route (same statements, no framework)', bareSubmit));
    const submit = await submits(measured, false);
    rows.push(line('POST /api/exams/attempts/:id/submit', submit));

    console.table(rows);
    if (only !== 'submit') {
      const bareAvg = (rows[0]!['req/s'] + rows[2]!['req/s']) / 2;
      const realAvg = (rows[1]!['req/s'] + rows[3]!['req/s']) / 2;
      console.log(
        `heartbeat / bare throughput: ${((realAvg / bareAvg) * 100).toFixed(0)}% (goal ≥ 50%); heartbeat p99 ${rows[1]!['p99 ms']} / ${rows[3]!['p99 ms']} ms (goal ≤ 50 ms)`,
      );
    }
    console.log(
      `submit p99 ${submit.latency.p99} ms, bare route ${bareSubmit.latency.p99} ms (goal ≤ 100 ms at 100 connections)`,
    );
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const graded = await check.query(
      `SELECT count(*)::int AS n FROM exam_attempts WHERE submitted_at IS NOT NULL AND auto_submitted = false`,
    );
    await check.end();
    console.log(`attempts graded by the submit run: ${graded.rows[0].n} of ${attempts.length}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.on('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    console.log(`dropped ${name}`);
  }
}

/** One heartbeat request: its headers and JSON body. */
type Beat = { headers: Record<string, string>; body: string };

/**
 * One open-loop step: `rate` heartbeats a second for SECONDS, each sent at its own due time whether or not earlier
 * ones were answered (over keep-alive connections, learners in turn), its latency counted from that due time so a
 * slow server cannot hide its queue. Returns the latencies' p50 and p99, the errors and the rate reached.
 */
/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 where there is none. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

/** The CPU the server process and the bench database's PostgreSQL backends use, read before and after a step. */
class CpuMeter {
  private start = new Map<number, number>();
  constructor(
    private readonly serverPid: number,
    private readonly check: pg.Client,
    private readonly database: string,
  ) {}
  private async backends(): Promise<number[]> {
    const r = await this.check.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.database],
    );
    return r.rows.map((x) => x.pid);
  }
  async begin(): Promise<void> {
    this.start = new Map([[this.serverPid, cpuSeconds(this.serverPid)]]);
    for (const pid of await this.backends()) this.start.set(pid, cpuSeconds(pid));
  }
  /** CPU seconds since begin(): the server process, and the backends (those opened during the step from 0). */
  async end(): Promise<{ server: number; database: number }> {
    const server = cpuSeconds(this.serverPid) - (this.start.get(this.serverPid) ?? 0);
    let database = 0;
    for (const pid of await this.backends()) database += cpuSeconds(pid) - (this.start.get(pid) ?? 0);
    return { server, database };
  }
}

async function openStep(url: string, rate: number, request: (i: number) => Beat) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });
  const target = new URL(url);
  const total = Math.round(rate * SECONDS);
  const latencies: number[] = [];
  let errors = 0;
  const sent: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { headers, body } = request(i);
    sent.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
          (res) => {
            res.resume();
            res.on('end', () => {
              if ((res.statusCode ?? 500) >= 300) errors++;
              latencies.push(performance.now() - due);
              resolve();
            });
          },
        );
        req.on('error', () => {
          errors++;
          resolve();
        });
        req.end(body);
      }),
    );
  }
  const sending = (performance.now() - start) / 1000;
  await Promise.all(sent);
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), errors, achieved: total / Math.max(sending, SECONDS) };
}

/** Raises the arrival rate of heartbeats until the bare route and the app each miss p99 ≤ 100 ms (see the header). */
async function openLoop(
  app: string,
  bare: string,
  fx: Fixture,
  server: { serverPid: number; url: string },
): Promise<void> {
  const check = new pg.Client({ connectionString: server.url });
  await check.connect();
  const meter = new CpuMeter(server.serverPid, check, new URL(server.url).pathname.slice(1));
  const run = (bareRoute: boolean, rate: number) =>
    openStep(bareRoute ? `${bare}/bare/heartbeat` : `${app}/api/learning/heartbeat`, rate, (i): Beat => {
      const l = fx.learners[i % fx.learners.length]!;
      return bareRoute
        ? {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ accountId: l.accountId, tabId: l.tabId, chapterId: fx.chapterId }),
          }
        : {
            headers: { 'content-type': 'application/json', cookie: l.cookie, 'x-csrf-token': l.csrf },
            body: JSON.stringify({ tabId: l.tabId, chapterId: fx.chapterId }),
          };
    });
  const held = { bare: 0, app: 0 };
  const failed = { bare: false, app: false };
  const rows: Array<Record<string, unknown>> = [];
  console.log(`open loop: ${fx.learners.length} learners, ${SECONDS} s per step, rates ${RATES.join(', ')} /s…`);
  await run(true, RATES[0]!);
  await run(false, RATES[0]!);
  for (const rate of RATES) {
    for (const target of ['bare', 'app'] as const) {
      if (failed[target]) continue;
      const load = os.loadavg()[0]!;
      await meter.begin();
      const r = await run(target === 'bare', rate);
      const cpu = await meter.end();
      const perBeat = (seconds: number) => Number(((seconds * 1000) / (rate * SECONDS)).toFixed(3));
      const ok = r.p99 <= P99_LIMIT_MS && r.errors === 0 && r.achieved >= 0.95 * rate;
      rows.push({
        route: target === 'bare' ? 'bare UPSERT route' : 'POST /api/learning/heartbeat',
        'rate /s': rate,
        learners: rate * BEAT_EVERY_S,
        'achieved /s': Math.round(r.achieved),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        errors: r.errors,
        held: ok ? 'yes' : 'no',
        'server CPU ms/beat': perBeat(cpu.server),
        'PostgreSQL CPU ms/beat': perBeat(cpu.database),
        'load avg': Number(load.toFixed(1)),
      });
      if (ok) held[target] = rate * BEAT_EVERY_S;
      else failed[target] = true;
    }
    if (failed.bare && failed.app) break;
  }
  await check.end();
  console.table(rows);
  const top = RATES.at(-1)! * BEAT_EVERY_S;
  const figure = (n: number, gaveUp: boolean) =>
    `${n.toLocaleString('en-US')}${gaveUp ? '' : `+ (the last step, ${top})`}`;
  console.log(
    `learners held at p99 ≤ ${P99_LIMIT_MS} ms: app ${figure(held.app, failed.app)}, bare route ${figure(held.bare, failed.bare)}; ` +
      `app / bare ${held.bare ? (held.app / held.bare).toFixed(2) : '—'} (goal ≥ 0.7)`,
  );
}

if (process.argv[2] === '--serve') {
  void serve(process.argv[3]!);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
