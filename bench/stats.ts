/**
 * 统计分析 at province size: the full refresh of a year's aggregates, an incremental refresh after 1,000 people's
 * hours change, the dashboard's answers per scope (province, a city HR bureau, an industry authority) and per
 * drill-down step (a unit's league table, the largest unit's people, a person's year), and 达标情况 over the same
 * scopes, each the median of 7 runs of the same service functions the routes call, on PostgreSQL. Targets: ≤ 1 s
 * province, ≤ 300 ms a drill-down or a list page.
 *
 *   cd server && npx tsx ../bench/generate.ts --scale 0.1 --db ptce_bench_stats   # once
 *   cd server && npx tsx ../bench/stats.ts --db ptce_bench_stats
 *   cd server && npx tsx ../bench/stats.ts --db ptce_bench_stats --compliance-only   # 达标情况 alone, year computed
 *
 * Results are appended to bench/RESULTS-stats.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Actor } from '../server/src/auth/actor';
import { openPostgres } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { useBenchPiiKey } from './pii-key';
import { fileURLToPath } from 'node:url';
import { refreshStats } from '../server/src/modules/stats/refresh-stats';
import { statsOverview } from '../server/src/modules/stats/overview';
import { unitLeague } from '../server/src/modules/stats/unit-league';
import { unitPeople } from '../server/src/modules/stats/unit-people';
import { personYear } from '../server/src/modules/stats/person-year';
import { unitCompliancePage } from '../server/src/modules/compliance/index';
import { ComplianceListQuery } from '@ptce/contracts';
import { setNow } from '../server/src/clock';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'ptce_bench_stats' },
    'admin-url': {
      type: 'string',
      default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    year: { type: 'string' },
    /** Only 达标情况, on a year the statistics computed before (no refresh, no dashboards). */
    'compliance-only': { type: 'boolean', default: false },
  },
});
useBenchPiiKey();
const __dirname_of_bench = path.dirname(fileURLToPath(import.meta.url));
const url = new URL(args['admin-url']!);
url.pathname = `/${args.db}`;

