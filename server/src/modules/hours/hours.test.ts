import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, domainEvents, hourRecordEvents, hourRecords } from '../../db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildDepartment,
  buildProfessional,
  buildUnit,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { trainingBody } from '../../../test/kits/hours';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
// Mid-2024 in Shanghai: the 2024 plan is open.
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));

const record = trainingBody;

async function fixture() {
  const unit = await buildUnit(t.db, { name: '南宁市第一人民医院' });
  const deptA = await buildDepartment(t.db, unit.id, '内科');
  const deptB = await buildDepartment(t.db, unit.id, '外科');
  const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, name: '吴学军' });
  const adminA = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: deptA.id });
  const adminB = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: deptB.id });
  const personA = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptA.id, name: '刘晓玲' });
  const personB = await buildProfessional(t.db, { unitId: unit.id, departmentId: deptB.id, name: '覃建华' });
  return { unit, deptA, deptB, total, adminA, adminB, personA, personB };
}

const person = (p: { username: string }) => loggedIn(t, p.username, PASSWORD, 'person');
const admin = (a: { username: string }) => loggedIn(t, a.username, PASSWORD, 'unit');

async function submitted(c: TestClient, over: Record<string, unknown> = {}) {
  const created = await c.post('/api/hours/records', record(over));
  expect(created.statusCode).toBe(201);
  const id = created.json().id as number;
  const sub = await c.post('/api/hours/records/submit', { ids: [id], target: 'unit' });
  expect(sub.json()).toEqual({ done: [id], refused: [] });
  return id;
}

