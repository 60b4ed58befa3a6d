import type { ComplianceListQuery } from '@ptce/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { actorOfAccount } from '../../auth/account-actor';
import { setNow } from '../../clock';
import {
  buildAccount,
  buildAuthority,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';
import { clearPlansCache } from '../plans/index';
import { refreshStats } from '../stats/index';
import { unitCompliance } from './unit-compliance';

const YEAR = 2024;
const IDLE = 40;
/** Everyone of the province: the people above, the idle ones and the one without a unit. */
const PROVINCE = 10 + IDLE + 1;
let t: TestApp;
const actors: Record<'operator' | 'liuzhou' | 'health', Actor> = {} as never;
let operatorName = '';

/** Hours of a person: approved professional hours and which public courses are credited. */
const PEOPLE: Array<[name: string, unit: 'lz' | 'nn', professional: number, compulsory: boolean, elective: boolean]> = [
  ['韦秀英', 'lz', 60, true, true],
  ['覃建华', 'lz', 40, true, false],
  ['蓝海燕', 'lz', 0, false, false],
  ['黄志强', 'lz', 72, true, true],
  ['黄丽萍', 'lz', 64, false, true],
  ['莫少华', 'nn', 60, true, true],
  ['陆春梅', 'nn', 8, true, false],
  ['梁国庆', 'nn', 0, true, true],
  ['黄伟', 'nn', 90, false, false],
  ['农晓燕', 'nn', 60, true, true],
];

beforeAll(async () => {
  setNow('2024-10-15T10:00:00+08:00');
  t = await createTestApp();
  const health = await buildAuthority(t.db, { name: '广西壮族自治区卫生健康委员会', industryCode: 'Q' });
  const bureau = await buildAuthority(t.db, { kind: 'hr', regionCode: '450200', name: '柳州市人力资源和社会保障局' });
  const units = {
    lz: await buildUnit(t.db, { name: '柳州市工人医院', regionCode: '450202', supervisingAuthorityId: health.id }),
    nn: await buildUnit(t.db, { name: '南宁市第一中学', regionCode: '450103' }),
  };
  for (const [name, unit, professional, compulsory, elective] of PEOPLE) {
    const p = await buildProfessional(t.db, { unitId: units[unit].id, name });
    if (professional) await buildRecord(t.db, { accountId: p.id, hours: professional, status: 'approved' });
    await buildRecord(t.db, { accountId: p.id, hours: 4, status: 'pending' });
    if (compulsory) await creditPublic(t.db, p.id, YEAR, 'compulsory');
    if (elective) await creditPublic(t.db, p.id, YEAR, 'elective', 20);
  }
  // 40 people with no hours yet, so that 已达标 and 公需必修已完成 are rare filters (answered from the candidates).
  await t.db.execute(sql`
    INSERT INTO accounts (realm, kind, username, password_hash, must_change_password, login_enabled, name, unit_id,
                          created_at, updated_at)
    SELECT 'person', 'professional', 'idle' || g, 'x', false, true, '覃' || lpad(g::text, 3, '0'), ${units.nn.id},
           now(), now()
    FROM generate_series(1, ${IDLE}) g`);
  // A professional without a unit (the statistics keep no row for them) who has met the year.
  const alone = await buildProfessional(t.db, { name: '甘雪梅', unitId: null });
  await buildRecord(t.db, { accountId: alone.id, hours: 60, status: 'approved', unitId: null });
  await creditPublic(t.db, alone.id, YEAR, 'compulsory');
  await creditPublic(t.db, alone.id, YEAR, 'elective', 15);
  const operator = await buildAccount(t.db, { kind: 'operator' });
  operatorName = operator.username;
  const made = {
    operator: operator.id,
    liuzhou: (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: bureau.id })).id,
    health: (await buildAccount(t.db, { kind: 'authority', authorityId: health.id })).id,
  };
  for (const [k, id] of Object.entries(made)) actors[k as keyof typeof actors] = (await actorOfAccount(t.db, id))!;
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-10-15T10:00:00+08:00'));

type Query = z.infer<typeof ComplianceListQuery>;
const query = (over: Partial<Query> = {}): Query => ({ year: YEAR, page: 1, pageSize: 20, ...over });
const ctxOf = (actor: Actor) => ({ db: t.db, actor, ip: '' });
/** What a row says, without its encrypted ID number. */
const said = <T extends { idNumberEnc?: unknown }>(items: T[]) => items.map(({ idNumberEnc: _, ...row }) => row);
/** The list as the unit list computes it (every person's year counted and sorted), the reference. */
const reference = async (actor: Actor, q: Query) => said((await unitCompliance(ctxOf(actor), q, true)).items);

describe('达标情况 over a province, region or industry', () => {
  it('walks the people in name order and answers what counting everyone answers, filter by filter, page by page', async () => {
    await refreshStats(t.db, { year: YEAR, full: true });
    const filters: Array<Partial<Query>> = [
      {},
      { met: 'true' },
      { met: 'false' },
      { compulsoryDone: 'true' },
      { compulsoryDone: 'false', met: 'true' },
      { q: '黄' },
      { q: '黄', met: 'false' },
    ];
    let compared = 0;
    for (const [who, actor] of Object.entries(actors))
      for (const f of filters) {
        const all = await reference(actor, query(f));
        const pages = [];
        let cursor: string | undefined;
        for (let page = 1; page === 1 || pages.length === (page - 1) * 7; page++) {
          const got = await unitCompliance(ctxOf(actor), query({ ...f, page, pageSize: 7 }));
          const what = `${who} ${JSON.stringify(f)} page ${page}`;
          expect(got.summary.asOf, `${what}: summary of the statistics`).toBeTruthy();
          expect(got.total, `${what}: total`).toBe(all.length);
          expect(said(got.items), what).toEqual(all.slice((page - 1) * 7, page * 7));
          // The same page reached by the previous page's cursor (keyset) instead of the offset.
          if (page > 1 && cursor) {
            const next = await unitCompliance(ctxOf(actor), query({ ...f, page, pageSize: 7, cursor }));
            expect(said(next.items), `${what} by cursor`).toEqual(said(got.items));
          }
          cursor = got.nextCursor ?? undefined;
          pages.push(...said(got.items));
          compared += got.items.length;
        }
        expect(pages).toEqual(all);
      }
    expect(compared).toBeGreaterThan(100);
  });

  it('counts the summary of each scope from the statistics: the province (with the one without a unit), a city, an industry', async () => {
    await refreshStats(t.db, { year: YEAR, full: true });
    const expected = { operator: PROVINCE, liuzhou: 5, health: 5 } as const;
    for (const [who, actor] of Object.entries(actors)) {
      const all = await reference(actor, query());
      const got = await unitCompliance(ctxOf(actor), query());
      expect(all.length, who).toBe(expected[who as keyof typeof expected]);
      expect(
        all.some((r) => r.personName === '甘雪梅'),
        who,
      ).toBe(who === 'operator');
      expect(got.summary, who).toEqual({
        people: all.length,
        met: all.filter((r) => r.met).length,
        compulsoryDone: all.filter((r) => r.compulsoryDone).length,
        asOf: expect.any(String),
      });
    }
    const { rows } = await t.db.execute(sql`SELECT refreshed_at FROM stats_refresh WHERE year = ${YEAR}`);
    const at = new Date((rows[0] as { refreshed_at: string }).refreshed_at).toISOString();
    const province = await unitCompliance(ctxOf(actors.operator), query());
    expect(province.summary.asOf).toBe(at);
    // The one without a unit is counted as she is now, not at the last refresh: a new professional without a unit
    // counts at once.
    const newcomer = await buildProfessional(t.db, { name: '甘雪莲', unitId: null });
    try {
      await creditPublic(t.db, newcomer.id, YEAR, 'compulsory');
      const now = await unitCompliance(ctxOf(actors.operator), query());
      expect(now.summary).toEqual({
        ...province.summary,
        people: province.summary.people + 1,
        compulsoryDone: province.summary.compulsoryDone + 1,
      });
    } finally {
      await t.db.execute(sql`DELETE FROM public_credits WHERE account_id = ${newcomer.id}`);
      await t.db.execute(sql`DELETE FROM accounts WHERE id = ${newcomer.id}`);
    }
  });

  it('shows a change at once in the rows, and in the summary after the next refresh', async () => {
    await refreshStats(t.db, { year: YEAR, full: true });
    const before = await unitCompliance(ctxOf(actors.liuzhou), query());
    const qin = before.items.find((r) => r.personName === '覃建华')!;
    expect(qin).toMatchObject({ met: false, professionalHours: 40 });
    await buildRecord(t.db, { accountId: qin.accountId, hours: 20, status: 'approved' });
    await creditPublic(t.db, qin.accountId, YEAR, 'elective', 15);
    const after = await unitCompliance(ctxOf(actors.liuzhou), query());
    expect(after.items.find((r) => r.accountId === qin.accountId)).toMatchObject({ met: true, professionalHours: 60 });
    expect(said(after.items)).toEqual(await reference(actors.liuzhou, query()));
    // A changed person passes a rare filter too (已达标 is answered from the candidates, the changed among them).
    for (const f of [{ met: 'true' }, { met: 'false' }] as const)
      for (const actor of [actors.liuzhou, actors.operator]) {
        const got = said((await unitCompliance(ctxOf(actor), query(f))).items);
        expect(got).toEqual((await reference(actor, query(f))).slice(0, 20));
        expect(got.some((r) => r.accountId === qin.accountId)).toBe(f.met === 'true');
      }
    expect(after.summary).toEqual(before.summary);
    setNow('2024-10-15T10:01:00+08:00');
    await refreshStats(t.db, { year: YEAR });
    const counted = await unitCompliance(ctxOf(actors.liuzhou), query());
    expect(counted.summary.met).toBe(before.summary.met + 1);
    expect(counted.summary.asOf! > before.summary.asOf!).toBe(true);
  });

  it('does not trust the kept 达标 of an older version of the plan, and recomputes everyone at the next refresh', async () => {
    await refreshStats(t.db, { year: YEAR, full: true });
    const met = async () => said((await unitCompliance(ctxOf(actors.operator), query({ met: 'true' }))).items);
    const before = await met();
    // 修改年度计划: 80 hours are enough from this version on.
    await t.db.execute(sql`UPDATE annual_plans SET total_hours = 80, version = version + 1 WHERE year = ${YEAR}`);
    clearPlansCache();
    try {
      const after = await met();
      expect(after).toEqual(await reference(actors.operator, query({ met: 'true' })));
      expect(after.length).toBeGreaterThan(before.length);
      setNow('2024-10-15T10:02:00+08:00');
      expect(await refreshStats(t.db, { year: YEAR })).toEqual([expect.objectContaining({ mode: 'full' })]);
      expect(await met()).toEqual(after);
    } finally {
      await t.db.execute(sql`UPDATE annual_plans SET total_hours = 90, version = version + 1 WHERE year = ${YEAR}`);
      clearPlansCache();
    }
  });

  it('counts everyone now for a year the statistics have not computed, and gives no 数据时间', async () => {
    await t.db.execute(sql`DELETE FROM stats_refresh WHERE year = ${YEAR}`);
    const got = await unitCompliance(ctxOf(actors.operator), query({ met: 'true' }));
    expect(got.summary.asOf).toBeUndefined();
    expect(said(got.items)).toEqual(await reference(actors.operator, query({ met: 'true' })));
    expect(got.summary.people).toBe(PROVINCE);
  });

  it('stops counting at 1,000 unless asked for the exact total, and exports everyone page by page (through the API)', async () => {
    const unit = await buildUnit(t.db, { name: '广西医科大学第一附属医院', regionCode: '450103' });
    await t.db.execute(sql`
      INSERT INTO accounts (realm, kind, username, password_hash, must_change_password, login_enabled, name, unit_id,
                            created_at, updated_at)
      SELECT 'person', 'professional', 'bulk' || g, a.password_hash, false, true, '廖' || lpad(g::text, 4, '0'), ${unit.id},
             now(), now()
      FROM generate_series(1, 2100) g, accounts a WHERE a.username = ${operatorName}`);
    await refreshStats(t.db, { year: YEAR, full: true });
    const op = await loggedIn(t, operatorName, PASSWORD, 'authority');
    const capped = (await op.get(`/api/compliance/unit?year=${YEAR}&pageSize=5`)).json();
    expect(capped).toMatchObject({ total: 1000, totalCapped: true });
    // The summary counts everyone the exact total counts: the units' people and the one without a unit.
    expect(capped.summary).toMatchObject({ people: PROVINCE + 2100, asOf: expect.any(String) });
    expect(capped.nextCursor).toEqual(expect.any(String));
    const exact = (await op.get(`/api/compliance/unit?year=${YEAR}&pageSize=5&exactTotal=true`)).json();
    expect(exact).toMatchObject({ total: PROVINCE + 2100, totalCapped: false });
    const next = (
      await op.get(`/api/compliance/unit?year=${YEAR}&pageSize=5&page=2&cursor=${capped.nextCursor}`)
    ).json();
    expect(
      next.items[0].personName > capped.items[4].personName || next.items[0].accountId > capped.items[4].accountId,
    ).toBe(true);
    const bad = await op.get(`/api/compliance/unit?year=${YEAR}&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'cursor', reason: '无效的翻页位置' }]);

    // 导出Excel of the province: read 2,000 people at a time, every one of them once, in the list's order.
    const file = await op.get(`/api/compliance/unit/export?year=${YEAR}`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    const all = await reference(actors.operator, query());
    expect(names).toHaveLength(PROVINCE + 2100);
    expect(names).toEqual(all.map((r) => r.personName));
    const { rows } = await t.db.execute(
      sql`SELECT detail FROM audit_log WHERE action = 'exports.compliance.unit' ORDER BY id DESC LIMIT 1`,
    );
    expect((rows[0] as { detail: { rows: number } }).detail.rows).toBe(PROVINCE + 2100);
  });
});
