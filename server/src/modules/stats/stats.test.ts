import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { accounts, hourRecords } from '../../db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { complianceFor } from '../compliance/index';
import { refreshStats, sliceEnd } from './refresh-stats';

const NOW = '2024-10-15T10:00:00+08:00';
setNow(NOW);
let t: TestApp;
let operator: TestClient, nnrsj: TestClient, lzrsj: TestClient, wmrsj: TestClient, gxwjw: TestClient;
const ids = {} as Record<'a' | 'b' | 'c' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6', number>;

/** A professional with approved professional hours and both public credits (25). */
async function person(unitId: number, professional: number, pub = true) {
  const p = await buildProfessional(t.db, { unitId });
  if (professional > 0)
    await buildRecord(t.db, {
      accountId: p.id,
      hours: professional,
      status: 'approved',
      unitId,
      source: 'import',
      decidedAt: new Date('2024-06-20T10:00:00+08:00'),
    });
  if (pub) {
    await creditPublic(t.db, p.id, 2024, 'compulsory');
    await creditPublic(t.db, p.id, 2024, 'elective');
  }
  return p;
}

beforeAll(async () => {
  t = await createTestApp();
  const health = await buildAuthority(t.db, { name: '统计测试卫健委', industryCode: 'Q' });
  const nanning = await buildAuthority(t.db, { name: '统计测试南宁人社局', kind: 'hr', regionCode: '450100' });
  const liuzhou = await buildAuthority(t.db, { name: '统计测试柳州人社局', kind: 'hr', regionCode: '450200' });
  const wuming = await buildAuthority(t.db, { name: '统计测试武鸣区人社局', kind: 'hr', regionCode: '450110' });
  // A: a Nanning hospital (青秀区), B: a Wuming school, C: a Liuzhou hospital.
  const a = await buildUnit(t.db, { name: '统计甲医院', regionCode: '450103', industryCode: 'Q' });
  const b = await buildUnit(t.db, { name: '统计乙学校', regionCode: '450110', industryCode: 'P' });
  const c = await buildUnit(t.db, { name: '统计丙医院', regionCode: '450202', industryCode: 'Q' });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  ids.p1 = (await person(a.id, 65)).id; // 90: 达标
  ids.p2 = (await person(a.id, 64)).id; // 89: just short
  const p3 = await person(a.id, 0, false); // nothing, one record waiting 40 days
  ids.p3 = p3.id;
  await buildRecord(t.db, {
    accountId: p3.id,
    hours: 8,
    status: 'pending',
    unitId: a.id,
    submittedAt: new Date('2024-09-05T10:00:00+08:00'),
  });
  ids.p4 = (await person(b.id, 70)).id;
  ids.p5 = (await person(c.id, 65)).id;
  ids.p6 = (await person(c.id, 0, false)).id;
  const login = async (kind: 'hr_bureau' | 'authority', authorityId: number) =>
    loggedIn(t, (await buildAccount(t.db, { kind, authorityId })).username, PASSWORD, 'authority');
  operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
  nnrsj = await login('hr_bureau', nanning.id);
  lzrsj = await login('hr_bureau', liuzhou.id);
  wmrsj = await login('hr_bureau', wuming.id);
  gxwjw = await login('authority', health.id);
});
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