async function main() {
  const database = await openPostgres(url.toString(), 4, 600_000);
  const db = database.db;
  await migrate(database);
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as T;
  const size = await one<{ people: number; records: number; units: number }>(sql`
  SELECT (SELECT count(*) FROM accounts WHERE kind = 'professional')::int AS people,
         (SELECT count(*) FROM hour_records)::int AS records, (SELECT count(*) FROM units)::int AS units`);
  const year = Number(args.year ?? (await one<{ y: number }>(sql`SELECT max(year)::int AS y FROM hour_records`)).y);
  // The generator's records end with the current year; "today" is mid-year so every plan year is open.
  setNow(`${year}-11-15T10:00:00+08:00`);

  const actor = (over: Partial<Actor>): Actor => ({
    id: 1,
    kind: 'operator',
    name: 'bench',
    roles: ['operator'],
    scope: 'province',
    unitId: null,
    departmentId: null,
    departmentScopeIds: null,
    authorityId: null,
    baseId: null,
    regionCode: null,
    industryCode: null,
    mustChangePassword: false,
    profileComplete: true,
    sessionId: 'bench',
    csrfToken: 'bench',
    ...over,
  });
  const operator = actor({});
  const nanning = actor({ kind: 'hr_bureau', roles: ['hr_bureau'], scope: 'region', regionCode: '450100' });
  const authority = await one<{ id: number; industry_code: string | null }>(
    sql`SELECT id, industry_code FROM authorities WHERE kind = 'industry' ORDER BY id LIMIT 1`,
  );
  const industry = actor({
    kind: 'authority',
    roles: ['authority'],
    scope: 'industry',
    authorityId: authority.id,
    industryCode: authority.industry_code,
  });

  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const median = async (fn: () => Promise<unknown>, runs = 7) => {
    await fn(); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push(await timed(fn));
    ms.sort((a, b) => a - b);
    return Math.round(ms[Math.floor(runs / 2)]!);
  };

  const lines: string[] = [];
  const log = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  log(
    `\n## ${new Date().toISOString().slice(0, 16)}Z — ${args.db}: ${size.units.toLocaleString('en-US')} units, ${size.people.toLocaleString('en-US')} professionals, ${size.records.toLocaleString('en-US')} hour records; year ${year}\n`,
  );
  log(`Load average at the start: ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores).\n`);
  log('| measurement | time | target |');
  log('|---|---|---|');
  const only = args['compliance-only'];
  if (!only) {
    const fullMs = await timed(() => refreshStats(db, { full: true, year }));
    log(`| full refresh of the year (every person, every unit) | ${(fullMs / 1000).toFixed(1)} s | job, once a day |`);
  }
  // 1,000 people's hours change: one approved record each.
  await db.execute(sql`UPDATE hour_records SET hours = hours WHERE id IN (
  SELECT min(id) FROM hour_records WHERE year = ${year} AND status = 'approved' GROUP BY account_id LIMIT 1000)`);
  const incMs = await timed(() => refreshStats(db, { year }));
  log(`| incremental refresh after 1,000 people's hours changed | ${Math.round(incMs)} ms | job, every minute |`);

  const ctx = (a: Actor) => ({ db, actor: a });
  const big = await one<{ unit_id: number }>(
    sql`SELECT unit_id FROM stats_unit_year WHERE year = ${year} ORDER BY people DESC LIMIT 1`,
  );
  const nnUnit = await one<{ unit_id: number }>(sql`
  SELECT s.unit_id FROM stats_unit_year s JOIN units u ON u.id = s.unit_id
  WHERE s.year = ${year} AND u.region_code LIKE '4501%' ORDER BY s.people DESC LIMIT 1`);
  const someone = await one<{ account_id: number }>(
    sql`SELECT account_id FROM stats_person_year WHERE year = ${year} AND unit_id = ${big.unit_id} LIMIT 1`,
  );
  const page = { page: 1, pageSize: 20 };
  const rows: Array<[string, () => Promise<unknown>, string]> = [
    [
      'province overview (cards, map, industries, sources, bands, months) — operator',
      () => statsOverview(ctx(operator), { year }),
      '≤ 1 s',
    ],
    ['province unit league, first page — operator', () => unitLeague(ctx(operator), { year, ...page }), '≤ 1 s'],
    ['city overview (南宁市 → counties) — 市人社局', () => statsOverview(ctx(nanning), { year }), '≤ 300 ms'],
    [
      'county drill-down (青秀区) — 市人社局',
      () => statsOverview(ctx(nanning), { year, region: '450103' }),
      '≤ 300 ms',
    ],
    ['city unit league — 市人社局', () => unitLeague(ctx(nanning), { year, ...page }), '≤ 300 ms'],
    ['industry overview — 行业主管部门', () => statsOverview(ctx(industry), { year }), '≤ 1 s'],
    [
      `the largest unit's people, first page (unit ${big.unit_id}) — operator`,
      () => unitPeople(ctx(operator), big.unit_id, { year, ...page }),
      '≤ 300 ms',
    ],
    [
      `a Nanning unit's people (unit ${nnUnit.unit_id}) — 市人社局`,
      () => unitPeople(ctx(nanning), nnUnit.unit_id, { year, ...page }),
      '≤ 300 ms',
    ],
    ["a person's year — operator", () => personYear(ctx(operator), someone.account_id, year), '≤ 300 ms'],
  ];
  // 达标情况 over the same scopes (modules/compliance/wide-compliance.ts): people in name order, each one's year from
  // the kept rows just computed; then again with 1,000 people changed since, whose years are summed live.
  const compliance =
    (a: Actor, over: Record<string, unknown> = {}) =>
    () =>
      unitCompliancePage(ctx(a), ComplianceListQuery.parse({ year, ...page, ...over }));
  if (only) rows.length = 0;
  rows.push(
    ['达标情况, first page by name — operator (province)', compliance(operator), '≤ 300 ms'],
    ['达标情况, 未达标 only — operator', compliance(operator, { met: 'false' }), '≤ 300 ms'],
    ['达标情况, 已达标 only — operator', compliance(operator, { met: 'true' }), '≤ 300 ms'],
    ['达标情况, page 50 (rows 981–1,000) — operator', compliance(operator, { page: 50 }), '≤ 300 ms'],
    ['达标情况, name search 黄 — operator', compliance(operator, { q: '黄' }), '≤ 300 ms'],
    ['达标情况, first page — 南宁市人社局 (region)', compliance(nanning), '≤ 300 ms'],
    ['达标情况, first page — 行业主管部门 (industry)', compliance(industry), '≤ 300 ms'],
  );
  for (const [name, fn, target] of rows) log(`| ${name} | ${await median(fn)} ms | ${target} |`);
  await db.execute(sql`UPDATE hour_records SET hours = hours WHERE id IN (
  SELECT min(id) FROM hour_records WHERE year = ${year} AND status = 'approved' GROUP BY account_id LIMIT 1000)`);
  const dirty = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM stats_dirty WHERE year = ${year}`);
  log(
    `| 达标情况, first page — operator, with ${dirty.n.toLocaleString('en-US')} people changed since the refresh | ${await median(compliance(operator))} ms | ≤ 300 ms |`,
  );
  log(
    `| 达标情况, 未达标 only — operator, same | ${await median(compliance(operator, { met: 'false' }))} ms | ≤ 300 ms |`,
  );
  log(
    '\nMedian of 7 runs after one warm-up, service functions called directly (no HTTP), PostgreSQL 15 on this 2-core machine.',
  );
  fs.appendFileSync(path.join(__dirname_of_bench, 'RESULTS-stats.md'), lines.join('\n') + '\n');
  await database.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
