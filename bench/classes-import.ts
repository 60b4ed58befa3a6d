/**
 * 导入学员学时 of a 5,000-trainee class (issue 18's target: ≤ 5 s on PostgreSQL): a training base's filed class,
 * a real .xlsx of 5,000 rows (1,000 trainees who have accounts, 4,000 who do not and are created for their 注册),
 * uploaded through POST /api/imports/class-trainees/jobs and timed until the job is 导入成功 — reading, per-row
 * checks against the database, and the one write transaction (people, approved records with their history,
 * trainees, overlaps). In-process (app.inject), on a fresh PostgreSQL database created and dropped here.
 *
 *   cd server && npx tsx ../bench/classes-import.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres] [--trainees 5000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { runAdminSql } from './admin-sql';
import { buildApp } from '../server/src/app';
import { shanghaiYear } from '../server/src/clock';
import { loadConfig } from '../server/src/config';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { idNumberAccountColumns } from '../server/src/db/pii';
import { accounts, trainingBases, trainingFilings, units } from '../server/src/db/schema/index';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { idNumberOf } from './id-numbers';
import { BENCH_PII_KEY, useBenchPiiKey } from './pii-key';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    trainees: { type: 'string', default: '5000' },
  },
});
const adminUrl = values['admin-url']!;
const count = Number(values.trainees);
const dbName = `ptce_bench_classes_${Date.now()}`;

function multipart(data: Buffer, fileName: string) {
  const boundary = '----ptcebench' + Math.random().toString(16).slice(2);
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function main() {
  await runAdminSql(adminUrl, `CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const database = await openPostgres(url.toString(), 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bench-classes-'));
  try {
    await migrate(database);
    await ensureReferenceData(database.db);
    useBenchPiiKey();
    const db = database.db;
    const at = new Date();
    const year = shanghaiYear();
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
    const [base] = await db.select().from(trainingBases).where(eq(trainingBases.name, '广西大学'));
    const [baseAccount] = await db
      .insert(accounts)
      .values({
        kind: 'base',
        realm: 'authority',
        username: 'bench-base',
        passwordHash: 'x',
        loginEnabled: true,
        name: '广西大学继续教育基地',
        baseId: base!.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    // 1,000 trainees who already have accounts.
    const existing = Math.floor(count / 5);
    for (let from = 0; from < existing; from += 500) {
      await db.insert(accounts).values(
        Array.from({ length: Math.min(500, existing - from) }, (_, i) => ({
          kind: 'professional' as const,
          realm: 'person' as const,
          ...idNumberAccountColumns(idNumberOf(from + i)),
          passwordHash: 'x',
          loginEnabled: true,
          name: `学员${from + i}`,
          unitId: unit!.id,
          createdAt: at,
          updatedAt: at,
        })),
      );
    }
    const [filing] = await db
      .insert(trainingFilings)
      .values({
        baseId: base!.id,
        status: 'filed',
        filingNo: `桂继教备〔${year}〕0001号`,
        name: '临床护理质量与患者安全专题研修班',
        industryCode: 'Q',
        field: '护理',
        form: 'onsite',
        startDate: `${year}-03-02`,
        startHalf: 'am',
        endDate: `${year}-03-04`,
        endHalf: 'pm',
        place: '南宁市',
        plannedTrainees: count,
        hours: 24,
        organiser: '广西大学',
        enrolment: 'public',
        year,
        createdBy: baseAccount!.id,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        filedAt: at,
      })
      .returning();

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
    const s = await app.deps.sessions.create(db, baseAccount!.id, {});
    const headers = { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
    const made = await app.inject({
      method: 'POST',
      url: '/api/classes',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ filingId: filing!.id }),
    });
    if (made.statusCode !== 200) throw new Error(made.body);
    const classId = made.json().id as number;

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学员学时');
    ws.addRow(['姓名', '身份证号码', '工作单位', '实际学时', '考核结果']);
    ws.getColumn(2).numFmt = '@';
    for (let g = 0; g < count; g++)
      ws.addRow([
        `学员${g}`,
        idNumberOf(g),
        '广西医科大学第一附属医院',
        g % 50 === 0 ? 16 : 24,
        g % 97 === 0 ? '不合格' : '合格',
      ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const { payload, contentType } = multipart(file, '学员学时.xlsx');

    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/imports/class-trainees/jobs?classId=${classId}&mode=all&declared=true`,
      headers: { ...headers, 'content-type': contentType },
      payload,
    });
    if (res.statusCode !== 202) throw new Error(`${res.statusCode} ${res.body}`);
    let job = res.json() as { id: number; status: string; importedRows: number; message: string | null };
    while (job.status === 'validating' || job.status === 'writing') {
      await new Promise((r) => setTimeout(r, 20));
      job = (await app.inject({ method: 'GET', url: `/api/imports/jobs/${job.id}`, headers })).json();
    }
    const seconds = (performance.now() - t0) / 1000;
    if (job.status !== 'done') throw new Error(`job ${job.status}: ${job.message}`);
    const [n] = (
      await db.execute(sql`SELECT count(*)::int AS n FROM hour_records WHERE training_class_id = ${classId}`)
    ).rows as Array<{ n: number }>;
    console.log(
      '| trainees | of them new people | file | upload → 导入成功 | approved records |\n|---:|---:|---:|---:|---:|',
    );
    console.log(
      `| ${count} | ${count - existing} | ${(file.length / 1024).toFixed(0)} KiB | ${seconds.toFixed(2)} s | ${n!.n} |`,
    );
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
