import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/schema/index';
import { buildAccount, buildAuthority, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';

let t: TestApp;
let operator: TestClient;
/** A professional of a unit in 南宁市青秀区 (health), one in 柳州市城中区 (construction). */
let nanning: TestClient;
let liuzhou: TestClient;
/** Two admins of the 南宁 unit, one of the 柳州 unit. */
let nnAdmin1: TestClient;
let nnAdmin2: TestClient;
let lzAdmin: TestClient;
let hrNanning: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  operator = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
  const nnUnit = await buildUnit(t.db, { regionCode: '450103', industryCode: 'Q' });
  const lzUnit = await buildUnit(t.db, { regionCode: '450202', industryCode: 'E' });
  nanning = await loggedIn(t, (await buildProfessional(t.db, { unitId: nnUnit.id })).username, PASSWORD);
  liuzhou = await loggedIn(t, (await buildProfessional(t.db, { unitId: lzUnit.id })).username, PASSWORD);
  const admin = async (unitId: number) =>
    loggedIn(t, (await buildAccount(t.db, { kind: 'unit_admin', unitId })).username, PASSWORD, 'unit');
  nnAdmin1 = await admin(nnUnit.id);
  nnAdmin2 = await admin(nnUnit.id);
  lzAdmin = await admin(lzUnit.id);
  const nnhr = await buildAuthority(t.db, { kind: 'hr', regionCode: '450100' });
  const bureau = await buildAccount(t.db, { kind: 'hr_bureau', authorityId: nnhr.id });
  hrNanning = await loggedIn(t, bureau.username, PASSWORD, 'authority');
});
afterAll(async () => t.close());

const notice = (over: Record<string, unknown> = {}) => ({
  title: '关于做好年度学时审核工作的通知',
  body: '## 一、审核时间\n\n请各单位于3月31日前完成审核。\n\n- 登录系统\n- 进入【学时管理】',
  audience: 'professionals',
  ...over,
});

async function published(over: Record<string, unknown> = {}): Promise<number> {
  const res = await operator.post('/api/notices/admin', notice(over));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  expect((await operator.post(`/api/notices/admin/${id}/publish`)).statusCode).toBe(200);
  return id;
}

const ids = async (c: TestClient) =>
  ((await c.get('/api/notices?pageSize=200')).json().items as Array<{ id: number }>).map((r) => r.id);
const unread = async (c: TestClient) => (await c.get('/api/notices/unread-count')).json().unread as number;
const adminRow = async (id: number) =>
  (
    (await operator.get('/api/notices/admin?pageSize=200')).json().items as Array<{
      id: number;
      status: string;
      readers: number;
      unitReads: { read: number; expected: number } | null;
    }>
  ).find((r) => r.id === id)!;

