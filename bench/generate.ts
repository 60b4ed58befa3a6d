/**
 * Fills a fresh PostgreSQL database with a province: 14 cities, units with departments, unit
 * accounts and admins, professionals with valid ID numbers, hour records over three years
 * (statuses mixed, ~10% 待初审 at the units' review) and public-subject credits.
 *
 *   cd server && npx tsx ../bench/generate.ts --scale 0.01            # 200 units, 20,000 people, 200,000 records
 *   cd server && npx tsx ../bench/generate.ts                         # the whole province
 *                                                                     # (20,000 / 2,000,000 / 20,000,000)
 *   cd server && npx tsx ../bench/generate.ts --db ptce_bench_i4 --units 2000 --people 200000 --records 1000000
 *
 * Options: --scale S, --units N, --people N, --records N, --db NAME (default ptce_bench),
 * --admin-url URL (default postgres://postgres@127.0.0.1:5432/postgres; TEST_DATABASE_URL if set).
 * The database is dropped and created again. Rows are made on the server with INSERT … SELECT over
 * generate_series (no COPY client is installed); the app's migrator and reference seed come first.
 * Every account's password is Bench2026. Phase timings are printed and kept in app_settings
 * ('bench.generate') for bench/run.ts to report.
 *
 * ID and phone numbers are stored as the app stores them (server/src/db/pii.ts): AES-256-GCM
 * ciphertext in id_number_enc / phone_enc, the HMAC look-up hash in id_number_hmac, and the hash as
 * the username of everyone who logs in with an ID number. The key is bench/pii-key.ts's (PII_KEY
 * overrides it); bench/run.ts starts the app with the same key. The SQL makes the rows with their
 * plaintext numbers in a temporary table only; Node encrypts them on the way into accounts.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../server/src/auth/passwords';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { ensureLearningData } from '../server/src/db/seed/learning-data';
import { ensureReferenceData } from '../server/src/db/seed/reference-data';
import { INDUSTRIES } from '../server/src/db/seed/reference/industries';
import { GUANGXI_REGIONS } from '../server/src/db/seed/reference/regions';
import { creditCodeCheckChar, validateCreditCode } from '../server/src/domain/credit-code';
import { decryptPii, encryptPii, idNumberHash, phoneHash } from '../server/src/db/pii';
import { validateIdNumber } from '../server/src/domain/id-number';
import { useBenchPiiKey } from './pii-key';

export const BENCH_PASSWORD = 'Bench2026';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    units: { type: 'string' },
    people: { type: 'string' },
    records: { type: 'string' },
    db: { type: 'string', default: 'ptce_bench' },
    'admin-url': {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const scale = Number(args.scale);
if (!(scale > 0)) throw new Error('--scale must be a positive number');
const UNITS = Math.max(14, Math.round(Number(args.units ?? 20_000 * scale)));
const PEOPLE = Math.max(100, Math.round(Number(args.people ?? 2_000_000 * scale)));
const RECORDS = Math.max(100, Math.round(Number(args.records ?? 20_000_000 * scale)));
const DB = args.db!;
if (!/^[a-z_][a-z0-9_]*$/.test(DB)) throw new Error('--db must be a plain lower-case identifier');
const adminUrl = args['admin-url']!;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();

const phases: Array<{ phase: string; rows: number; ms: number }> = [];
async function phase<T>(name: string, fn: () => Promise<T>, rows: (r: T) => number = () => 0): Promise<T> {
  const started = performance.now();
  process.stdout.write(`${name.padEnd(44)} `);
  const r = await fn();
  const ms = performance.now() - started;
  phases.push({ phase: name, rows: rows(r), ms: Math.round(ms) });
  console.log(`${(ms / 1000).toFixed(1).padStart(8)} s  ${rows(r) ? rows(r).toLocaleString('en-US') + ' rows' : ''}`);
  return r;
}

// Names: surnames weighted roughly as in Guangxi, given names of both genders.
const SURNAMES = [
  '黄',
  '黄',
  '黄',
  '李',
  '李',
  '陈',
  '陈',
  '韦',
  '韦',
  '梁',
  '刘',
  '莫',
  '覃',
  '林',
  '张',
  '罗',
  '王',
  '蒙',
  '陆',
  '廖',
  '杨',
  '周',
  '吴',
  '邓',
  '何',
  '蓝',
  '黎',
  '谢',
  '苏',
  '卢',
  '赵',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '潘',
  '钟',
  '唐',
];
const GIVEN = [
  '伟',
  '芳',
  '强',
  '敏',
  '勇',
  '静',
  '军',
  '丽',
  '磊',
  '艳',
  '建华',
  '秀英',
  '志强',
  '海燕',
  '国平',
  '丽娟',
  '海涛',
  '美玲',
  '俊杰',
  '春梅',
  '文斌',
  '玉兰',
  '明辉',
  '桂芳',
  '永康',
  '慧敏',
  '振宇',
  '思琪',
  '立新',
  '雅婷',
  '宏伟',
  '晓玲',
  '学军',
  '红梅',
  '冠宇',
  '凤英',
  '嘉诚',
  '雪梅',
  '东升',
  '秋菊',
];
const UNIT_KINDS: Array<[suffix: string, type: string, industry: string]> = [
  ['人民医院', 'institution', 'Q'],
  ['中医医院', 'institution', 'Q'],
  ['妇幼保健院', 'institution', 'Q'],
  ['疾病预防控制中心', 'institution', 'Q'],
  ['第一中学', 'institution', 'P'],
  ['实验小学', 'institution', 'P'],
  ['职业技术学校', 'institution', 'P'],
  ['建筑设计研究院有限公司', 'enterprise', 'M'],
  ['建设工程集团有限公司', 'enterprise', 'E'],
  ['交通规划勘察设计院', 'enterprise', 'M'],
  ['农业技术推广站', 'institution', 'A'],
  ['林业局林场', 'institution', 'A'],
  ['水利电力勘测设计院', 'enterprise', 'N'],
  ['制药有限责任公司', 'enterprise', 'C'],
  ['机械制造有限公司', 'enterprise', 'C'],
  ['信息技术有限公司', 'enterprise', 'I'],
  ['农村商业银行', 'enterprise', 'J'],
  ['广播电视台', 'institution', 'R'],
  ['自然资源局', 'government', 'S'],
  ['气象局', 'government', 'M'],
];
const DEPARTMENTS = ['办公室', '业务一部', '业务二部', '技术部', '质量管理部'];
const TITLES = [
  '医院感染预防与控制专题培训班',
  '新版临床诊疗指南解读',
  '建设工程质量安全管理培训',
  'BIM技术应用研修班',
  '中小学教师信息技术应用能力提升培训',
  '现代农业实用技术培训',
  '财务会计继续教育',
  '安全生产管理人员培训',
  '学术年会',
  '专业技术讲座',
];

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 统一社会信用代码 for unit i: registration authority + county code + a 9-character organization code derived from i. */
function creditCodeOf(i: number, kind: string, county: string): string {
  let n = i * 7919 + 104729;
  let org = '';
  for (let k = 0; k < 9; k++) {
    org = CHARSET[n % 31] + org;
    n = Math.floor(n / 31);
  }
  const first17 = `${kind === 'enterprise' ? '91' : kind === 'government' ? '11' : '12'}${county}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

async function main() {
  console.log(
    `PTCE bench data → ${DB}: ${UNITS.toLocaleString('en-US')} units, ${PEOPLE.toLocaleString('en-US')} professionals, ${RECORDS.toLocaleString('en-US')} hour records`,
  );
  const started = performance.now();

  await phase('create database', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();
  });
  await phase('migrate + reference and course seed', async () => {
    const database = await openPostgres(dbUrl, 2);
    await migrate(database);
    await ensureReferenceData(database.db);
    await ensureLearningData(database.db);
    await database.close();
  });

  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET work_mem = '256MB'`);
  await c.query(`SET maintenance_work_mem = '512MB'`);
  // Bulk load: rows are consistent by construction, so the per-row foreign-key triggers are skipped
  // (superuser setting); a check at the end proves no reference dangles.
  await c.query(`SET session_replication_role = replica`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  useBenchPiiKey();
  // Accounts with ID or phone numbers are first made here, in plaintext, by the SQL below; moveEncrypted
  // then writes them into accounts as the app stores them (the temporary table goes with the session).
  await c.query(`CREATE TEMP TABLE pii_src (LIKE accounts INCLUDING DEFAULTS)`);
  await c.query(`ALTER TABLE pii_src DROP COLUMN id, ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`);
  const { rows: colRows } = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'accounts'
       AND column_name NOT IN ('id', 'username', 'id_number', 'phone', 'id_number_enc', 'id_number_hmac', 'phone_enc', 'phone_hmac') ORDER BY ordinal_position`,
  );
  const copied = colRows.map((r) => `"${r.column_name}"`);
  /**
   * Moves pii_src into accounts in seq order: ID number → ciphertext + hash (also the username),
   * phone → ciphertext + look-up hash (without the hash the app's start-up would hash every phone itself).
   */
  const moveEncrypted = async (): Promise<number> => {
    let last = 0;
    let moved = 0;
    for (;;) {
      const { rows } = await c.query<{ seq: string; id_number: string; phone: string | null }>(
        `SELECT seq, id_number, phone FROM pii_src WHERE seq > $1 ORDER BY seq LIMIT 10000`,
        [last],
      );
      if (rows.length === 0) break;
      const hashes = rows.map((r) => idNumberHash(r.id_number));
      await c.query(
        `INSERT INTO accounts (${copied.join(', ')}, username, id_number_enc, id_number_hmac, phone_enc, phone_hmac)
         SELECT ${copied.map((col) => `s.${col}`).join(', ')}, v.hmac, v.enc, v.hmac, v.phone_enc, v.phone_hmac
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(seq, enc, hmac, phone_enc, phone_hmac)
         JOIN pii_src s ON s.seq = v.seq
         ORDER BY v.seq`,
        [
          rows.map((r) => r.seq),
          rows.map((r) => encryptPii(r.id_number)),
          hashes,
          rows.map((r) => (r.phone === null ? null : encryptPii(r.phone))),
          rows.map((r) => (r.phone === null ? null : phoneHash(r.phone))),
        ],
      );
      last = Number(rows[rows.length - 1]!.seq);
      moved += rows.length;
    }
    await c.query(`TRUNCATE pii_src`);
    return moved;
  };
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const counties = GUANGXI_REGIONS.filter((r) => r.level === 'county');

  await c.query(`
    CREATE FUNCTION pg_temp.id_check(b text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT substr('10X98765432', 1 + ((
        substr(b,1,1)::int*7 + substr(b,2,1)::int*9 + substr(b,3,1)::int*10 + substr(b,4,1)::int*5 + substr(b,5,1)::int*8 +
        substr(b,6,1)::int*4 + substr(b,7,1)::int*2 + substr(b,8,1)::int*1 + substr(b,9,1)::int*6 + substr(b,10,1)::int*3 +
        substr(b,11,1)::int*7 + substr(b,12,1)::int*9 + substr(b,13,1)::int*10 + substr(b,14,1)::int*5 + substr(b,15,1)::int*8 +
        substr(b,16,1)::int*4 + substr(b,17,1)::int*2) % 11), 1)
    $$`);
  await c.query(`SELECT setseed(0.2024)`);

  await phase(
    'authorities (14 city HR bureaus, 20 industry)',
    async () => {
      const cities = GUANGXI_REGIONS.filter((r) => r.level === 'city');
      await c.query(
        `INSERT INTO authorities (name, kind, region_code, industry_code, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
        [
          [
            ...cities.map((x) => `${x.name}人力资源和社会保障局`),
            ...INDUSTRIES.map((x) => `自治区${x.name}行业主管部门`),
          ],
          [...cities.map(() => 'hr'), ...INDUSTRIES.map(() => 'industry')],
          [...cities.map((x) => x.code), ...INDUSTRIES.map(() => '450000')],
          [...cities.map(() => null), ...INDUSTRIES.map((x) => x.code)],
          [...cities.map(() => new Date()), ...INDUSTRIES.map(() => new Date())],
        ],
      );
      return cities.length + INDUSTRIES.length;
    },
    (n) => n,
  );

  await phase(
    'units',
    async () => {
      const { rows: auths } = await c.query<{ id: number; industry_code: string }>(
        `SELECT id, industry_code FROM authorities WHERE kind = 'industry'`,
      );
      const authOf = new Map(auths.map((a) => [a.industry_code, a.id]));
      // Nanning and the big cities hold more units: each city's share grows with its number of counties.
      const cols: unknown[][] = [[], [], [], [], [], []];
      for (let i = 0; i < UNITS; i++) {
        const county = counties[(i * 37) % counties.length]!;
        const city = GUANGXI_REGIONS.find((r) => r.code === county.parentCode)!;
        const [suffix, type, industry] = UNIT_KINDS[i % UNIT_KINDS.length]!;
        cols[0]!.push(
          `${city.name}${county.name}${suffix}${i >= UNIT_KINDS.length * counties.length ? `（${Math.floor(i / (UNIT_KINDS.length * counties.length)) + 1}）` : ''}`,
        );
        cols[1]!.push(creditCodeOf(i, type, county.code));
        cols[2]!.push(county.code);
        cols[3]!.push(industry);
        cols[4]!.push(authOf.get(industry) ?? null);
        cols[5]!.push(type);
      }
      for (let k = 0; k < UNITS; k += 5000) {
        await c.query(
          `INSERT INTO units (name, credit_code, region_code, industry_code, supervising_authority_id, unit_type, created_at, updated_at)
         SELECT n, cc, r, ind, a, t, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS x(n, cc, r, ind, a, t)`,
          cols.map((col) => col.slice(k, k + 5000)),
        );
      }
      return UNITS;
    },
    (n) => n,
  );

  await phase(
    'departments',
    async () => {
      const r = await c.query(
        `INSERT INTO departments (unit_id, name, created_at)
       SELECT u.id, d.name, now() FROM units u CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS d(name, ord)
       WHERE d.ord <= 2 + u.id % 4 ORDER BY u.id, d.ord`,
        [DEPARTMENTS],
      );
      return r.rowCount ?? 0;
    },
    (n) => n,
  );

  await phase(
    'unit accounts, admins, operator',
    async () => {
      const a = await c.query(
        `INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, unit_id, created_at, updated_at)
       SELECT 'unit_account', 'unit', credit_code, $1, false, true, name, id, now(), now() FROM units`,
        [passwordHash],
      );
      // Admins' ID numbers: born 1950–1959, by unit index, so they never collide with each other.
      const b = await c.query(
        `INSERT INTO pii_src (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number, gender, birth_date, phone, email, unit_id, created_at, updated_at)
       SELECT 'unit_admin', 'unit', idn, $1, false, true, nm, idn, CASE WHEN seq % 2 = 1 THEN 'male' ELSE 'female' END, birth, '13800138000', 'admin@example.com', id, now(), now()
       FROM (
         SELECT u.id, b17 || pg_temp.id_check(b17) AS idn, birth, seq, ($2::text[])[1 + u.id % 40] || ($3::text[])[1 + (u.id / 40) % 40] AS nm
         FROM (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS k FROM units) u
         CROSS JOIN LATERAL (SELECT date '1950-01-01' + (u.k % 3650)::int AS birth, (u.k / 3650) % 1000 AS seq) x
         CROSS JOIN LATERAL (SELECT u.region_code || to_char(x.birth, 'YYYYMMDD') || lpad(x.seq::text, 3, '0') AS b17) y
       ) s`,
        [passwordHash, SURNAMES, GIVEN],
      );
      // One 二级管理员 for the first department of every tenth unit.
      const d = await c.query(
        `INSERT INTO pii_src (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number, gender, birth_date, unit_id, department_id, created_at, updated_at)
       SELECT 'unit_admin', 'unit', idn, $1, false, true, '二级管理员' || u.id, idn, 'female', birth, u.id, (SELECT min(id) FROM departments WHERE unit_id = u.id), now(), now()
       FROM (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE id % 10 = 0) u
       CROSS JOIN LATERAL (SELECT date '1945-01-01' + (u.k % 1800)::int AS birth, (u.k / 1800) % 1000 AS seq) x
       CROSS JOIN LATERAL (SELECT u.region_code || to_char(x.birth, 'YYYYMMDD') || lpad(x.seq::text, 3, '0') AS b17) y
       CROSS JOIN LATERAL (SELECT y.b17 || pg_temp.id_check(y.b17) AS idn) z`,
        [passwordHash],
      );
      const moved = await moveEncrypted();
      if (moved !== (b.rowCount ?? 0) + (d.rowCount ?? 0))
        throw new Error(`moved ${moved} admins of ${(b.rowCount ?? 0) + (d.rowCount ?? 0)}`);
      // The platform operator (人社厅 / 培训中心), for the province-wide lists.
      await c.query(
        `INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, created_at, updated_at)
       VALUES ('operator', 'authority', 'operator', $1, false, true, '培训中心运营管理员', now(), now())`,
        [passwordHash],
      );
      return (a.rowCount ?? 0) + (b.rowCount ?? 0) + (d.rowCount ?? 0) + 1;
    },
    (n) => n,
  );

  await phase(
    'professionals',
    async () => {
      await c.query(
        `CREATE TEMP TABLE unit_idx AS SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id, (SELECT array_agg(d.id ORDER BY d.id) FROM departments d WHERE d.unit_id = units.id) AS depts FROM units`,
      );
      await c.query(`CREATE UNIQUE INDEX ON unit_idx (idx)`);
      // Unit sizes are skewed (index = U·r²): the largest units hold ~0.7% of everyone, like a big hospital.
      // ID numbers are unique by construction: county, birth date (1960–1999) and sequence all follow from i.
      await c.query(
        `INSERT INTO pii_src (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number, gender, birth_date, phone, email,
                             unit_id, department_id, profile_completed_at, password_changed_at, created_at, updated_at)
       SELECT 'professional', 'person', idn, $1, false, true, nm, idn, CASE WHEN seq % 2 = 1 THEN 'male' ELSE 'female' END, birth,
              '13' || lpad((i % 1000000000)::text, 9, '0'), 'p' || i || '@example.com',
              u.id, CASE WHEN i % 5 = 0 THEN NULL ELSE u.depts[1 + i % array_length(u.depts, 1)] END, now(), now(), now(), now()
       FROM (
         SELECT i, floor($2::int * power(random(), 2))::int AS uidx,
                ($3::text[])[1 + i % $5::int] AS county,
                date '1960-01-01' + ((i / $5::int) % 14600)::int AS birth,
                ((i / $5::int) / 14600) % 1000 AS seq,
                ($6::text[])[1 + i % 40] || ($7::text[])[1 + (i / 40) % 40] AS nm
         FROM generate_series(0, $4::int - 1) AS i
       ) g
       JOIN unit_idx u ON u.idx = g.uidx
       CROSS JOIN LATERAL (SELECT g.county || to_char(g.birth, 'YYYYMMDD') || lpad(g.seq::text, 3, '0') AS b17) y
       CROSS JOIN LATERAL (SELECT y.b17 || pg_temp.id_check(y.b17) AS idn) z`,
        [passwordHash, UNITS, counties.map((x) => x.code), PEOPLE, counties.length, SURNAMES, GIVEN],
      );
      return moveEncrypted();
    },
    (n) => n,
  );

  await phase(
    'hour records (3 years)',
    async () => {
      await c.query(
        `CREATE TEMP TABLE person_idx AS SELECT row_number() OVER (ORDER BY a.id) - 1 AS idx, a.id, a.name, a.unit_id, u.supervising_authority_id AS auth FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.kind = 'professional'`,
      );
      await c.query(`CREATE UNIQUE INDEX ON person_idx (idx)`);
      // Ids grow with the year, as they do in a live system. Year Y (open): 30% 待初审, 10% 待提交, 55% 通过认定,
      // 5% 不予认定; earlier years decided (92% / 6%) with 2% drafts left.
      // 5% of submissions went to the supervising authority. Dates: a past day of the year.
      const doyMax = Math.max(1, Math.floor((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000) - 2);
      const r = await c.query(
        `INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date, end_half, hours, remarks, declared_at,
                                 status, source, unit_id, review_target, authority_id, submitted_at, submitted_by, decided_at, decided_by, decided_by_name, opinion,
                                 created_by, created_at, updated_at, person_name)
       SELECT p.id, y, CASE WHEN k % 4 = 0 THEN 'academic' ELSE 'training' END, ($1::text[])[1 + k % 10], '广西继续教育协会', '南宁市',
              d, 'am', d + (k % 2), 'pm', CASE WHEN k % 2 = 0 THEN 8 ELSE 16 END, '', now(),
              st, CASE WHEN k % 20 = 0 THEN 'import' WHEN k % 7 = 0 THEN 'unit' ELSE 'self' END, p.unit_id,
              CASE WHEN st = 'draft' THEN NULL WHEN k % 20 = 1 AND p.auth IS NOT NULL THEN 'authority' ELSE 'unit' END,
              CASE WHEN st <> 'draft' AND k % 20 = 1 THEN p.auth END,
              CASE WHEN st <> 'draft' THEN now() END, CASE WHEN st <> 'draft' THEN p.id END,
              CASE WHEN st IN ('approved', 'rejected') THEN now() END, NULL, CASE WHEN st IN ('approved', 'rejected') THEN '单位管理员' END,
              CASE WHEN st = 'rejected' THEN '证明材料不全' END,
              p.id, now(), now(), p.name
       FROM (
         SELECT i, i % $3::int AS pidx, $4::int - 2 + (3 * i::bigint / $2::int)::int AS y, (i * 7 + 3) % 100 AS k, random() AS r
         FROM generate_series(0, $2::int - 1) AS i
       ) g
       JOIN person_idx p ON p.idx = g.pidx
       CROSS JOIN LATERAL (SELECT CASE WHEN g.y = $4::int
                                        THEN CASE WHEN g.r < 0.30 THEN 'pending' WHEN g.r < 0.40 THEN 'draft' WHEN g.r < 0.95 THEN 'approved' ELSE 'rejected' END
                                        ELSE CASE WHEN g.r < 0.02 THEN 'draft' WHEN g.r < 0.94 THEN 'approved' ELSE 'rejected' END END AS st,
                                   make_date(g.y, 1, 1) + (CASE WHEN g.y = $4::int THEN (g.i * 13) % $5::int ELSE (g.i * 13) % 360 END)::int AS d) s`,
        [TITLES, RECORDS, PEOPLE, year, doyMax],
      );
      return r.rowCount ?? 0;
    },
    (n) => n,
  );

  await phase(
    'public-subject credits',
    async () => {
      // The compulsory course (15) for ~75% of person-years, all electives (10) for ~55%.
      const r = await c
        .query(
          `INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
       SELECT p.id, y, kind, CASE WHEN kind = 'compulsory' THEN 15 ELSE 10 END, now(), 'bench'
       FROM person_idx p CROSS JOIN generate_series($1::int - 2, $1::int) AS y CROSS JOIN (VALUES ('compulsory'), ('elective')) AS k(kind)
       WHERE (hashint8(p.id::bigint * 10 + y) & 1023) < CASE WHEN kind = 'compulsory' THEN 768 ELSE 563 END`,
          [year],
        )
        .catch(async () =>
          // hashint8 is internal on some builds; fall back to a plain expression.
          c.query(
            `INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
         SELECT p.id, y, kind, CASE WHEN kind = 'compulsory' THEN 15 ELSE 10 END, now(), 'bench'
         FROM person_idx p CROSS JOIN generate_series($1::int - 2, $1::int) AS y CROSS JOIN (VALUES ('compulsory'), ('elective')) AS k(kind)
         WHERE ((p.id::bigint * 7919 + y * 104729) % 1024) < CASE WHEN kind = 'compulsory' THEN 768 ELSE 563 END`,
            [year],
          ),
        );
      return r.rowCount ?? 0;
    },
    (n) => n,
  );

  await c.query(`SET session_replication_role = DEFAULT`);
  await phase('VACUUM ANALYZE', async () => {
    await c.query(`VACUUM ANALYZE`);
  });

  // Prove the generated identifiers are valid by the application's own rules (a sample of each), and
  // that they are stored as the app stores them: decrypted, each ID number is valid and hashes to its
  // look-up column and username; phones decrypt and hash to their look-up column; no plaintext is left.
  await phase(
    'check ID numbers and credit codes (sample)',
    async () => {
      const { rows: ids } = await c.query<{
        username: string;
        id_number_enc: string;
        id_number_hmac: string;
        phone_enc: string | null;
        phone_hmac: string | null;
      }>(
        `SELECT username, id_number_enc, id_number_hmac, phone_enc, phone_hmac FROM accounts WHERE id_number_enc IS NOT NULL ORDER BY random() LIMIT 2000`,
      );
      if (ids.length === 0) throw new Error('no encrypted ID numbers');
      const bad = ids
        .map((r) => ({ ...r, plain: decryptPii(r.id_number_enc) }))
        .filter(
          (r) =>
            !validateIdNumber(r.plain, today).ok ||
            idNumberHash(r.plain) !== r.id_number_hmac ||
            r.username !== r.id_number_hmac ||
            (r.phone_enc !== null &&
              (!/^1\d{10}$/.test(decryptPii(r.phone_enc)) || phoneHash(decryptPii(r.phone_enc)) !== r.phone_hmac)),
        );
      if (bad.length)
        throw new Error(
          `invalid or wrongly stored ID or phone numbers: ${bad
            .slice(0, 5)
            .map((r) => r.plain)
            .join(', ')}`,
        );
      const {
        rows: [plain],
      } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM accounts WHERE id_number IS NOT NULL OR phone IS NOT NULL OR (kind IN ('professional', 'unit_admin') AND id_number_hmac IS NULL)`,
      );
      if (plain!.n) throw new Error(`${plain!.n} accounts with plaintext or without an encrypted ID number`);
      const { rows: codes } = await c.query<{ credit_code: string }>(
        `SELECT credit_code FROM units ORDER BY random() LIMIT 2000`,
      );
      const badCodes = codes.filter((r) => !validateCreditCode(r.credit_code).ok);
      if (badCodes.length)
        throw new Error(
          `invalid credit codes: ${badCodes
            .slice(0, 5)
            .map((r) => r.credit_code)
            .join(', ')}`,
        );
      const {
        rows: [dup],
      } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT id_number_hmac FROM accounts WHERE kind = 'professional' GROUP BY 1 HAVING count(*) > 1) d`,
      );
      if (dup!.n) throw new Error(`${dup!.n} duplicate ID numbers`);
      const {
        rows: [dangling],
      } = await c.query<{ n: number }>(`
      SELECT (SELECT count(*) FROM hour_records r WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.account_id))
           + (SELECT count(*) FROM hour_records r WHERE r.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit_id))
           + (SELECT count(*) FROM accounts a WHERE a.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = a.unit_id))
           + (SELECT count(*) FROM accounts a WHERE a.department_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM departments d WHERE d.id = a.department_id))
           + (SELECT count(*) FROM public_credits p WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id)) AS n`);
      if (Number(dangling!.n)) throw new Error(`${dangling!.n} dangling references`);
      return ids.length + codes.length;
    },
    (n) => n,
  );

  const { rows: stats } = await c.query(`
    SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM accounts WHERE kind = 'professional')::int AS people,
           (SELECT count(*) FROM hour_records)::int AS records, (SELECT count(*) FROM hour_records WHERE status = 'pending')::int AS pending,
           (SELECT max(n) FROM (SELECT count(*) AS n FROM accounts WHERE kind = 'professional' GROUP BY unit_id) x)::int AS largest_unit,
           pg_size_pretty(pg_database_size(current_database())) AS size`);
  const total = Math.round(performance.now() - started);
  const custom = args.units ?? args.people ?? args.records;
  const summary = {
    at: new Date().toISOString(),
    db: DB,
    scale: custom ? `custom (--units ${UNITS} --people ${PEOPLE} --records ${RECORDS})` : scale,
    units: UNITS,
    people: PEOPLE,
    records: RECORDS,
    year,
    totalMs: total,
    phases,
    stats: stats[0],
  };
  await c.query(
    `INSERT INTO app_settings (key, value) VALUES ('bench.generate', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(summary)],
  );
  await c.end();
  console.log(`total ${(total / 1000).toFixed(1)} s — ${JSON.stringify(stats[0])}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