describe('学时登记: the record and its hours', () => {
  it('defaults a two-day class (上午 to 下午) to 16 学时; a half day to 4, a full day to 8', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    expect((await c.post('/api/hours/records', record())).json().hours).toBe(16);
    expect((await c.post('/api/hours/records', record({ endDate: '2024-05-06', endHalf: 'am' }))).json().hours).toBe(4);
    expect((await c.post('/api/hours/records', record({ endDate: '2024-05-06', endHalf: 'pm' }))).json().hours).toBe(8);
    const preview = await c.get('/api/hours/preview?startDate=2024-05-06&startHalf=am&endDate=2024-05-07&endHalf=pm');
    expect(preview.json()).toEqual({ halfDays: 4, hours: 16 });
    const list = (await c.get('/api/hours/my/records')).json();
    expect(list.total).toBe(3);
    expect(list.items.every((r: { status: string }) => r.status === 'draft')).toBe(true);
  });

  it('lets other activities overwrite 申请学时 but not training classes', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    expect((await c.post('/api/hours/records', record({ activityType: 'academic', hours: 3.5 }))).json().hours).toBe(
      3.5,
    );
    const bad = await c.post('/api/hours/records', record({ hours: 20 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'hours' });
  });

  it('refuses a record that spans two years (不能跨年登记), saying why', async () => {
    const f = await fixture();
    setNow('2025-01-10T10:00:00+08:00');
    const c = await person(f.personA);
    const res = await c.post('/api/hours/records', record({ startDate: '2024-12-30', endDate: '2025-01-02' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('endDate');
    expect(res.json().error.message).toContain('不能跨年登记');
  });

  it('refuses the missing declaration 本人承诺以上信息属实', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    for (const declared of [false, undefined]) {
      const res = await c.post('/api/hours/records', record({ declared }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'declared', reason: '请勾选“本人承诺以上信息属实”' });
    }
    expect(await t.db.select().from(hourRecords).where(eq(hourRecords.accountId, f.personA.id))).toHaveLength(0);
  });

  it('closes year Y at the end of Mar 31 of Y+1 (Asia/Shanghai)', async () => {
    const f = await fixture();
    setNow('2025-03-31T23:59:00+08:00');
    const c = await person(f.personA);
    expect((await c.post('/api/hours/records', record())).statusCode).toBe(201);
    setNow('2025-04-01T00:00:00+08:00');
    const res = await c.post('/api/hours/records', record());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('YEAR_CLOSED');
    expect(res.json().error.message).toContain('2025年3月31日截止');
  });

  it('refuses a record that ends in the future', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const res = await c.post('/api/hours/records', record({ startDate: '2024-06-20', endDate: '2024-06-21' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不能晚于今天');
  });
});

describe('the same training registered twice', () => {
  it('a 12-day 培训班 is 96 学时 and saves: training classes have no per-record cap', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const res = await c.post('/api/hours/records', record({ startDate: '2024-03-04', endDate: '2024-03-15' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().hours).toBe(96);
    expect(
      (await c.get('/api/hours/preview?startDate=2024-03-04&startHalf=am&endDate=2024-03-15&endHalf=pm')).json(),
    ).toEqual({ halfDays: 24, hours: 96 });
  });

  it('refuses a second registration of the same training, naming the record already there; a rejected one does not count', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const first = (await c.post('/api/hours/records', record())).json().id as number;
    const again = await c.post('/api/hours/records', record());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      `已有相同起止时间的学时记录「医院感染预防与控制专题培训班」（2024-05-06至2024-05-07，记录编号${first}，待提交），同一培训不能重复登记`,
    );
    expect(again.json().error.details[0].field).toBe('startDate');
    // the unit registering it for the person is refused the same way
    const unitSide = await (await admin(f.total)).post('/api/hours/records', { ...record(), accountId: f.personA.id });
    expect(unitSide.statusCode).toBe(409);
    // another training of the same days is a different record; it may not be changed into a twin
    const other = (
      await c.post('/api/hours/records', record({ title: '临床用药安全讲座', activityType: 'academic', hours: 2 }))
    ).json().id as number;
    expect(
      (await c.put(`/api/hours/records/${other}`, record({ title: ' 医院感染预防与控制专题培训班 ' }))).statusCode,
    ).toBe(409);
    expect((await c.put(`/api/hours/records/${first}`, record({ remarks: '补充说明' }))).statusCode).toBe(200);
    // once the first is 不予认定, registering again is allowed
    await c.post('/api/hours/records/submit', { ids: [first], target: 'unit' });
    await (await admin(f.total)).post('/api/hours/review/reject', { ids: [first], opinion: '缺少结业证明' });
    expect((await c.post('/api/hours/records', record())).statusCode).toBe(201);
  });

  it('registers the same training sent 8 times at once exactly once', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        c.post('/api/hours/records', record({ startDate: '2024-04-01', endDate: '2024-04-02' })),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    const rows = await t.db
      .select()
      .from(hourRecords)
      .where(and(eq(hourRecords.accountId, f.personA.id), eq(hourRecords.startDate, '2024-04-01')));
    expect(rows).toHaveLength(1);
  });
});

describe('submission, withdrawal and review', () => {
  it('批量提交至本单位审核 → 待初审; 撤回 only while 待初审, back to an editable draft', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const ids = [
      (await c.post('/api/hours/records', record())).json().id,
      (
        await c.post('/api/hours/records', record({ title: '临床用药安全讲座', activityType: 'academic', hours: 2 }))
      ).json().id,
    ];
    expect((await c.post('/api/hours/records/submit', { ids, target: 'unit' })).json()).toEqual({
      done: ids,
      refused: [],
    });
    expect((await c.put(`/api/hours/records/${ids[0]}`, record({ title: '改' }))).statusCode).toBe(409);
    expect((await c.post(`/api/hours/records/${ids[0]}/withdraw`)).statusCode).toBe(200);
    expect((await c.post(`/api/hours/records/${ids[0]}/withdraw`)).statusCode).toBe(409);
    expect(
      (await c.put(`/api/hours/records/${ids[0]}`, record({ title: '医院感染预防与控制专题培训班（第二期）' })))
        .statusCode,
    ).toBe(200);
    const detail = (await c.get(`/api/hours/records/${ids[0]}`)).json();
    expect(detail.status).toBe('draft');
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'withdraw', 'update']);
    expect(detail.history[1].targetName).toBe('南宁市第一人民医院');
    // Decided records cannot be withdrawn.
    const total = await admin(f.total);
    await total.post('/api/hours/review/approve', { ids: [ids[1]] });
    expect((await c.post(`/api/hours/records/${ids[1]}/withdraw`)).statusCode).toBe(409);
  });

  it('approves: the professional gets the hours in 培训总体查询, with who and when in the history', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const id = await submitted(c);
    const adminA = await admin(f.adminA);
    const queue = (await adminA.get('/api/hours/review/queue')).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toEqual([id]);
    expect(queue.items[0]).toMatchObject({ personName: '刘晓玲', status: 'pending', hours: 16 });
    expect((await adminA.post('/api/hours/review/approve', { ids: [id] })).json()).toEqual({ done: [id], refused: [] });
    const overview = (await c.get('/api/hours/my/overview')).json();
    expect(overview[0]).toMatchObject({ year: 2024, professionalHours: 16, totalHours: 16, pendingCount: 0 });
    const detail = (await c.get(`/api/hours/records/${id}`)).json();
    expect(detail.status).toBe('approved');
    expect(detail.history.at(-1)).toMatchObject({ action: 'approve', actorName: f.adminA.name });
  });

  it('applies the same decision sent 10 times at once exactly once', async () => {
    const f = await fixture();
    const id = await submitted(await person(f.personA));
    const adminA = await admin(f.adminA);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => adminA.post('/api/hours/review/approve', { ids: [id] })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.message).toContain('不能重复审核');
    }
    const approvals = await t.db
      .select()
      .from(hourRecordEvents)
      .where(and(eq(hourRecordEvents.recordId, id), eq(hourRecordEvents.action, 'approve')));
    expect(approvals).toHaveLength(1);
  });

  it('refuses a decision on a record withdrawn a moment earlier, and reports it in a batch', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const a = await submitted(c);
    const b = await submitted(c, { startDate: '2024-05-09', endDate: '2024-05-10' });
    await c.post(`/api/hours/records/${a}/withdraw`);
    const total = await admin(f.total);
    const res = await total.post('/api/hours/review/approve', { ids: [a, b] });
    expect(res.json().done).toEqual([b]);
    expect(res.json().refused).toEqual([{ id: a, reason: '记录已是“待提交”状态，不能重复审核' }]);
  });

  it('不通过 needs 审核意见; 批量不通过审核 takes one opinion for all', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const ids = [await submitted(c), await submitted(c, { startDate: '2024-05-09', endDate: '2024-05-10' })];
    const total = await admin(f.total);
    const noOpinion = await total.post('/api/hours/review/reject', { ids });
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().error.details[0]).toMatchObject({ field: 'opinion', reason: '请填写审核意见' });
    expect((await total.post('/api/hours/review/reject', { ids, opinion: '   ' })).statusCode).toBe(400);
    expect(
      (await total.post('/api/hours/review/reject', { ids, opinion: '缺少培训通知和结业证明' })).json().done.sort(),
    ).toEqual([...ids].sort());
    const detail = (await c.get(`/api/hours/records/${ids[0]}`)).json();
    expect(detail).toMatchObject({ status: 'rejected', opinion: '缺少培训通知和结业证明' });
    // A rejected record may be edited (becoming a draft) or deleted by its owner.
    expect((await c.put(`/api/hours/records/${ids[0]}`, record())).statusCode).toBe(200);
    expect((await c.delete(`/api/hours/records/${ids[1]}`)).statusCode).toBe(200);
  });

  it('keeps a department admin to its own department: queue, results, detail and decisions', async () => {
    const f = await fixture();
    const idB = await submitted(await person(f.personB));
    const adminA = await admin(f.adminA);
    expect((await adminA.get('/api/hours/review/queue')).json().total).toBe(0);
    expect((await adminA.get('/api/hours/unit/results?status=pending')).json().total).toBe(0);
    expect((await adminA.get(`/api/hours/records/${idB}`)).statusCode).toBe(404);
    const decide = await adminA.post('/api/hours/review/approve', { ids: [idB] });
    expect(decide.statusCode).toBe(404);
    expect((await t.db.select().from(hourRecords).where(eq(hourRecords.id, idB)))[0]!.status).toBe('pending');
    const adminB = await admin(f.adminB);
    expect((await adminB.post('/api/hours/review/approve', { ids: [idB] })).json().done).toEqual([idB]);
  });

  it('refuses decisions after the year closed', async () => {
    const f = await fixture();
    const id = await submitted(await person(f.personA));
    setNow('2025-04-01T08:00:00+08:00');
    const res = await (await admin(f.total)).post('/api/hours/review/approve', { ids: [id] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('截止');
  });

  it('handles concurrent submissions of one record once', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const id = (await c.post('/api/hours/records', record())).json().id;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.post('/api/hours/records/submit', { ids: [id], target: 'unit' })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const submits = await t.db
      .select()
      .from(hourRecordEvents)
      .where(and(eq(hourRecordEvents.recordId, id), eq(hourRecordEvents.action, 'submit')));
    expect(submits).toHaveLength(1);
  });

  it('提交至主管部门审核: the authority reviews in its own queue; the unit does not', async () => {
    const f = await fixture();
    const authority = await buildAuthority(t.db, { name: '广西壮族自治区卫生健康委员会', industryCode: 'Q' });
    const officer = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'authority', authorityId: authority.id })).username,
      PASSWORD,
      'authority',
    );
    const c = await person(f.personA);
    const id = (await c.post('/api/hours/records', record())).json().id;
    const sub = await c.post('/api/hours/records/submit', {
      ids: [id],
      target: 'authority',
      authorityId: authority.id,
    });
    expect(sub.json().done).toEqual([id]);
    expect((await (await admin(f.total)).get('/api/hours/review/queue')).json().total).toBe(0);
    expect((await (await admin(f.total)).post('/api/hours/review/approve', { ids: [id] })).statusCode).toBe(404);
    const queue = (await officer.get('/api/hours/review/queue')).json();
    expect(queue.items[0]).toMatchObject({ id, reviewerName: '广西壮族自治区卫生健康委员会' });
    expect((await officer.post('/api/hours/review/approve', { ids: [id] })).json().done).toEqual([id]);
  });
});