function multipart(name: string, data: Buffer) {
  const boundary = '----ptcenotice' + Math.random().toString(16).slice(2);
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
function upload(c: TestClient, noticeId: number, name: string, data: Buffer) {
  const m = multipart(name, data);
  return t.app.inject({
    method: 'POST',
    url: `/api/notices/admin/${noticeId}/attachments`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': m.contentType },
    payload: m.payload,
  });
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('writing and publishing a notice', () => {
  it('keeps a draft from every reader until it is published, then shows it unread to its audience', async () => {
    const res = await operator.post('/api/notices/admin', notice({ title: '草稿测试通知' }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    expect(await ids(nanning)).not.toContain(id);
    expect((await nanning.get(`/api/notices/${id}`)).statusCode).toBe(404);
    const before = await unread(nanning);

    expect((await operator.post(`/api/notices/admin/${id}/publish`)).statusCode).toBe(200);
    const list = (await nanning.get('/api/notices')).json();
    expect(list.items.find((r: { id: number }) => r.id === id)).toMatchObject({ title: '草稿测试通知', read: false });
    expect(await unread(nanning)).toBe(before + 1);
    // addressed to professionals: a unit admin does not get it
    expect(await ids(nnAdmin1)).not.toContain(id);
    expect((await nnAdmin1.get(`/api/notices/${id}`)).statusCode).toBe(404);

    // opening it marks it read, once
    const opened = await nanning.get(`/api/notices/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      id,
      title: '草稿测试通知',
      body: expect.stringContaining('## 一、审核时间'),
    });
    expect(await unread(nanning)).toBe(before);
    await nanning.get(`/api/notices/${id}`);
    expect(await unread(nanning)).toBe(before);
    expect((await nanning.get('/api/notices')).json().items.find((r: { id: number }) => r.id === id).read).toBe(true);
    expect((await adminRow(id)).readers).toBe(1);
  });

  it('audits every change of state', async () => {
    const id = await published({ title: '审计测试通知' });
    await operator.post(`/api/notices/admin/${id}/pin`, { pinned: true });
    await operator.post(`/api/notices/admin/${id}/withdraw`);
    await operator.put(`/api/notices/admin/${id}`, notice({ title: '审计测试通知（修订）' }));
    await operator.post(`/api/notices/admin/${id}/publish`);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'notice'), eq(auditLog.targetId, String(id))))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual([
      'notices.create',
      'notices.publish',
      'notices.pin',
      'notices.withdraw',
      'notices.update',
      'notices.publish',
    ]);
  });

  it('refuses to change a published notice, to publish it twice, and to withdraw a draft', async () => {
    const id = await published();
    const edit = await operator.put(`/api/notices/admin/${id}`, notice({ title: '改过的标题' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('已发布的通知不能修改，请先撤回');
    expect((await operator.post(`/api/notices/admin/${id}/publish`)).statusCode).toBe(409);
    const draft = (await operator.post('/api/notices/admin', notice())).json().id as number;
    expect((await operator.post(`/api/notices/admin/${draft}/withdraw`)).statusCode).toBe(409);
    // a draft may be deleted, a published notice not
    expect((await operator.delete(`/api/notices/admin/${id}`)).statusCode).toBe(409);
    expect((await operator.delete(`/api/notices/admin/${draft}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/notices/admin/${draft}`)).statusCode).toBe(404);
  });

  it('names the missing field of a region or industry notice', async () => {
    const res = await operator.post('/api/notices/admin', notice({ audience: 'region' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'regionCode', reason: '请选择通知的地区' })]),
    );
    const unknown = await operator.post('/api/notices/admin', notice({ audience: 'region', regionCode: '459999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ field: 'regionCode', reason: '所选地区不存在' }]);
  });

  it('lets only the operator write', async () => {
    expect((await nanning.post('/api/notices/admin', notice())).statusCode).toBe(403);
    expect((await nnAdmin1.get('/api/notices/admin')).statusCode).toBe(403);
  });
});

describe('who a notice reaches', () => {
  it('a 南宁-only notice reaches people, units and the bureau of 南宁, not a professional in 柳州', async () => {
    const id = await published({
      title: '南宁市专业技术人员继续教育工作提示',
      audience: 'region',
      regionCode: '450100',
    });
    expect(await ids(nanning)).toContain(id);
    expect(await ids(nnAdmin1)).toContain(id);
    expect(await ids(hrNanning)).toContain(id);
    expect(await ids(liuzhou)).not.toContain(id);
    expect(await ids(lzAdmin)).not.toContain(id);
    expect((await liuzhou.get(`/api/notices/${id}`)).statusCode).toBe(404);
  });

  it('an industry notice reaches the units of that industry and their people', async () => {
    const id = await published({ title: '卫生健康行业继续教育通知', audience: 'industry', industryCode: 'Q' });
    expect(await ids(nanning)).toContain(id);
    expect(await ids(nnAdmin2)).toContain(id);
    expect(await ids(liuzhou)).not.toContain(id);
  });

  it('a withdrawn notice disappears for readers and comes back when published again', async () => {
    const id = await published({ title: '将被撤回的通知', audience: 'everyone' });
    expect(await ids(liuzhou)).toContain(id);
    expect(
      (await t.client().get('/api/public/notices?pageSize=200')).json().items.map((r: { id: number }) => r.id),
    ).toContain(id);
    expect((await operator.post(`/api/notices/admin/${id}/withdraw`)).statusCode).toBe(200);
    expect(await ids(liuzhou)).not.toContain(id);
    expect((await liuzhou.get(`/api/notices/${id}`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/public/notices/${id}`)).statusCode).toBe(404);
    expect((await adminRow(id)).status).toBe('withdrawn');
    expect((await operator.post(`/api/notices/admin/${id}/publish`)).statusCode).toBe(200);
    expect(await ids(liuzhou)).toContain(id);
  });

  it('lists unread notices first; among the unread and among the read, pinned ones first, then the newest', async () => {
    const pinnedRead = await published({ title: '置顶的已读旧通知' });
    const pinnedUnread = await published({ title: '置顶的未读通知' });
    const unreadOne = await published({ title: '较早的未读通知' });
    const readOne = await published({ title: '最新的已读通知' });
    for (const id of [pinnedRead, pinnedUnread]) {
      expect((await operator.post(`/api/notices/admin/${id}/pin`, { pinned: true })).statusCode).toBe(200);
    }
    await liuzhou.get(`/api/notices/${pinnedRead}`);
    await liuzhou.get(`/api/notices/${readOne}`);
    const mine = [pinnedRead, pinnedUnread, unreadOne, readOne];
    const order = (await ids(liuzhou)).filter((i) => mine.includes(i));
    // An unread notice comes before a pinned read one; pinning still leads within each half, however old.
    expect(order).toEqual([pinnedUnread, unreadOne, pinnedRead, readOne]);
    // The first page of a few (the 用户管理中心's) starts with every unread notice.
    const firstFew = (await liuzhou.get('/api/notices?page=1&pageSize=5')).json().items as Array<{ read: boolean }>;
    const unreadTotal = await unread(liuzhou);
    expect(firstFew.map((r) => r.read)).toEqual(firstFew.map((_, i) => i >= Math.min(unreadTotal, firstFew.length)));
  });

  it('shows the public notices without a login, and only those', async () => {
    const pub = await published({ title: '公开通知', audience: 'everyone' });
    const prof = await published({ title: '仅专业技术人员', audience: 'professionals' });
    const anon = t.client();
    const list = (await anon.get('/api/public/notices?pageSize=200')).json();
    const listed = list.items.map((r: { id: number }) => r.id);
    expect(listed).toContain(pub);
    expect(listed).not.toContain(prof);
    expect(list.items[0]).toEqual({
      id: expect.any(Number),
      title: expect.any(String),
      pinned: expect.any(Boolean),
      publishedAt: expect.any(String),
    });
    expect((await anon.get(`/api/public/notices/${pub}`)).json().title).toBe('公开通知');
    expect((await anon.get(`/api/public/notices/${prof}`)).statusCode).toBe(404);
    expect((await anon.get('/api/notices')).statusCode).toBe(401);
  });
});

/** Units that can read a notice: neither 停用 nor 已合并. */
const ACTIVE = sql`disabled_at IS NULL AND merged_into_id IS NULL`;

describe('reads of unit admins', () => {
  it('counts a unit once, however many of its admins read and how often', async () => {
    const id = await published({ title: '关于年度审核截止的通知', audience: 'unit_admins' });
    const [active] = (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM units WHERE ${ACTIVE}`))
      .rows;
    expect((await adminRow(id)).unitReads).toEqual({ read: 0, expected: Number(active!.n) });
    await nnAdmin1.get(`/api/notices/${id}`);
    await nnAdmin1.get(`/api/notices/${id}`);
    expect((await adminRow(id)).unitReads!.read).toBe(1);
    await nnAdmin2.get(`/api/notices/${id}`);
    expect((await adminRow(id)).unitReads!.read).toBe(1);
    expect((await adminRow(id)).readers).toBe(2);
    await lzAdmin.get(`/api/notices/${id}`);
    expect((await adminRow(id)).unitReads!.read).toBe(2);
  });

  it('expects no read of a disabled or a merged unit, and forgets the read of a unit disabled after it read', async () => {
    const id = await published({ title: '关于单位信息核对的通知', audience: 'unit_admins' });
    const before = (await adminRow(id)).unitReads!;
    const at = new Date();
    const target = await buildUnit(t.db, { name: '合并后的单位' });
    await buildUnit(t.db, { name: '已停用的单位', disabledAt: at });
    await buildUnit(t.db, { name: '已合并的单位', disabledAt: at, mergedIntoId: target.id });
    // Only the enabled one of the three is expected to read.
    expect((await adminRow(id)).unitReads).toEqual({ read: before.read, expected: before.expected + 1 });

    const leaving = await buildUnit(t.db, { name: '即将停用的单位' });
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: leaving.id });
    await (await loggedIn(t, admin.username, PASSWORD, 'unit')).get(`/api/notices/${id}`);
    expect((await adminRow(id)).unitReads).toEqual({ read: before.read + 1, expected: before.expected + 2 });
    await t.db.update(units).set({ disabledAt: at }).where(eq(units.id, leaving.id));
    expect((await adminRow(id)).unitReads).toEqual({ read: before.read, expected: before.expected + 1 });
  });

  it('counts only the units of the region for a region notice', async () => {
    const id = await published({ title: '柳州市单位通知', audience: 'region', regionCode: '450200' });
    const [active] = (
      await t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM units WHERE region_code LIKE '4502%' AND ${ACTIVE}`,
      )
    ).rows;
    await lzAdmin.get(`/api/notices/${id}`);
    expect((await adminRow(id)).unitReads).toEqual({ read: 1, expected: Number(active!.n) });
  });
});

describe('attachments', () => {
  it('stores an accepted file and serves it as a download to the notice’s readers only', async () => {
    const id = (await operator.post('/api/notices/admin', notice({ title: '带附件的通知' }))).json().id as number;
    const res = await upload(operator, id, '附件1.报名表.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({ fileName: '附件1.报名表.pdf', mimeType: 'application/pdf', size: PDF.length });
    // The operator downloads it from the draft, under its own notice only.
    const own = await operator.get(`/api/notices/admin/${id}/attachments/${att.id}`);
    expect([own.statusCode, own.rawPayload.equals(PDF)]).toEqual([200, true]);
    expect((await operator.get(`/api/notices/admin/${id + 1000}/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await nanning.get(`/api/notices/admin/${id}/attachments/${att.id}`)).statusCode).toBe(403);
    await operator.post(`/api/notices/admin/${id}/publish`);
    expect((await nanning.get(`/api/notices/${id}`)).json().attachments).toEqual([att]);

    const dl = await nanning.get(`/api/notices/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // not addressed to unit admins, and not public
    expect((await nnAdmin1.get(`/api/notices/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/public/notices/attachments/${att.id}`)).statusCode).toBe(404);

    expect((await operator.delete(`/api/notices/admin/${id}/attachments/${att.id}`)).statusCode).toBe(200);
    expect((await nanning.get(`/api/notices/attachments/${att.id}`)).statusCode).toBe(404);
  });

  it('refuses a type not on the list, and a file whose content is not what its name says', async () => {
    const id = (await operator.post('/api/notices/admin', notice())).json().id as number;
    const exe = await upload(operator, id, 'setup.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toContain('附件只支持');
    const html = await upload(operator, id, '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toBe('文件内容与扩展名 .pdf 不符，请检查文件后重新上传');
    const docx = await upload(operator, id, '报名表.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(docx.statusCode).toBe(201);
  });

  it('lets anyone download the attachment of a public notice', async () => {
    const id = (await operator.post('/api/notices/admin', notice({ audience: 'everyone' }))).json().id as number;
    const att = (
      await upload(operator, id, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))
    ).json();
    expect((await t.client().get(`/api/public/notices/attachments/${att.id}`)).statusCode).toBe(404); // still a draft
    await operator.post(`/api/notices/admin/${id}/publish`);
    const dl = await t.client().get(`/api/public/notices/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(String(dl.headers['content-disposition'])).toContain('logo.png');
  });
});