const overview = async (c: TestClient, query = '') => {
  const res = await c.get(`/api/stats/overview?year=2024${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('统计分析 in the caller’s scope', () => {
  it('the operator sees the province: cities on the map, every person counted', async () => {
    const o = await overview(operator);
    expect(o.totals).toMatchObject({ people: 6, met: 3, metRate: 50, compulsoryDone: 4, pending: 1, pendingOld: 1 });
    expect(o.region).toBeNull();
    expect(o.childLevel).toBe('city');
    expect(o.areas.map((r: { name: string; people: number }) => [r.name, r.people])).toEqual([
      ['南宁市', 4],
      ['柳州市', 2],
    ]);
    expect(o.dataAsOf).not.toBeNull();
  });

  it('a city HR bureau sees its counties only, and a region outside it narrows to nothing', async () => {
    const o = await overview(nnrsj);
    expect(o.region).toMatchObject({ code: '450100', name: '南宁市' });
    expect(o.totals).toMatchObject({ people: 4, met: 2, metRate: 50, pendingOld: 1 });
    expect(o.areas.map((r: { name: string; people: number }) => [r.name, r.people])).toEqual([
      ['青秀区', 3],
      ['武鸣区', 1],
    ]);
    expect((await overview(nnrsj, '&region=450200')).totals.people).toBe(0);
    expect((await overview(lzrsj)).totals).toMatchObject({ people: 2, met: 1 });
  });

  it('a county HR bureau sees its county', async () => {
    const o = await overview(wmrsj);
    expect(o.totals).toMatchObject({ people: 1, met: 1 });
    expect(o.childLevel).toBeNull();
  });

  it('an industry authority sees the units of its industry across cities', async () => {
    const o = await overview(gxwjw);
    expect(o.totals).toMatchObject({ people: 5, met: 2 });
    expect(o.industries.map((r: { code: string }) => r.code)).toEqual(['Q']);
    expect(o.areas.map((r: { name: string }) => r.name)).toEqual(['南宁市', '柳州市']);
  });

  it('counts hours by source, the distribution of hours and approvals by month', async () => {
    const o = await overview(operator);
    expect(o.sources).toEqual([{ source: 'import', label: '单位导入', hours: 65 + 64 + 70 + 65, records: 4 }]);
    const bands = Object.fromEntries(o.bands.map((b: { band: string; people: number }) => [b.band, b.people]));
    expect(bands).toEqual({ none: 2, low: 0, mid: 0, short: 1, full: 3 });
    expect(o.bands.find((b: { band: string }) => b.band === 'short').label).toBe('60–89学时（差一点）');
    expect(o.months.find((m: { month: number }) => m.month === 6).approvals).toBe(4);
    expect(o.months.find((m: { month: number }) => m.month === 10).completions).toBe(4);
    expect(o.deadlines).toEqual({ publicDeadline: '2024-12-31', professionalDeadline: '2025-03-31' });
    expect(o.months).toHaveLength(15);
  });

  it('agrees with the compliance rule person by person', async () => {
    const { rows } = await t.db.execute(sql`SELECT account_id, met FROM stats_person_year WHERE year = 2024`);
    expect(rows.length).toBe(6);
    for (const r of rows as Array<{ account_id: number; met: boolean }>)
      expect(r.met, `person ${r.account_id}`).toBe((await complianceFor(t.db, r.account_id, 2024)).met);
  });
});

describe('drill-down: region → units → people → a person’s year', () => {
  it('ranks the units worst first, in scope', async () => {
    const res = await nnrsj.get('/api/stats/units?year=2024');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((u: { unitName: string; metRate: number; pendingOld: number }) => [
          u.unitName,
          u.metRate,
          u.pendingOld,
        ]),
    ).toEqual([
      ['统计甲医院', 33.3, 1],
      ['统计乙学校', 100, 0],
    ]);
    expect(res.json().total).toBe(2);
    const g = (await gxwjw.get('/api/stats/units?year=2024')).json();
    expect(g.items.map((u: { unitName: string }) => u.unitName)).toEqual(['统计甲医院', '统计丙医院']);
  });

  it('lists a unit’s people, not 达标 first, and refuses a unit outside the scope as missing', async () => {
    const res = await nnrsj.get(`/api/stats/units/${ids.a}/people?year=2024`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { accountId: number }) => p.accountId)).toEqual([ids.p3, ids.p2, ids.p1]);
    expect(body.items[0].idNumberMasked).toMatch(/\*/);
    expect(body.items[0]).not.toHaveProperty('idNumber');
    expect(body.totals).toMatchObject({ people: 3, met: 1 });
    const out = await nnrsj.get(`/api/stats/units/${ids.c}/people?year=2024`);
    expect([out.statusCode, out.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await gxwjw.get(`/api/stats/units/${ids.b}/people?year=2024`)).statusCode).toBe(404);
    expect((await wmrsj.get(`/api/stats/units/${ids.a}/people?year=2024`)).statusCode).toBe(404);
  });

  it('shows a person’s year with the records, only in scope', async () => {
    const res = await nnrsj.get(`/api/stats/people/${ids.p3}?year=2024`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ met: false, pendingHours: 8, totalHours: 0, unitName: '统计甲医院' });
    expect(res.json().records).toHaveLength(1);
    expect((await nnrsj.get(`/api/stats/people/${ids.p5}?year=2024`)).statusCode).toBe(404);
    expect((await gxwjw.get(`/api/stats/people/${ids.p4}?year=2024`)).statusCode).toBe(404);
    expect((await gxwjw.get(`/api/stats/people/${ids.p5}?year=2024`)).statusCode).toBe(200);
  });

  it('exports every table to Excel within the scope', async () => {
    const res = await nnrsj.get('/api/stats/export?year=2024&table=units');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).toEqual(['统计甲医院', '统计乙学校']);
    for (const table of ['areas', 'industries'])
      expect((await nnrsj.get(`/api/stats/export?year=2024&table=${table}`)).statusCode).toBe(200);
    expect((await nnrsj.get(`/api/stats/export?year=2024&table=people&unitId=${ids.a}`)).statusCode).toBe(200);
    expect((await nnrsj.get(`/api/stats/export?year=2024&table=people&unitId=${ids.c}`)).statusCode).toBe(404);
    expect((await nnrsj.get(`/api/stats/export?year=2024&table=person&accountId=${ids.p1}`)).statusCode).toBe(200);
    const missing = await nnrsj.get('/api/stats/export?year=2024&table=people');
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'VALIDATION']);
    const audit = await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'exports.stats'`);
    expect((audit.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(5);
  });
});

