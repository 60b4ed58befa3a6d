import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, now, resetClock } from '../../clock';
import { accounts, auditLog, hourEvidence } from '../../db/schema/index';
import {
  buildAccount,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { allRight, atShanghai, compulsoryId, completeCourseInDb, paperOf, PREV, Y } from '../../../test/kits/learning';

let t: TestApp;
let desk: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const op = await buildAccount(t.db, { kind: 'operator', name: '客服热线坐席' });
  desk = await loggedIn(t, op.username, PASSWORD, 'authority');
});
afterAll(async () => t.close());
afterEach(() => resetClock());

const audits = (action: string, targetId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))));
const file = async (id: number) => {
  const res = await desk.get(`/api/helpdesk/people/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Every row of the two people in the tables a merge moves, as JSON, to compare before and after. */
async function snapshot(ids: number[]) {
  const list = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const q = async (query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows;
  return JSON.stringify({
    records: await q(sql`SELECT * FROM hour_records WHERE account_id IN (${list}) ORDER BY id`),
    evidence: await q(
      sql`SELECT e.*, h.account_id FROM hour_evidence e JOIN hour_records h ON h.id = e.record_id WHERE h.account_id IN (${list}) ORDER BY e.id`,
    ),
    rounds: await q(sql`SELECT * FROM exam_rounds WHERE account_id IN (${list}) ORDER BY 1, 2, 3`),
    attempts: await q(sql`SELECT * FROM exam_attempts WHERE account_id IN (${list}) ORDER BY id`),
    progress: await q(sql`SELECT * FROM chapter_progress WHERE account_id IN (${list}) ORDER BY 1, 2, 3, 4`),
    completions: await q(sql`SELECT * FROM course_completions WHERE account_id IN (${list}) ORDER BY 1, 2, 3, 4`),
    credits: await q(sql`SELECT * FROM public_credits WHERE account_id IN (${list}) ORDER BY 1, 2, 3`),
    certificates: await q(sql`SELECT * FROM certificates WHERE account_id IN (${list}) ORDER BY id`),
    makeups: await q(sql`SELECT * FROM makeup_requests WHERE account_id IN (${list}) ORDER BY id`),
  });
}

/** A person who passed this year's compulsory exam through the API. */
async function passExam(p: { id: number; username: string }) {
  await completeCourseInDb(t.db, p.id, Y, await compulsoryId(t.db));
  const c = await loggedIn(t, p.username, PASSWORD);
  const s = await c.post(`/api/exams/years/${Y}/attempts`);
  expect(s.statusCode, s.body).toBe(200);
  const done = await c.post(`/api/exams/attempts/${s.json().id}/submit`, {
    answers: allRight(await paperOf(t.db, s.json().id)),
  });
  expect(done.statusCode, done.body).toBe(200);
  return c;
}

async function certificateFor(accountId: number, year: number) {
  const code = `m${accountId}y${year}`.padEnd(16, 'x');
  await t.db
    .execute(sql`INSERT INTO certificates (kind, serial, code, account_id, year, snapshot, file_key, sha256, size, issued_at)
    VALUES ('ce', ${`GXJJ-${year}-${accountId}`}, ${code}, ${accountId}, ${year}, ${JSON.stringify({ title: '专业技术人员继续教育合格证书', name: '覃丽萍', idNumberMasked: '450***********1234', unitName: '柳州市工人医院', totalHours: 90 })}::jsonb, ${`certificates/${code}.pdf`}, ${'0'.repeat(64)}, 1, ${now().toISOString()}::timestamptz)`);
}

describe('合并账号', () => {
  it('moves hours, evidence, exam rounds, study, public hours and certificates to the kept account; the merged one is disabled; 撤销合并 puts back exactly what moved', async () => {
    atShanghai();
    const unit = await buildUnit(t.db, { name: '柳州市工人医院' });
    const kept = await buildProfessional(t.db, { name: '覃丽萍', unitId: unit.id });
    const dup = await buildProfessional(t.db, { name: '覃丽萍', unitId: unit.id });
    await buildRecord(t.db, { accountId: kept.id, hours: 16, status: 'approved', year: Y, unitId: unit.id });
    const moved = await buildRecord(t.db, {
      accountId: dup.id,
      hours: 24,
      status: 'approved',
      year: Y,
      unitId: unit.id,
      title: '临床检验质量控制培训班',
      startDate: `${Y}-03-02`,
      endDate: `${Y}-03-04`,
    });
    await t.db.insert(hourEvidence).values({
      recordId: moved.id,
      fileKey: `evidence/${moved.id}.pdf`,
      fileName: '结业证书.pdf',
      mime: 'application/pdf',
      size: 1024,
      sha256: 'a'.repeat(64),
      uploadedBy: dup.id,
      uploadedAt: now(),
    });
    const dupSession = await passExam(dup);
    await creditPublic(t.db, dup.id, PREV, 'elective');
    await certificateFor(dup.id, PREV);
    const before = await snapshot([kept.id, dup.id]);

    const preview = await desk.get(`/api/helpdesk/people/${kept.id}/merge-preview?mergedId=${dup.id}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      kept: { id: kept.id, name: '覃丽萍', unitName: '柳州市工人医院' },
      merged: { id: dup.id, idNumberMasked: expect.stringContaining('****') },
      counts: { records: 1, evidence: 1, rounds: 1, attempts: 1, publicCredits: 2, certificates: 1 },
      conflicts: [],
    });
    expect(preview.json().counts.progress).toBeGreaterThan(0);

    const res = await desk.post(`/api/helpdesk/people/${kept.id}/merge`, {
      mergedId: dup.id,
      reason: '重复注册（身份证号码录入错误）',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual(preview.json().counts);

    const k = await file(kept.id);
    expect(k.years.find((y: { year: number }) => y.year === Y)).toMatchObject({ professionalHours: 40 });
    expect(k.exams.find((e: { year: number }) => e.year === Y)).toMatchObject({ passed: true });
    expect(k.certificates).toHaveLength(1);
    expect(k.merges).toEqual([
      expect.objectContaining({
        id: res.json().mergeId,
        merged: expect.objectContaining({ id: dup.id }),
        canUndo: true,
      }),
    ]);
    const d = await file(dup.id);
    expect(d).toMatchObject({ mergedInto: { id: kept.id, name: '覃丽萍' }, account: { loginEnabled: false } });
    expect(d.years.every((y: { professionalHours: number }) => y.professionalHours === 0)).toBe(true);
    expect(d.certificates).toEqual([]);
    // the merged account's session ended and it cannot log in
    expect((await dupSession.get('/api/me')).statusCode).toBe(401);
    expect((await t.client().login(dup.username, PASSWORD, 'person')).statusCode).not.toBe(200);
    // audited on both accounts, with the counts
    const [onKept] = await audits('helpdesk.account.merge', kept.id);
    expect(onKept!.detail).toMatchObject({ mergeId: res.json().mergeId, counts: { records: 1, attempts: 1 } });
    expect(await audits('helpdesk.account.merged-away', dup.id)).toHaveLength(1);
    // a merged account takes part in no other merge
    const again = await desk.get(`/api/helpdesk/people/${kept.id}/merge-preview?mergedId=${dup.id}`);
    expect(again.statusCode).toBe(409);

    advance(29 * 24 * 3600 * 1000);
    const undo = await desk.post(`/api/helpdesk/merges/${res.json().mergeId}/undo`, { reason: '合并错了人，本人来电' });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await snapshot([kept.id, dup.id])).toBe(before);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, dup.id));
    expect(row).toMatchObject({ loginEnabled: true, mergedIntoId: null });
    expect((await t.client().login(dup.username, PASSWORD, 'person')).statusCode).toBe(200);
    expect(await audits('helpdesk.account.merge.undo', kept.id)).toHaveLength(1);
    expect(await audits('helpdesk.account.merge.undone', dup.id)).toHaveLength(1);
    expect((await file(kept.id)).merges[0]).toMatchObject({ canUndo: false, undoReason: '合并错了人，本人来电' });
    const twice = await desk.post(`/api/helpdesk/merges/${res.json().mergeId}/undo`, { reason: '再次撤销' });
    expect(twice.statusCode).toBe(409);
  });

  it('is refused, naming the conflict, when both accounts passed the same year’s exam or hold the same activity; nothing moves', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const a = await buildProfessional(t.db, { name: '黄志强', unitId: unit.id });
    const b = await buildProfessional(t.db, { name: '黄志强', unitId: unit.id });
    await passExam(a);
    await passExam(b);
    const same = { hours: 8, status: 'pending' as const, year: Y, unitId: unit.id, title: '新技术推广应用研修班' };
    await buildRecord(t.db, { accountId: a.id, ...same });
    await buildRecord(t.db, { accountId: b.id, ...same });
    const before = await snapshot([a.id, b.id]);

    const preview = (await desk.get(`/api/helpdesk/people/${a.id}/merge-preview?mergedId=${b.id}`)).json();
    expect(preview.conflicts[0]).toBe(`两个账号在${Y}年度都已通过公需科目考试（每人每年只能有一次合格成绩）`);
    expect(preview.conflicts).toContain(`两个账号都已计入${Y}年度公需科目必修课学时`);
    expect(preview.conflicts.some((c: string) => c.startsWith('重复的学时登记：《新技术推广应用研修班》'))).toBe(true);

    const res = await desk.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: b.id, reason: '重复注册' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('都已通过公需科目考试');
    expect(res.json().error.details).toEqual(
      preview.conflicts.map((reason: string) => ({ field: 'mergedId', reason })),
    );
    expect(await snapshot([a.id, b.id])).toBe(before);
    expect(await audits('helpdesk.account.merge', a.id)).toHaveLength(0);
  });

  it('refuses merging an account with itself, a missing reason, and undoing after the window', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const a = await buildProfessional(t.db, { unitId: unit.id });
    const b = await buildProfessional(t.db, { unitId: unit.id });
    expect(
      (await desk.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: a.id, reason: '重复注册' })).statusCode,
    ).toBe(400);
    expect((await desk.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: b.id, reason: '' })).statusCode).toBe(
      400,
    );
    const res = await desk.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: b.id, reason: '重复注册' });
    expect(res.statusCode, res.body).toBe(200);
    advance(31 * 24 * 3600 * 1000);
    const late = await desk.post(`/api/helpdesk/merges/${res.json().mergeId}/undo`, { reason: '本人来电' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已超过撤销期限');
    expect((await t.db.select().from(accounts).where(eq(accounts.id, b.id)))[0]).toMatchObject({
      mergedIntoId: a.id,
      loginEnabled: false,
    });
  });

  it('refuses undoing when the kept account took a new exam in a moved year since', async () => {
    atShanghai();
    const unit = await buildUnit(t.db);
    const a = await buildProfessional(t.db, { unitId: unit.id });
    const b = await buildProfessional(t.db, { unitId: unit.id });
    await completeCourseInDb(t.db, b.id, Y, await compulsoryId(t.db));
    const res = await desk.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: b.id, reason: '重复注册' });
    expect(res.statusCode, res.body).toBe(200);
    const c = await loggedIn(t, a.username, PASSWORD);
    expect((await c.post(`/api/exams/years/${Y}/attempts`)).statusCode).toBe(200);
    const undo = await desk.post(`/api/helpdesk/merges/${res.json().mergeId}/undo`, { reason: '本人来电' });
    expect(undo.statusCode).toBe(409);
    expect(undo.json().error.message).toContain(`合并后保留账号在${Y}年度又有了新的考试或补学补考记录`);
  });

  it('is the help desk’s alone: a unit admin and the person are refused', async () => {
    const unit = await buildUnit(t.db);
    const a = await buildProfessional(t.db, { unitId: unit.id });
    const b = await buildProfessional(t.db, { unitId: unit.id });
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const ac = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const self = await loggedIn(t, a.username, PASSWORD);
    for (const c of [ac, self]) {
      expect(
        (await c.post(`/api/helpdesk/people/${a.id}/merge`, { mergedId: b.id, reason: '重复注册' })).statusCode,
      ).toBe(403);
      expect((await c.get(`/api/helpdesk/people/${a.id}/merge-preview?mergedId=${b.id}`)).statusCode).toBe(403);
      expect((await c.post(`/api/helpdesk/merges/1/undo`, { reason: '本人来电' })).statusCode).toBe(403);
    }
    expect((await t.db.select().from(accounts).where(eq(accounts.id, b.id)))[0]!.mergedIntoId).toBeNull();
  });
});