describe('unit side: 专业科目学时登记, 审核结果, 删除, 查询', () => {
  it('registers for a staff member in scope only, and batch-submits to the unit review', async () => {
    const f = await fixture();
    const adminA = await admin(f.adminA);
    const mine = await adminA.post('/api/hours/records', { ...record(), accountId: f.personA.id });
    expect(mine.statusCode).toBe(201);
    const other = await adminA.post('/api/hours/records', { ...record(), accountId: f.personB.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].field).toBe('accountId');
    const regs = (await adminA.get('/api/hours/unit/registrations')).json();
    expect(regs.items.map((r: { id: number }) => r.id)).toEqual([mine.json().id]);
    expect(
      (await adminA.post('/api/hours/records/submit', { ids: [mine.json().id], target: 'unit' })).json().done,
    ).toEqual([mine.json().id]);
    expect((await adminA.get('/api/hours/review/queue')).json().items[0].source).toBe('unit');
  });

  it('审核结果 filters by status and searches by name or ID number', async () => {
    const f = await fixture();
    const a = await submitted(await person(f.personA));
    await submitted(await person(f.personB));
    const total = await admin(f.total);
    await total.post('/api/hours/review/approve', { ids: [a] });
    expect(
      (await total.get('/api/hours/unit/results?status=approved')).json().items.map((r: { id: number }) => r.id),
    ).toEqual([a]);
    expect((await total.get('/api/hours/unit/results?status=pending')).json().total).toBe(1);
    expect((await total.get(`/api/hours/unit/results?q=${encodeURIComponent('刘晓玲')}`)).json().total).toBe(1);
    expect((await total.get(`/api/hours/unit/results?q=${f.personB.idNumber}`)).json().items[0].personName).toBe(
      '覃建华',
    );
    const py = (await total.get('/api/hours/unit/person-years?year=2024')).json();
    expect(py.items.find((r: { accountId: number }) => r.accountId === f.personA.id)).toMatchObject({
      professionalHours: 16,
      totalHours: 16,
      recordCount: 1,
    });
  });

  it('deletes approved hours only by the unit, with a reason, audited, raising the revocation event', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const id = await submitted(c);
    const total = await admin(f.total);
    await total.post('/api/hours/review/approve', { ids: [id] });
    expect((await c.delete(`/api/hours/records/${id}`)).statusCode).toBe(403);
    const noReason = await total.delete(`/api/hours/records/${id}`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    expect((await total.delete(`/api/hours/records/${id}`, { reason: '培训时间登记错误' })).statusCode).toBe(200);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hours.record.delete'), eq(auditLog.targetId, String(id))));
    expect(entry!.detail).toMatchObject({
      status: 'approved',
      hours: 16,
      reason: '培训时间登记错误',
      accountId: f.personA.id,
    });
    const events = await t.db.select().from(domainEvents).where(eq(domainEvents.type, 'hours.approved-deleted'));
    expect(events.filter((e) => e.accountId === f.personA.id && e.year === 2024)).toHaveLength(1);
    expect((await c.get('/api/hours/my/overview')).json()[0]?.professionalHours ?? 0).toBe(0);
  });

  it('lets the owner delete a record still 待初审 that went to the wrong unit, then register again', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const id = await submitted(c);
    expect((await c.delete(`/api/hours/records/${id}`)).statusCode).toBe(200);
    expect((await (await admin(f.total)).get('/api/hours/review/queue')).json().total).toBe(0);
  });

  it('after a change of unit, approved history stays with the old unit and new submissions go to the new one', async () => {
    const f = await fixture();
    const c = await person(f.personA);
    const old = await submitted(c);
    await (await admin(f.total)).post('/api/hours/review/approve', { ids: [old] });
    const draft = (await c.post('/api/hours/records', record({ title: '新单位的培训' }))).json().id;
    const newUnit = await buildUnit(t.db, { name: '广西医科大学第一附属医院' });
    const newAdmin = await buildAccount(t.db, { kind: 'unit_admin', unitId: newUnit.id });
    expect((await c.put('/api/me/unit', { unitId: newUnit.id })).statusCode).toBe(200);
    await c.post('/api/hours/records/submit', { ids: [draft], target: 'unit' });
    const oldResults = (await (await admin(f.total)).get('/api/hours/unit/results')).json();
    expect(oldResults.items.map((r: { id: number }) => r.id)).toEqual([old]);
    const newQueue = (await (await admin(newAdmin)).get('/api/hours/review/queue')).json();
    expect(newQueue.items.map((r: { id: number }) => r.id)).toEqual([draft]);
  });
});

