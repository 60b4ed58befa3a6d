import { drawCampaign, drawSample, sampleCount } from '@ptce/rules';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, certificates, hourRecords } from '../../db/schema/index';
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
import { pdfText } from '../../../test/kits/pdf';

let t: TestApp;
let chief: TestClient;
const pool: Array<{ id: number; username: string }> = [];
let liuzhou: TestClient;
let nanningUnits: Array<{ id: number; name: string }>;
let liuzhouUnit: { id: number };
let cheater: { id: number; username: string };
let cheatRecord: { id: number };
let unitAdmins: Map<number, { username: string }>;

const NOW = '2024-10-15T10:00:00+08:00';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const codeOf = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;
const B = '----ptcespotcheck';
const upload = (c: TestClient, itemId: number, data: Buffer, name = '材料.pdf') =>
  c.request(
    'POST',
    `/api/spot-checks/items/${itemId}/files`,
    Buffer.concat([
      Buffer.from(
        `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${B}--\r\n`),
    ]).toString('latin1'),
    { 'content-type': `multipart/form-data; boundary=${B}` },
  );

beforeAll(async () => {
  setNow(NOW);
  t = await createTestApp();
  const nnhr = await buildAuthority(t.db, { name: '南宁市人力资源和社会保障局', kind: 'hr', regionCode: '450100' });
  const lzhr = await buildAuthority(t.db, { name: '柳州市人力资源和社会保障局', kind: 'hr', regionCode: '450200' });
  const boss = await buildAccount(t.db, { kind: 'hr_bureau', authorityId: nnhr.id, name: '陆志明' });
  pool.push(boss);
  for (const name of ['黄海波', '韦春梅', '蒙家豪'])
    pool.push(await buildAccount(t.db, { kind: 'hr_bureau', authorityId: nnhr.id, name }));
  chief = await loggedIn(t, boss.username, PASSWORD, 'authority');
  liuzhou = await loggedIn(
    t,
    (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: lzhr.id })).username,
    PASSWORD,
    'authority',
  );
  nanningUnits = [];
  unitAdmins = new Map();
  for (const [i, region] of ['450103', '450105', '450108'].entries()) {
    const u = await buildUnit(t.db, { name: `南宁抽查单位${i + 1}`, regionCode: region });
    nanningUnits.push(u);
    unitAdmins.set(u.id, await buildAccount(t.db, { kind: 'unit_admin', unitId: u.id }));
    for (let k = 0; k < 3; k++) {
      const p = await buildProfessional(t.db, { unitId: u.id, name: `职工${i}${k}` });
      const r = await buildRecord(t.db, { accountId: p.id, hours: 24, status: 'approved', unitId: u.id });
      if (i === 0 && k === 0) {
        cheater = p;
        cheatRecord = r;
        // 24 + 42 professional + 15 + 10 public = 91: a certificate the removal must revoke.
        await buildRecord(t.db, { accountId: p.id, hours: 42, status: 'approved', unitId: u.id, title: '另一培训' });
        await creditPublic(t.db, p.id, 2024, 'compulsory');
        await creditPublic(t.db, p.id, 2024, 'elective');
      }
    }
  }
  // A disabled unit in the region and one in another city: never in a Nanning draw.
  await buildUnit(t.db, { name: '已停用单位', regionCode: '450103', disabledAt: new Date() }).then(async (u) =>
    buildRecord(t.db, {
      accountId: (await buildProfessional(t.db, { unitId: u.id })).id,
      hours: 8,
      status: 'approved',
      unitId: u.id,
    }),
  );
  liuzhouUnit = await buildUnit(t.db, { name: '柳州某单位', regionCode: '450202' });
  await buildRecord(t.db, {
    accountId: (await buildProfessional(t.db, { unitId: liuzhouUnit.id })).id,
    hours: 8,
    status: 'approved',
    unitId: liuzhouUnit.id,
  });
});
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));

