import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptPii, idNumberHash, parsePiiKey } from '../../src/db/pii';
import { idCheckChar } from '../../src/domain/id-number';
import { hoursWorkbookStreamed } from '../kits/excel';
import { databaseUrl, withAdminClient } from '../db-template';
import { killServerProcesses, startServerProcess, type ServerProcess } from '../server-process';
import { nginxMissing, prepareNginx, request, type RunningNginx } from './nginx-runner';

/**
 * Two compiled app processes (server/dist, as production runs them behind nginx) on ONE PostgreSQL
 * database: nothing one of them keeps in its memory may be needed by the other. Sessions, login
 * throttling, captchas and rate limits live in the database; the background work that every instance
 * runs (webhook delivery, the exam sweep) is claimed row by row, so it happens once, not once per instance.
 * An import on a third instance that is killed part-way is carried on by another from its file, and imported once.
 * Each instance has a data folder of its own, as on machines of their own: files are kept in the database
 * (FILE_STORE=database), so the import's file is found by the instance that carries it on.
 * Last, behind the shipped nginx site (when nginx is installed), one instance is killed part-way through a
 * journey: the user goes on, and no write is lost or doubled.
 * The embedded PGlite serves one process only, so this needs TEST_DATABASE_URL.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
const PII_KEY = Buffer.alloc(32, 9).toString('base64');

describe.skipIf(!ADMIN_URL)(
  'two compiled instances on one PostgreSQL database (skipped without TEST_DATABASE_URL: PGlite serves one process)',
  () => {
    const outName = `.build-test-${crypto.randomBytes(4).toString('hex')}`;
    const dbName = `ptce_two_${Date.now()}_${process.pid}`;
    // Each instance has a folder of its own, as on machines of their own: the files are kept in the database.
    const dataDirs: string[] = [];
    let url = '';
    let pool: pg.Pool;
    let a: Awaited<ReturnType<typeof start>>;
    let b: Awaited<ReturnType<typeof start>>;
    let demo: { password: string; logins: Array<{ username: string; realm: string; role: string }> };
    let nginx: RunningNginx | null = null;
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-two-web-'));

    async function start(): Promise<{ server: ServerProcess; base: string; dataDir: string }> {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-two-'));
      dataDirs.push(dataDir);
      const server = startServerProcess(
        dataDir,
        {
          DATABASE_URL: url,
          FILE_STORE: 'database',
          // development: demo data and the test API that reads a captcha's answer; the rest as in production.
          NODE_ENV: 'development',
          ENABLE_TEST_CLOCK: 'true',
          SESSION_SECRET: 'two-instances-session-secret-0123456789',
          PII_KEY,
          RATE_LIMIT: 'true',
          DATABASE_POOL_SIZE: '4',
          // An import without a heartbeat for 8 s is carried on by another instance (the last test but one).
          IMPORT_STALE_SECONDS: '8',
        },
        `${outName}/main.js`,
      );
      const port = await server.listening(240_000);
      return { server, base: `http://127.0.0.1:${port}`, dataDir };
    }

    beforeAll(async () => {
      await promisify(execFile)(process.execPath, ['build.mjs', outName], { cwd: SERVER_DIR });
      await withAdminClient(ADMIN_URL!, (c) => c.query(`CREATE DATABASE ${dbName}`));
      url = databaseUrl(ADMIN_URL!, dbName);
      pool = new pg.Pool({ connectionString: url, max: 2 });
      // The first migrates and loads the demo data; the second then finds a database in use.
      a = await start();
      b = await start();
      demo = JSON.parse(fs.readFileSync(path.join(a.dataDir, 'demo-logins.json'), 'utf8'));
      if (!nginxMissing) {
        fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>PTCE</title>');
        fs.chmodSync(webDist, 0o755);
        const ports = [a, b].map((x) => Number(new URL(x.base).port)) as [number, number];
        nginx = await prepareNginx({ webDist, upstreamPorts: ports });
        await nginx.start();
      }
    }, 360_000);

    afterAll(async () => {
      await nginx?.stop();
      fs.rmSync(webDist, { recursive: true, force: true });
      killServerProcesses();
      await pool?.end();
      await withAdminClient(ADMIN_URL!, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      fs.rmSync(path.join(SERVER_DIR, outName), { recursive: true, force: true });
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
    });

    const person = () => demo.logins.find((l) => l.realm === 'person')!;
    const post = (base: string, p: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const cookieOf = (res: Response) =>
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('ptce_sid='))!
        .split(';')[0]!;

    it('a session made on one instance is known to the other, and a logout on that one ends it on both', async () => {
      const login = await post(a.base, '/api/auth/login', {
        username: person().username,
        password: demo.password,
        realm: 'person',
      });
      expect(login.status).toBe(200);
      const { me } = (await login.json()) as { me: { id: number; csrfToken: string } };
      const cookie = cookieOf(login);

      const onB = await fetch(`${b.base}/api/me`, { headers: { cookie } });
      expect(onB.status).toBe(200);
      expect(((await onB.json()) as { id: number }).id).toBe(me.id);

      // A write on B with the CSRF token issued by A.
      const logout = await post(b.base, '/api/auth/logout', {}, { cookie, 'x-csrf-token': me.csrfToken });
      expect(logout.status).toBe(200);
      expect((await fetch(`${a.base}/api/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('wrong passwords counted on one instance make the other ask for a captcha, and a captcha from one is good on the other', async () => {
      const username = person().username;
      for (let i = 0; i < 3; i++) {
        const wrong = await post(a.base, '/api/auth/login', {
          username,
          password: 'not-the-password',
          realm: 'person',
        });
        expect(wrong.status).toBe(401);
      }
      // The right password on B without a captcha: B knows of A's failures.
      const noCaptcha = await post(b.base, '/api/auth/login', { username, password: demo.password, realm: 'person' });
      expect(noCaptcha.status).toBe(401);
      expect(((await noCaptcha.json()) as { error: { code: string } }).error.code).toBe('CAPTCHA_REQUIRED');

      // A captcha drawn on A (its answer read through A's test API) is checked by B.
      const { captchaId } = (await (await fetch(`${a.base}/api/auth/captcha`)).json()) as { captchaId: string };
      const { answer } = (await (await fetch(`${a.base}/api/test/captcha/${captchaId}`)).json()) as { answer: string };
      const withCaptcha = await post(b.base, '/api/auth/login', {
        username,
        password: demo.password,
        realm: 'person',
        captchaId,
        captchaAnswer: answer,
      });
      expect(withCaptcha.status).toBe(200);
    });

    it('a per-address request limit counts the requests of both instances together', async () => {
      // 注册 allows 10 requests a minute from one address; five go to each instance (empty forms: refused
      // as invalid, but counted), and the eleventh is refused by the limit on whichever instance gets it.
      for (let i = 0; i < 10; i++) {
        const res = await post(i % 2 ? b.base : a.base, '/api/auth/register', {});
        expect(res.status).toBe(400);
      }
      expect((await post(a.base, '/api/auth/register', {})).status).toBe(429);
      expect((await post(b.base, '/api/auth/register', {})).status).toBe(429);
    });

    it('webhook messages are delivered once each although both instances poll the outbox', async () => {
      const received: string[] = [];
      const receiver = http.createServer((req, res) => {
        received.push(String(req.headers['webhook-id']));
        req.resume();
        req.on('end', () => res.writeHead(200).end('ok'));
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      const port = (receiver.address() as { port: number }).port;
      try {
        const key = parsePiiKey(PII_KEY)!;
        const { rows } = await pool.query<{ id: number }>('SELECT id FROM integration_clients ORDER BY id LIMIT 1');
        const clientId = rows[0]!.id;
        const secret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
        await pool.query(
          `INSERT INTO integration_webhooks (client_id, url, event_types, secret_enc, enabled, created_at, updated_at)
           VALUES ($1, $2, ARRAY['certificate.issued'], $3, true, now(), now())
           ON CONFLICT (client_id) DO UPDATE SET url = EXCLUDED.url, secret_enc = EXCLUDED.secret_enc, enabled = true`,
          [clientId, `http://127.0.0.1:${port}/hook`, encryptPii(secret, key)],
        );
        const ids = Array.from({ length: 30 }, (_, i) => `msg_twoinstances${String(i).padStart(4, '0')}`);
        for (const id of ids) {
          const body = JSON.stringify({ id, type: 'certificate.issued', data: { n: id } });
          await pool.query(
            `INSERT INTO integration_webhook_messages (message_id, client_id, type, body_enc, created_at, next_attempt_at)
             VALUES ($1, $2, 'certificate.issued', $3, now(), now())`,
            [id, clientId, encryptPii(body, key)],
          );
        }
        // Both instances poll every 2 s; wait until every message is recorded as delivered.
        await waitUntil(async () => {
          const r = await pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM integration_webhook_messages WHERE message_id = ANY($1) AND state = 'delivered'`,
            [ids],
          );
          return r.rows[0]!.n === ids.length;
        }, 90_000);
        // A few more polling rounds of both instances: nothing is sent again.
        await new Promise((r) => setTimeout(r, 5_000));
        expect([...received].sort()).toEqual(ids);
        const attempts = await pool.query<{ attempts: number }>(
          `SELECT attempts FROM integration_webhook_messages WHERE message_id = ANY($1)`,
          [ids],
        );
        expect(attempts.rows.every((r) => r.attempts === 1)).toBe(true);
      } finally {
        await new Promise((r) => receiver.close(r));
      }
    }, 120_000);

    it('an exam attempt left open past its deadline is submitted once by the sweeps of both instances', async () => {
      // A demo person's finished round gets one more attempt, opened long ago and abandoned.
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO exam_attempts (account_id, plan_year, round_no, attempt_no, course_id, started_at, deadline_at,
                                    paper, total_points, answers)
         SELECT account_id, plan_year, round_no, attempt_no + 1, course_id, now() - interval '2 hours',
                now() - interval '1 hour', paper, total_points, '{}'::jsonb
           FROM exam_attempts ORDER BY attempt_no DESC, id DESC LIMIT 1
         RETURNING id`,
      );
      const id = rows[0]!.id;
      const due = Date.now();
      // Each instance sweeps once a minute.
      await waitUntil(async () => {
        const r = await pool.query('SELECT 1 FROM exam_attempts WHERE id = $1 AND submitted_at IS NOT NULL', [id]);
        return r.rowCount === 1;
      }, 150_000);
      const attempt = await pool.query<{ auto_submitted: boolean; submitted_at: Date; deadline_at: Date }>(
        'SELECT auto_submitted, submitted_at, deadline_at FROM exam_attempts WHERE id = $1',
        [id],
      );
      expect(attempt.rows[0]!.auto_submitted).toBe(true);
      expect(attempt.rows[0]!.submitted_at.getTime()).toBe(attempt.rows[0]!.deadline_at.getTime());
      // Both instances have swept at least once since the attempt was due (each sweeps once a minute).
      await new Promise((r) => setTimeout(r, Math.max(0, due + 62_000 - Date.now())));
      const audit = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'exam.auto_submit' AND target_type = 'exam_attempt' AND target_id = $1`,
        [String(id)],
      );
      expect(audit.rows[0]!.n).toBe(1);
    }, 200_000);

    it('an import on an instance killed part-way is carried on by another and imported once', async () => {
      // A third instance takes the upload; it dies while checking the rows.
      const c = await start();
      const unitAdmin = demo.logins.find((l) => l.role === '单位管理员（总管理员）')!;
      const login = await post(c.base, '/api/auth/login', {
        username: unitAdmin.username,
        password: demo.password,
        realm: 'unit',
      });
      expect(login.status).toBe(200);
      const { me } = (await login.json()) as { me: { id: number; unit: { id: number }; csrfToken: string } };
      // 40 staff of the unit, each with 500 half-days of training in this year's first nine months.
      const key = parsePiiKey(PII_KEY)!;
      const staff = Array.from({ length: 40 }, (_, i) => {
        const birth = `1985${String(1 + Math.floor(i / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
        const first17 = `450102${birth}${300 + i}`;
        const idNumber = first17 + idCheckChar(first17);
        return { idNumber, name: `导入学员${i}号` };
      });
      for (const s of staff) {
        const hmac = idNumberHash(s.idNumber, key);
        await pool.query(
          `INSERT INTO accounts (kind, realm, username, password_hash, name, unit_id, id_number_enc, id_number_hmac,
                                 created_at, updated_at)
           VALUES ('professional', 'person', $1, 'x', $2, $3, $4, $1, now(), now())`,
          [hmac, s.name, me.unit.id, encryptPii(s.idNumber, key)],
        );
      }
      const year = new Date().getUTCFullYear();
      const ROWS = 20_000;
      const file = await hoursWorkbookStreamed(ROWS, (i) => {
        const s = staff[i % staff.length]!;
        const day = Math.floor(i / staff.length);
        const date = new Date(Date.UTC(year, 0, 1 + Math.floor(day / 2))).toISOString().slice(0, 10);
        const half = day % 2 ? '下午' : '上午';
        return { ...s, startDate: date, endDate: date, startHalf: half, endHalf: half, title: `专题培训${i}` };
      });
      const form = new FormData();
      form.append('file', new Blob([file]), '学员培训信息.xlsx');
      const uploaded = await fetch(`${c.base}/api/imports/hours-registration/jobs?mode=all&declared=true`, {
        method: 'POST',
        headers: { cookie: cookieOf(login), 'x-csrf-token': me.csrfToken },
        body: form,
      });
      expect(uploaded.status, await uploaded.clone().text()).toBe(202);
      const jobId = ((await uploaded.json()) as { id: number }).id;
      const job = async () =>
        (
          await pool.query<{ status: string; rows_processed: number; imported_rows: number; resumes: number }>(
            'SELECT status, rows_processed, imported_rows, resumes FROM import_jobs WHERE id = $1',
            [jobId],
          )
        ).rows[0]!;
      await waitUntil(async () => (await job()).rows_processed > 0, 60_000);
      expect((await job()).status).toMatch(/^(validating|writing)$/);
      c.server.child.kill('SIGKILL');
      await c.server.exited;

      // A or B finds the heartbeat stopped (IMPORT_STALE_SECONDS) and runs the job again from its file.
      await waitUntil(async () => (await job()).status === 'done', 120_000).catch(async (e: unknown) => {
        const tail = (x: { server: ServerProcess }) => x.server.output().split('\n').slice(-15).join('\n');
        const errors = await pool.query(
          'SELECT row_number, problems FROM import_job_errors WHERE job_id = $1 LIMIT 3',
          [jobId],
        );
        throw new Error(
          `${String(e)}: ${JSON.stringify(await job())} ${JSON.stringify(errors.rows)}\nA:\n${tail(a)}\nB:\n${tail(b)}`,
        );
      });
      expect(await job()).toMatchObject({ imported_rows: ROWS, resumes: 1 });
      const written = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM hour_records r JOIN accounts a ON a.id = r.account_id
          WHERE a.name LIKE '导入学员%' AND a.unit_id = $1`,
        [me.unit.id],
      );
      expect(written.rows[0]!.n).toBe(ROWS);
      const audit = await pool.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE target_type = 'import_job' AND target_id = $1 ORDER BY id`,
        [String(jobId)],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['imports.resume', 'imports.hours-registration']);
    }, 300_000);

    it.skipIf(nginxMissing !== null)(
      `behind nginx, a journey goes on when one instance is killed part-way, with no write lost or doubled${nginxMissing ? ` (skipped: ${nginxMissing})` : ''}`,
      async () => {
        const base = nginx!.base;
        const who = demo.logins.filter((l) => l.realm === 'person')[1]!;
        const json = { 'content-type': 'application/json' };
        const body = JSON.stringify({ username: who.username, password: demo.password, realm: 'person' });
        const since = (await pool.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
        const login = async () => {
          const res = await request(`${base}/api/auth/login`, { method: 'POST', headers: json, body });
          expect(res.status, res.body.toString()).toBe(200);
          const cookie = String(res.headers['set-cookie']![0]).split(';')[0]!;
          return { cookie, me: JSON.parse(res.body.toString()).me as { id: number } };
        };
        const first = await login();
        const reads = async (n: number) => {
          for (let i = 0; i < n; i++) {
            const res = await request(`${base}/api/me`, { headers: { cookie: first.cookie } });
            expect(res.status).toBe(200);
            expect(JSON.parse(res.body.toString()).id).toBe(first.me.id);
          }
        };
        await reads(6);
        await login();

        // Instance A dies without warning (no shutdown): its connections are refused from now on.
        a.server.child.kill('SIGKILL');
        await a.server.exited;

        // Reads go on (a refused connection is retried on B), and so do writes: a request nginx could not
        // deliver to A was never sent, so it goes to B once.
        await reads(6);
        for (let i = 0; i < 3; i++) await login();
        // nginx did meet the dead instance, and retried on the other one.
        expect(fs.readFileSync(path.join(nginx!.dir, 'error.log'), 'utf8')).toMatch(
          /connect\(\) failed \(111: Connection refused\)/,
        );
        const logins = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log
            WHERE action = 'auth.login' AND result = 'ok' AND target_id = $1 AND at >= $2`,
          [String(first.me.id), since],
        );
        expect(logins.rows[0]!.n).toBe(5);
        const sessions = await pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM sessions WHERE account_id = $1 AND created_at >= $2',
          [first.me.id, since],
        );
        expect(sessions.rows[0]!.n).toBe(5);
      },
      60_000,
    );
  },
);

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`not done within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