describe('evidence files', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const upload = (c: TestClient, id: number, name: string, data: Buffer) => {
    const boundary = '----ptce' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/hours/records/${id}/evidence`,
      payload: body,
      headers: {
        cookie: c.cookie!,
        'x-csrf-token': c.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
  };

  it('accepts a PDF checked by content and serves it only to those who may see the record', async () => {
    const f = await fixture();
    const owner = await person(f.personA);
    const id = (await owner.post('/api/hours/records', record())).json().id;
    const up = await upload(owner, id, '结业证书.pdf', pdf);
    expect(up.statusCode).toBe(201);
    const evidenceId = up.json().id;
    const got = await owner.get(`/api/hours/evidence/${evidenceId}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''%E7%BB%93%E4%B8%9A%E8%AF%81%E4%B9%A6.pdf");
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await (await person(f.personB)).get(`/api/hours/evidence/${evidenceId}`)).statusCode).toBe(404);
    expect((await (await admin(f.adminB)).get(`/api/hours/evidence/${evidenceId}`)).statusCode).toBe(404);
    expect((await (await admin(f.adminA)).get(`/api/hours/evidence/${evidenceId}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/hours/records/${id}`)).json().evidence[0]).toMatchObject({
      fileName: '结业证书.pdf',
      mime: 'application/pdf',
    });
  });

  it('refuses a file whose content is not PDF/JPG/PNG, whatever its name', async () => {
    const f = await fixture();
    const owner = await person(f.personA);
    const id = (await owner.post('/api/hours/records', record())).json().id;
    const res = await upload(owner, id, 'fake.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('PDF、JPG、PNG');
    const tooBig = await upload(owner, id, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('证明材料不能超过10MB');
    expect((await owner.get(`/api/hours/records/${id}`)).json().evidence).toEqual([]);
  });
});