const campaign = (over: Record<string, unknown> = {}) => ({
  title: '2024年度继续教育学时抽查',
  year: 2024,
  sampleOf: 'records',
  unitSize: { mode: 'count', value: 3 },
  itemSize: { mode: 'percent', value: 100 },
  inspectorsPerUnit: 2,
  answerDue: '2024-10-31',
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await chief.post('/api/spot-checks', campaign(over));
  expect(res.statusCode, res.body).toBe(201);
  const detail = await chief.get(`/api/spot-checks/${res.json().id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json();
}

describe('the draw (双随机)', () => {
  it('is a function of the seed and the list: same seed, same sample; another seed, another order', () => {
    const ids = Array.from({ length: 200 }, (_, i) => 1000 + i * 3);
    const a = drawSample('2024-nn-01', 'units', ids, 10);
    expect(drawSample('2024-nn-01', 'units', [...ids].reverse(), 10)).toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect(a.every((x) => ids.includes(x))).toBe(true);
    expect(drawSample('2024-nn-02', 'units', ids, 10)).not.toEqual(a);
    expect(drawSample('2024-nn-01', 'inspectors:1', ids, 10)).not.toEqual(a);
  });

  it('samples at least 5 % (rounded up) or the count asked, never more than the list', () => {
    expect(sampleCount({ mode: 'percent', value: 5 }, 30)).toBe(2);
    expect(sampleCount({ mode: 'percent', value: 5 }, 3)).toBe(1);
    expect(sampleCount({ mode: 'count', value: 8 }, 3)).toBe(3);
    expect(sampleCount({ mode: 'count', value: 8 }, 0)).toBe(0);
  });

  it('stores the seed and lists, from which anyone recomputes exactly the units, inspectors and records drawn', async () => {
    const c = await create({
      unitSize: { mode: 'count', value: 2 },
      itemSize: { mode: 'count', value: 2 },
      seed: 'gx2024a',
    });
    expect(c.draw.seed).toBe('gx2024a');
    expect(c.draw.algorithm).toMatch(/^ptce-draw-v1/);
    const again = drawCampaign(c.draw);
    expect(
      c.parts.map((p: { unitId: number; inspectors: Array<{ id: number }>; items: Array<{ recordId: number }> }) => ({
        unitId: p.unitId,
        items: p.items.map((i) => i.recordId).sort((x, y) => x - y),
        inspectors: p.inspectors.map((i) => i.id),
      })),
    ).toEqual(again.map((d) => ({ ...d, items: [...d.items].sort((x, y) => x - y) })));
    expect(c.parts).toHaveLength(2);
    for (const p of c.parts) {
      expect(p.inspectors).toHaveLength(2);
      expect(p.items).toHaveLength(2);
    }
    // The same seed over the same data draws the same sample a second time.
    const twin = await create({
      unitSize: { mode: 'count', value: 2 },
      itemSize: { mode: 'count', value: 2 },
      seed: 'gx2024a',
    });
    expect(twin.parts.map((p: { unitId: number }) => p.unitId)).toEqual(
      c.parts.map((p: { unitId: number }) => p.unitId),
    );
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'spotcheck.campaign.create'), eq(auditLog.targetId, String(c.id))));
    expect(audit!.detail).toMatchObject({ seed: 'gx2024a', units: c.parts.map((p: { unitId: number }) => p.unitId) });
  });

  it('draws a random seed when none is given, and people (all their records) when asked', async () => {
    const c = await create({
      sampleOf: 'people',
      unitSize: { mode: 'count', value: 1 },
      itemSize: { mode: 'count', value: 1 },
    });
    expect(c.draw.seed).toMatch(/^[0-9a-f]{16}$/);
    const [part] = c.parts;
    const people = new Set(part.items.map((i: { personName: string }) => i.personName));
    expect(people.size).toBe(1);
    expect(c.draw.population.items[String(part.unitId)]).toHaveLength(3);
  });
});

describe('scope', () => {
  it("draws only from the bureau's region: units in use with approved hours of the year", async () => {
    const c = await create();
    expect([...c.draw.population.units].sort()).toEqual(nanningUnits.map((u) => u.id).sort());
    expect(c.draw.population.pool).toEqual(pool.map((p) => p.id).sort((x, y) => x - y));
    expect(c.scopeLabel).toContain('所辖单位');
  });

  it('another bureau, a professional and an unsampled unit see nothing of it', async () => {
    const c = await create({ unitSize: { mode: 'count', value: 1 } });
    expect((await liuzhou.get(`/api/spot-checks/${c.id}`)).statusCode).toBe(404);
    expect((await liuzhou.get('/api/spot-checks')).json().map((x: { id: number }) => x.id)).not.toContain(c.id);
    const other = nanningUnits.find((u) => u.id !== c.parts[0].unitId)!;
    const otherAdmin = await loggedIn(t, unitAdmins.get(other.id)!.username, PASSWORD, 'unit');
    expect((await otherAdmin.get(`/api/spot-checks/${c.id}/unit`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/spot-checks/${c.id}/unit/answer`, { note: '已答复' })).statusCode).toBe(404);
    expect((await upload(otherAdmin, c.parts[0].items[0].id, pdf)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/spot-checks/${c.id}`)).statusCode).toBe(403);
    const person = await loggedIn(t, cheater.username, PASSWORD);
    expect((await person.get(`/api/spot-checks/${c.id}`)).statusCode).toBe(403);
    expect(
      (await liuzhou.post(`/api/spot-checks/items/${c.parts[0].items[0].id}/finding`, { finding: 'true' })).statusCode,
    ).toBe(404);
  });

  it('a sampled unit sees its own part only, without the lists of the draw', async () => {
    const c = await create({ unitSize: { mode: 'count', value: 2 } });
    const mine = c.parts[0];
    const admin = await loggedIn(t, unitAdmins.get(mine.unitId)!.username, PASSWORD, 'unit');
    const view = (await admin.get(`/api/spot-checks/${c.id}/unit`)).json();
    expect(view.parts.map((p: { unitId: number }) => p.unitId)).toEqual([mine.unitId]);
    expect(view.draw.population.units).toEqual([]);
    expect((await admin.get('/api/spot-checks/unit')).json().map((x: { id: number }) => x.id)).toContain(c.id);
  });
});

describe('answer, findings, 不属实 and the public result', () => {
  it('runs a campaign end to end: the unit answers, inspectors find, 不属实 removes the hours and revokes the certificate', async () => {
    const person = await loggedIn(t, cheater.username, PASSWORD);
    const cert = await person.post('/api/certificates', { kind: 'ce', year: 2024 });
    expect(cert.statusCode, cert.body).toBe(200);

    const c = await create({ seed: 'journey' });
    const part = c.parts.find((p: { unitId: number }) => p.unitId === nanningUnits[0]!.id);
    const item = part.items.find((i: { recordId: number }) => i.recordId === cheatRecord.id);
    expect(item).toBeTruthy();
    const admin = await loggedIn(t, unitAdmins.get(part.unitId)!.username, PASSWORD, 'unit');
    const todo = async (c2: TestClient, key: string) =>
      ((await c2.get('/api/todo')).json().items as Array<{ key: string; count: number }>).find((x) => x.key === key)
        ?.count ?? 0;
    expect(await todo(admin, 'spotcheck-answer')).toBeGreaterThanOrEqual(1);

    const inspector = await loggedIn(
      t,
      pool.find((p) => p.id === part.inspectors[0].id)!.username,
      PASSWORD,
      'authority',
    );
    // Before the unit answers (and before its deadline) no finding.
    const early = await inspector.post(`/api/spot-checks/items/${item.id}/finding`, { finding: 'true' });
    expect(early.statusCode).toBe(409);

    expect(codeOf(await upload(admin, item.id, Buffer.from('<html>not a pdf</html>'), 'x.pdf'))).toBe(
      'UNSUPPORTED_MEDIA',
    );
    const up = await upload(admin, item.id, pdf);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'answer', mime: 'application/pdf' });
    expect((await admin.post(`/api/spot-checks/${c.id}/unit/answer`, { note: '' })).statusCode).toBe(400);
    expect(
      (await admin.post(`/api/spot-checks/${c.id}/unit/answer`, { note: '已上传培训通知和签到表' })).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/spot-checks/${c.id}/unit/answer`, { note: '再答一次' })).statusCode).toBe(409);
    expect((await upload(admin, item.id, pdf)).statusCode).toBe(409);
    const file = await inspector.get(`/api/spot-checks/items/${item.id}/files/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // A file is found under its own item only.
    const otherItem = c.parts
      .flatMap((p: { items: Array<{ id: number }> }) => p.items)
      .find((i: { id: number }) => i.id !== item.id);
    expect((await inspector.get(`/api/spot-checks/items/${otherItem.id}/files/${up.json().id}`)).statusCode).toBe(404);

    // Only a drawn inspector of that unit records a finding; 不属实 and 材料不全 need a note.
    const notDrawn = pool.find((p) => !part.inspectors.some((i: { id: number }) => i.id === p.id))!;
    const outsider = await loggedIn(t, notDrawn.username, PASSWORD, 'authority');
    expect((await outsider.post(`/api/spot-checks/items/${item.id}/finding`, { finding: 'true' })).statusCode).toBe(
      403,
    );
    expect((await inspector.post(`/api/spot-checks/items/${item.id}/finding`, { finding: 'false' })).statusCode).toBe(
      400,
    );

    const res = await inspector.post(`/api/spot-checks/items/${item.id}/finding`, {
      finding: 'false',
      note: '签到表无本人签字，主办单位无此培训',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ removed: true });
    expect(await t.db.select().from(hourRecords).where(eq(hourRecords.id, cheatRecord.id))).toEqual([]);
    const [revoked] = await t.db.select().from(certificates).where(eq(certificates.id, cert.json().id));
    expect(revoked!.revokedAt).not.toBeNull();
    const audits = await t.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(
        sql`${auditLog.action} IN ('hours.record.delete', 'spotcheck.finding') AND (${auditLog.targetId} = ${String(cheatRecord.id)} OR ${auditLog.targetId} = ${String(item.id)})`,
      );
    expect(audits.map((a) => a.action).sort()).toEqual(['hours.record.delete', 'spotcheck.finding']);
    expect(audits.find((a) => a.action === 'spotcheck.finding')!.detail).toMatchObject({
      finding: '不属实',
      hoursRemoved: 24,
    });
    // 不属实 is final.
    expect((await inspector.post(`/api/spot-checks/items/${item.id}/finding`, { finding: 'true' })).statusCode).toBe(
      409,
    );

    // The person and the unit are told (待办 until they open it).
    expect(await todo(person, 'spotcheck-person')).toBe(1);
    const mine = (await person.get('/api/spot-checks/mine')).json();
    expect(mine).toEqual([expect.objectContaining({ title: '专业技术培训', hours: 24, year: 2024 })]);
    expect(await todo(person, 'spotcheck-person')).toBe(0);
    expect(await todo(admin, 'spotcheck-unit-false')).toBe(1);
    const unitView = (await admin.get(`/api/spot-checks/${c.id}/unit`)).json();
    expect(unitView.parts[0].items.find((i: { id: number }) => i.id === item.id)).toMatchObject({ finding: 'false' });
    expect(await todo(admin, 'spotcheck-unit-false')).toBe(0);

    // Not public, and not finishable, while records lack a finding.
    expect((await t.client().get(`/api/public/spot-checks/${c.id}`)).statusCode).toBe(404);
    const early2 = await chief.post(`/api/spot-checks/${c.id}/finish`, { conclusion: '完成' });
    expect(early2.statusCode).toBe(409);
    setNow('2024-11-02T10:00:00+08:00'); // after the deadline the others are found without an answer
    for (const p of c.parts) {
      const by = await loggedIn(t, pool.find((x) => x.id === p.inspectors[1].id)!.username, PASSWORD, 'authority');
      for (const i of p.items.filter((x: { id: number }) => x.id !== item.id)) {
        const r = await by.post(
          `/api/spot-checks/items/${i.id}/finding`,
          i.id % 2 ? { finding: 'true' } : { finding: 'incomplete', note: '缺少签到表' },
        );
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json()).toEqual({ removed: false });
      }
    }
    // Any of the bureau's staff may close it (the idle sessions of before the deadline have expired).
    const lead = await loggedIn(t, pool.find((p) => p.id === part.inspectors[0].id)!.username, PASSWORD, 'authority');
    expect((await lead.post(`/api/spot-checks/${c.id}/finish`, { conclusion: '完成' })).statusCode).toBe(200);
    const pub = await t.client().get(`/api/public/spot-checks/${c.id}`);
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.draw.seed).toBe('journey');
    const u = body.units.find((x: { unitName: string }) => x.unitName === nanningUnits[0]!.name);
    expect(u).toMatchObject({ falseCount: 1, hoursRemoved: 24 });
    expect(JSON.stringify(body)).not.toContain(cheater.username);
    expect(u.items.every((i: { personName: string }) => i.personName.includes('＊'))).toBe(true);
    expect((await t.client().get('/api/public/spot-checks')).json().map((x: { id: number }) => x.id)).toContain(c.id);
    const report = await lead.get(`/api/spot-checks/${c.id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The same report as a PDF: the draw anyone can repeat, the findings in figures and per record, the conclusion.
    const printed = await lead.get(`/api/spot-checks/${c.id}/report.pdf`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const text = pdfText(printed.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('2024年度继续教育学时抽查报告');
    expect(text).toContain('随机种子 journey');
    const items = c.parts.flatMap((p: { items: unknown[] }) => p.items).length;
    // The figure cards: a line of labels, then a line of their values.
    const sampled = /抽查单位 抽查记录 已核查 (\d+)个 (\d+)条 (\d+)条/.exec(text);
    expect(sampled?.slice(1).map(Number)).toEqual([c.parts.length, items, items]);
    const found = /属实 不属实 材料不全 (\d+)条 (\d+)条 (\d+)条/.exec(text);
    const [isTrue, isFalse, incomplete] = found!.slice(1).map(Number);
    expect(isFalse).toBe(1);
    expect(isTrue! + incomplete!).toBe(items - 1);
    expect(text).toContain('不属实的记录已核减学时 24 学时');
    expect(text).toContain('缺少签到表');
    expect(text).toMatch(/抽查结论 完成/);
    for (const p of c.parts) expect(text).toContain(p.unitName);
    const pdfAudit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'spotcheck.report.pdf'), eq(auditLog.targetId, String(c.id))));
    expect(pdfAudit).toHaveLength(1);
    // The sampled unit does not get it (a new login: its session of before the deadline has expired).
    const unitNow = await loggedIn(t, unitAdmins.get(part.unitId)!.username, PASSWORD, 'unit');
    expect((await unitNow.get(`/api/spot-checks/${c.id}/report.pdf`)).statusCode).toBe(403);
    expect((await lead.post(`/api/spot-checks/items/${item.id}/finding`, { finding: 'true' })).statusCode).toBe(409);
  });
});

describe('refusals', () => {
  it('refuses a sample under 5 %, too few inspectors for the pool, fewer than two, a past deadline, a future year', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await chief.post('/api/spot-checks', campaign(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    };
    await bad({ unitSize: { mode: 'percent', value: 4 } }, 'unitSize');
    await bad({ itemSize: { mode: 'percent', value: 3 } }, 'itemSize');
    await bad({ inspectorsPerUnit: 5 }, 'inspectorsPerUnit');
    await bad({ inspectorsPerUnit: 1 }, 'inspectorsPerUnit');
    await bad({ answerDue: '2024-10-01' }, 'answerDue');
    await bad({ year: 2025 }, 'year');
    await bad({ year: 2019 }, 'year');
  });

  it('refuses campaigns to units and professionals', async () => {
    const admin = await loggedIn(t, unitAdmins.get(nanningUnits[0]!.id)!.username, PASSWORD, 'unit');
    expect((await admin.post('/api/spot-checks', campaign())).statusCode).toBe(403);
  });
});