describe('kept up to date as hours change', () => {
  it('recomputes only the people whose hours changed, and follows a transfer', async () => {
    // 89 → 90: p2 becomes 达标.
    await buildRecord(t.db, { accountId: ids.p2, hours: 1, status: 'approved', unitId: ids.a, source: 'self' });
    // p6 moves from Liuzhou to Wuming.
    await t.db.update(accounts).set({ unitId: ids.b }).where(eq(accounts.id, ids.p6));
    const before = await overview(operator);
    expect(before.totals.met).toBe(3); // not yet refreshed: the aggregates say so until the job runs
    const out = await refreshStats(t.db, { year: 2024 });
    expect(out).toEqual([expect.objectContaining({ year: 2024, mode: 'incremental', people: 2, units: 3 })]);
    expect((await overview(operator)).totals).toMatchObject({ people: 6, met: 4 });
    expect((await overview(wmrsj)).totals).toMatchObject({ people: 2, met: 1 });
    expect((await overview(lzrsj)).totals).toMatchObject({ people: 1, met: 1 });
    expect((await overview(operator)).sources.map((s: { source: string }) => s.source).sort()).toEqual([
      'import',
      'self',
    ]);
    // Deleting the hour takes it back.
    await t.db.delete(hourRecords).where(eq(hourRecords.hours, 1));
    await refreshStats(t.db, { year: 2024 });
    expect((await overview(operator)).totals.met).toBe(3);
    expect(await refreshStats(t.db, { year: 2024 })).toEqual([expect.objectContaining({ mode: 'unchanged' })]);
  });

  it('moves the units’ figures by what the changed people make, to the same tables a full refresh computes', async () => {
    await refreshStats(t.db, { year: 2024 }); // today's full refresh: what follows is incremental
    const tables = async () => {
      const out: Record<string, string[]> = {};
      for (const table of ['stats_unit_year', 'stats_unit_source', 'stats_unit_month']) {
        const res = await t.db.execute(sql`SELECT * FROM ${sql.identifier(table)} WHERE year = 2024`);
        out[table] = res.rows.map((r: unknown) => JSON.stringify(r)).sort();
      }
      return out;
    };
    // An approval in another month and from another source, a transfer, a compulsory course, a record taken back.
    await buildRecord(t.db, {
      accountId: ids.p4,
      hours: 6,
      status: 'approved',
      unitId: ids.b,
      source: 'base',
      decidedAt: new Date('2024-09-03T10:00:00+08:00'),
    });
    await t.db.update(accounts).set({ unitId: ids.c }).where(eq(accounts.id, ids.p1));
    await creditPublic(t.db, ids.p6, 2024, 'compulsory');
    await t.db.delete(hourRecords).where(eq(hourRecords.accountId, ids.p5));
    const out = await refreshStats(t.db, { year: 2024 });
    expect(out).toEqual([expect.objectContaining({ mode: 'incremental', people: 4 })]);
    const incremental = await tables();
    expect(incremental.stats_unit_source).toContainEqual(expect.stringContaining('"source":"base"'));
    expect(incremental.stats_unit_month!.some((r) => r.includes('"month":9,'))).toBe(true);
    await refreshStats(t.db, { year: 2024, full: true });
    expect(await tables()).toEqual(incremental);
    // The full refresh works in slices of units by their people: one person a slice (each unit alone) computes the
    // same tables as one slice for everyone.
    const people = async () =>
      (await t.db.execute(sql`SELECT * FROM stats_person_year WHERE year = 2024`)).rows
        .map((r: unknown) => JSON.stringify(r))
        .sort();
    const whole = await people();
    expect(whole.length).toBeGreaterThan(3);
    await refreshStats(t.db, { year: 2024, full: true, peoplePerSlice: 1 });
    expect(await tables()).toEqual(incremental);
    expect(await people()).toEqual(whole);
  });

  it('cuts the full refresh into slices of consecutive units by their number of people', async () => {
    const count = async (unit: number) =>
      Number(
        (
          (
            await t.db.execute(
              sql`SELECT count(*) AS n FROM accounts WHERE kind = 'professional' AND unit_id = ${unit}`,
            )
          ).rows[0] as { n: unknown }
        ).n,
      );
    const [na, nb, nc] = [await count(ids.a), await count(ids.b), await count(ids.c)];
    expect(na * nb * nc).toBeGreaterThan(0);
    // A unit larger than the slice is a slice of its own; otherwise as many units as fit.
    expect(await sliceEnd(t.db, ids.a, 1e9, 1)).toBe(ids.a);
    expect(await sliceEnd(t.db, ids.a, 1e9, na + nb)).toBe(ids.b);
    expect(await sliceEnd(t.db, ids.a, 1e9, na + nb + nc)).toBeGreaterThanOrEqual(ids.c);
    expect(await sliceEnd(t.db, ids.b, 1e9, nb)).toBe(ids.b);
    // No one at or after the start: the rest of the units.
    expect(await sliceEnd(t.db, 1e8, 1e9, 10)).toBe(1e9);
  });

  it('recomputes a year from scratch once a day (the 30-day backlog moves with the date)', async () => {
    setNow('2024-10-16T09:00:00+08:00');
    expect(await refreshStats(t.db, { year: 2024 })).toEqual([expect.objectContaining({ mode: 'full', people: 6 })]);
  });

  it('立即刷新 is the operator’s and is audited', async () => {
    const res = await operator.post('/api/stats/refresh?year=2024', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ refreshed: true, years: [{ year: 2024, mode: 'full', people: 6 }] });
    expect((await nnrsj.post('/api/stats/refresh', {})).statusCode).toBe(403);
    const audit = await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'stats.refresh'`);
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });
});

describe('年度继续教育统计报告', () => {
  it('draws the map and charts on the server with ECharts’ SVG renderer', async () => {
    const { registerGuangxiMap, renderChartSvg } = await import('./report-charts');
    const { rateMapOption, trendOption } = await import('@ptce/contracts');
    const o = await overview(nnrsj);
    const map = renderChartSvg(rateMapOption(registerGuangxiMap('450100'), o.areas), 600, 300);
    expect(map).toMatch(/^<svg/);
    expect(map).toContain('青秀区');
    expect(map).toContain('横州市'); // every county of the city is drawn, with or without units
    const cities = (await overview(operator)).areas;
    const province = renderChartSvg(rateMapOption(registerGuangxiMap(null), cities), 600, 300);
    expect(province).toContain('柳州市');
    expect(renderChartSvg(trendOption(o), 600, 200)).toContain('专业科目截止');
  });

  it('is a PDF of the caller’s scope, audited', async () => {
    const res = await nnrsj.get('/api/stats/report?year=2024');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(20_000);
    expect(res.rawPayload.toString('latin1')).toContain('/FontFile2'); // the Chinese font is embedded
    const audit = await t.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'exports.stats.report'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });
});
