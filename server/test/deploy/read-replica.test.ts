import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setNow } from '../../src/clock';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { refreshStats } from '../../src/modules/stats/index';
import { buildAccount, buildProfessional, buildRecord, buildUnit, creditPublic, PASSWORD } from '../factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../helpers';

/**
 * DATABASE_READ_URL: 统计分析 and the Excel exports read from the replica, while the session, every write and
 * the audit entry of those very reads go to the primary. The "replica" is a second database holding a unit
 * and a person the primary lacks, so each answer shows where it was read.
 */
const UNIT = '只读副本验证医院';
let t: TestApp;
let operator: TestClient;

const count = async (db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)).rows[0] as { n: number }).n;

beforeAll(async () => {
  setNow('2024-10-15T10:00:00+08:00');
  t = await createTestApp({}, { readReplica: true });
  const unit = await buildUnit(t.readDb, { name: UNIT, regionCode: '450103', industryCode: 'Q' });
  const p = await buildProfessional(t.readDb, { unitId: unit.id });
  await buildRecord(t.readDb, {
    accountId: p.id,
    hours: 70,
    status: 'approved',
    unitId: unit.id,
    source: 'import',
    decidedAt: new Date('2024-06-20T10:00:00+08:00'),
  });
  await creditPublic(t.readDb, p.id, 2024, 'compulsory');
  await creditPublic(t.readDb, p.id, 2024, 'elective');
  await refreshStats(t.readDb, { full: true, year: 2024 });
  operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
});
afterAll(async () => {
  await t.close();
  resetClock();
});

describe('a read replica (DATABASE_READ_URL)', () => {
  it('answers the statistics pages, the primary knowing nothing of the unit', async () => {
    const res = await operator.get('/api/stats/units?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((u: { unitName: string; metRate: number }) => [u.unitName, u.metRate])).toEqual([
      [UNIT, 100],
    ]);
    expect(await count(t.db, sql`SELECT count(*)::int AS n FROM units WHERE name = ${UNIT}`)).toBe(0);
  });

  it('streams the exports from the replica and writes their audit entries to the primary', async () => {
    const stats = await operator.get('/api/stats/export?year=2024&table=units');
    expect(stats.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(stats.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getColumn(1).values.slice(2)).toEqual([UNIT]);

    const results = await operator.get('/api/exports/hours/results?status=approved');
    expect(results.statusCode, results.body).toBe(200);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(results.rawPayload as unknown as ArrayBuffer);
    expect(rb.worksheets[0]!.rowCount).toBe(2); // the header and the replica's one record

    const audited = sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('exports.stats', 'exports.hours.results')`;
    expect(await count(t.db, audited)).toBe(2);
    expect(await count(t.readDb, audited)).toBe(0);
  });

  it('is refused without DATABASE_URL: the embedded database has no replica', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica:5432/ptce' })).toThrow(
      /DATABASE_READ_URL: a read replica needs DATABASE_URL/,
    );
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://primary:5432/ptce',
        DATABASE_READ_URL: 'postgres://replica:5432/ptce',
      }).databaseReadUrl,
    ).toBe('postgres://replica:5432/ptce');
  });
});
