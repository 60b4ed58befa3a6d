import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { accounts, hourRecords } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildRecord, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { readWorkbook } from '../../../test/kits/excel';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));

const q = (s: string) => encodeURIComponent(s);

/** `n` records 待初审 of `accountId` in `unitId`, written in one statement (as an import would). */
async function pendingRecords(unitId: number, accountId: number, n: number) {
  await t.db.execute(sql`
    INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date,
      end_half, hours, remarks, declared_at, status, source, unit_id, review_target, submitted_at, created_by, created_at, updated_at)
    SELECT ${accountId}, 2024, 'training', '专业技术培训' || i, '广西壮族自治区人力资源和社会保障培训中心', '南宁市',
      '2024-05-06', 'am', '2024-05-06', 'pm', 8, '', now(), 'pending', 'self', ${unitId}, 'unit', now(), ${accountId}, now(), now()
    FROM generate_series(1, ${n}) AS i`);
}

describe('large lists: a capped total, exact on request, and a cursor', () => {
  let reviewer: TestClient;
  let total: number;
  beforeAll(async () => {
    const unit = await buildUnit(t.db, { name: '广西医科大学第一附属医院' });
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, name: '韦建国' });
    const huang = await buildProfessional(t.db, { unitId: unit.id, name: '黄丽华' });
    const lu = await buildProfessional(t.db, { unitId: unit.id, name: '陆振宇' });
    await pendingRecords(unit.id, huang.id, 1003);
    await pendingRecords(unit.id, lu.id, 30);
    total = 1033;
    reviewer = await loggedIn(t, admin.username, PASSWORD, 'unit');
  });

  it('counts at most 1,000 records and says the total is capped', async () => {
    const res = await reviewer.get('/api/hours/review/queue');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 1000, totalCapped: true, page: 1, pageSize: 20 });
    expect(page.items).toHaveLength(20);
    // Fewer than the cap: the exact figure, not capped.
    const lu = (await reviewer.get(`/api/hours/review/queue?q=${q('陆')}`)).json();
    expect(lu).toMatchObject({ total: 30, totalCapped: false });
    // Paging on past the cap still answers rows (page 52 of 20 = rows 1,021–1,033).
    const deep = (await reviewer.get('/api/hours/review/queue?page=52')).json();
    expect(deep.items).toHaveLength(13);
  });

  it('counts every record when asked for the exact total', async () => {
    const page = (await reviewer.get('/api/hours/review/queue?exactTotal=true')).json();
    expect(page).toMatchObject({ total, totalCapped: false });
    const results = (await reviewer.get(`/api/hours/unit/results?status=pending&q=${q('黄')}&exactTotal=true`)).json();
    expect(results).toMatchObject({ total: 1003, totalCapped: false });
    expect((await reviewer.get('/api/hours/review/queue?exactTotal=yes')).statusCode).toBe(400);
  });

  it('pages by cursor through the same rows as by page number, to the end', async () => {
    const byPage = [
      ...(await reviewer.get('/api/hours/unit/results?pageSize=200')).json().items,
      ...(await reviewer.get('/api/hours/unit/results?pageSize=200&page=2')).json().items,
    ].map((r: { id: number }) => r.id);
    let cursor: string | null = null;
    const byCursor: number[] = [];
    let pages = 0;
    do {
      const res = await reviewer.get(`/api/hours/unit/results?pageSize=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      byCursor.push(...page.items.map((r: { id: number }) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(byCursor.slice(0, 400)).toEqual(byPage);
    expect(byCursor).toHaveLength(total);
    expect(new Set(byCursor).size).toBe(total);
    expect(pages).toBe(6); // 5 full pages and a short one: the short page has no next cursor
    // The search narrows a cursor's pages like any other.
    const first = (await reviewer.get(`/api/hours/unit/results?q=${q('陆')}&pageSize=20`)).json();
    const next = (
      await reviewer.get(`/api/hours/unit/results?q=${q('陆')}&pageSize=20&cursor=${first.nextCursor}`)
    ).json();
    expect(next.items).toHaveLength(10);
    expect(next.nextCursor).toBeNull();
    expect(next.items.every((r: { personName: string }) => r.personName === '陆振宇')).toBe(true);
  });

  it('exports every matching record, however many the list counts', async () => {
    const res = await reviewer.get(`/api/exports/hours/results?status=pending&q=${q('黄')}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    let rows = 0;
    ws.eachRow(() => rows++);
    expect(rows - 1).toBe(1003); // the header, then every record of 黄丽华
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    for (const bad of ['abc', Buffer.from('["x"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const res = await reviewer.get(`/api/hours/review/queue?cursor=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: [{ field: 'cursor' }] });
    }
  });
});

describe('the person’s name on their records', () => {
  it('is written with each record and follows a change of name, so the name search finds them', async () => {
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const p = await buildProfessional(t.db, { unitId: unit.id, name: '蒙晓燕' });
    const r = await buildRecord(t.db, { accountId: p.id, hours: 8, status: 'pending', year: 2024, unitId: unit.id });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const [row] = await t.db.select({ n: hourRecords.personName }).from(hourRecords).where(eq(hourRecords.id, r.id));
    expect(row!.n).toBe('蒙晓燕');
    expect((await c.get(`/api/hours/review/queue?q=${q('蒙')}`)).json().items.map((x: { id: number }) => x.id)).toEqual(
      [r.id],
    );

    await t.db.update(accounts).set({ name: '潘晓燕' }).where(eq(accounts.id, p.id));
    expect((await c.get(`/api/hours/review/queue?q=${q('蒙')}`)).json()).toMatchObject({ total: 0, items: [] });
    const found = (await c.get(`/api/hours/review/queue?q=${q('潘晓')}`)).json();
    expect(found.items.map((x: { id: number; personName: string }) => [x.id, x.personName])).toEqual([
      [r.id, '潘晓燕'],
    ]);
  });

  it('becomes the kept person’s name when a merge moves the record to another account', async () => {
    const unit = await buildUnit(t.db);
    const kept = await buildProfessional(t.db, { unitId: unit.id, name: '覃丽萍' });
    const dup = await buildProfessional(t.db, { unitId: unit.id, name: '覃莉萍' });
    const r = await buildRecord(t.db, { accountId: dup.id, hours: 8, status: 'approved', year: 2024, unitId: unit.id });
    await t.db.update(hourRecords).set({ accountId: kept.id }).where(eq(hourRecords.id, r.id));
    const [row] = await t.db.select({ n: hourRecords.personName }).from(hourRecords).where(eq(hourRecords.id, r.id));
    expect(row!.n).toBe('覃丽萍');
  });
});
