/**
 * Issue 7's targets, measured in-process on a fresh PostgreSQL database (created and dropped here):
 * certificate generation ≤ 150 ms each and ≤ 100 KB; public verification ≤ 20 ms median; the unit
 * compliance list of 10,000 staff ≤ 300 ms (issue 23: of 60,000).
 *
 *   cd server && npx tsx ../bench/certificates.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres] [--staff 10000]
 *     [--keep]
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { runAdminSql } from './admin-sql';
import { buildApp } from '../server/src/app';
import { hashPassword } from '../server/src/auth/passwords';
import { loadConfig } from '../server/src/config';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { encryptPii, idNumberHash } from '../server/src/db/pii';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { idNumberOf } from './id-numbers';
import { renderCertificate } from '../server/src/modules/certificates/index';
import { refreshStats } from '../server/src/modules/stats/index';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    staff: { type: 'string', default: '10000' },
    /** Leave the database for a look afterwards (its name is printed); dropped otherwise. */
    keep: { type: 'boolean', default: false },
  },
});
const adminUrl = values['admin-url']!;
const staff = Number(values.staff);
const dbName = `ptce_bench_cert_${Date.now()}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
/**
 * Person g's ID number (valid, unique for g < 10,000,000): Nanning's Qingxiu district, a birth date from 1965 on,
 * a sequence number.
 */
const admin = (statement: string) => runAdminSql(adminUrl, statement);

async function main() {
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  // Loading 60,000 people's records takes longer than the app's 15-s query timeout on a busy machine.
  const database = await openPostgres(url.toString(), 10, 600_000);
  try {
    await migrate(database);
    await ensureReferenceData(database.db);
    const db = database.db;
    const year = 2024;
    const password = await hashPassword('Bench2024');
    // ID numbers are stored as the app stores them: ciphertext, look-up hash, and the hash as username.
    useBenchPiiKey();
    const people = Array.from({ length: staff }, (_, k) => idNumberOf(k + 1));
    const hashes = people.map((id) => idNumberHash(id));
    const textArray = (xs: string[]) => `{${xs.join(',')}}`;
    // One unit with `staff` professionals, each with approved hours and public credits (達标 for most).
    await db.execute(sql`INSERT INTO units (name, credit_code, region_code, unit_type, created_at, updated_at)
    VALUES ('基准测试单位', '91450103MA5BENCH01', '450103', 'enterprise', now(), now())`);
    // Phone and e-mail given (the profile is complete), as the app requires before anything else.
    const phones = people.map((_, k) => encryptPii(`138${String(k).padStart(8, '0')}`));
    await db.execute(sql`INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number_enc, id_number_hmac, phone_enc, email, profile_completed_at, unit_id, created_at, updated_at)
    SELECT 'professional', 'person', h, ${password}, false, true, '人员' || g, e, h, p, 'p' || g || '@example.com', now(), 1, now(), now()
    FROM unnest(${textArray(people.map((id) => encryptPii(id)))}::text[], ${textArray(hashes)}::text[], ${textArray(phones)}::text[]) WITH ORDINALITY AS x(e, h, p, g) ORDER BY g`);
    await db.execute(sql`INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, phone_enc, email, profile_completed_at, unit_id, created_at, updated_at)
    VALUES ('unit_admin', 'unit', 'bench-admin', ${password}, false, true, '基准管理员', ${encryptPii('13800138000')}, 'admin@example.com', now(), 1, now(), now())`);
    await db.execute(sql`INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date, end_half, hours, remarks, declared_at, status, source, unit_id, review_target, created_by, created_at, updated_at)
    SELECT a.id, ${year}, 'training', '专业技术培训', '主办单位', '南宁市', '2024-05-06', 'am', '2024-05-07', 'pm', 16 + (a.id % 3) * 8, '', now(),
           CASE WHEN a.id % 10 = 0 THEN 'pending' ELSE 'approved' END, 'self', 1, 'unit', a.id, now(), now()
    FROM accounts a, generate_series(1, 4) r WHERE a.kind = 'professional'`);
    await db.execute(sql`INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
    SELECT id, ${year}, k, CASE WHEN k = 'compulsory' THEN 15 ELSE 10 END, now(), 'bench' FROM accounts, unnest(ARRAY['compulsory','elective']) k WHERE kind = 'professional'`);
    await db.execute(sql`ANALYZE`);

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-cert-'));
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
    const loginAs = async (username: string, realm: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Bench2024', realm },
      });
      return {
        cookie: `ptce_sid=${res.cookies.find((c) => c.name === 'ptce_sid')!.value}`,
        csrf: res.json().me.csrfToken as string,
      };
    };

    // 1. Certificate rendering alone, then the whole generation through the API (render + store + insert).
    const snapshot = {
      title: '专业技术人员继续教育合格证书',
      name: '刘晓玲',
      idNumberMasked: '451226********4365',
      unitName: '南宁市第一人民医院',
      year,
      compulsoryHours: 15,
      electiveHours: 10,
      professionalHours: 65,
      totalHours: 90,
      issuer: '广西壮族自治区人力资源和社会保障厅',
      issuedOn: '2024-11-27',
      serial: '2024JX00000001',
      verifyUrl: 'https://ptce.example.cn/verify/abcdefghijklmnopqrst',
    };
    await renderCertificate('ce', snapshot); // font load, once per process
    const renderMs: number[] = [];
    let size = 0;
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const pdf = await renderCertificate('ce', { ...snapshot, serial: `2024JX${String(i).padStart(8, '0')}` });
      renderMs.push(performance.now() - t0);
      size = Math.max(size, pdf.length);
    }
    const issueMs: number[] = [];
    const codes: string[] = [];
    for (let i = 1; issueMs.length < 30; i++) {
      if (i % 3 === 0 || i % 10 === 0) continue; // 64 hours, or a record still pending: not 达标
      const s = await loginAs(idNumberOf(i), 'person');
      const t0 = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/certificates',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { kind: 'ce', year },
      });
      issueMs.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
      codes.push(res.json().verifyUrl.split('/').pop());
    }

    // 2. Public verification.
    const verifyMs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/verify/${codes[i % codes.length]}` });
      verifyMs.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`verify failed: ${res.statusCode}`);
    }

    // 3. The unit compliance list of `staff` people (first page; 达标 and the summary run over all of them): before
    // the statistics have computed the year (every record summed), with the statistics' kept years (refreshed every
    // minute in production), and with 1 % of the staff changed since the last refresh (their records summed).
    const a = await loginAs('bench-admin', 'unit');
    const list = async (rounds: number) => {
      const ms: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: `/api/compliance/unit?year=${year}&page=1&pageSize=20`,
          headers: { cookie: a.cookie },
        });
        ms.push(performance.now() - t0);
        if (res.statusCode !== 200 || res.json().summary.people !== staff)
          throw new Error(`list failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return ms;
    };
    const liveMs = await list(5);
    const r0 = performance.now();
    await refreshStats(db, { year, full: true });
    const refreshMs = performance.now() - r0;
    const keptMs = await list(15);
    await db.execute(sql`UPDATE hour_records SET remarks = remarks
      WHERE account_id IN (SELECT id FROM accounts WHERE kind = 'professional' ORDER BY id LIMIT ${Math.ceil(staff / 100)})`);
    const markedMs = await list(15);
    await app.close();
    const f = (n: number) => n.toFixed(1);
    const lines = [
      `certificate render: median ${f(median(renderMs))} ms, p95 ${f(p95(renderMs))} ms, largest ${(size / 1024).toFixed(1)} KB (target ≤ 150 ms, ≤ 100 KB)`,
      `certificate generation via API (render + store + insert): median ${f(median(issueMs))} ms, p95 ${f(p95(issueMs))} ms`,
      `verification GET /api/verify/:code: median ${f(median(verifyMs))} ms, p95 ${f(p95(verifyMs))} ms (target ≤ 20 ms median)`,
      `unit compliance list, ${staff} staff, every record summed: median ${f(median(liveMs))} ms, p95 ${f(p95(liveMs))} ms`,
      `statistics' full refresh of the year: ${f(refreshMs)} ms`,
      `unit compliance list, ${staff} staff, kept years: median ${f(median(keptMs))} ms, p95 ${f(p95(keptMs))} ms (target ≤ 300 ms)`,
      `unit compliance list, ${staff} staff, 1 % changed since the refresh: median ${f(median(markedMs))} ms, p95 ${f(p95(markedMs))} ms (target ≤ 300 ms)`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await database.close();
    if (values.keep) console.log(`database kept: ${dbName}`);
    else await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
