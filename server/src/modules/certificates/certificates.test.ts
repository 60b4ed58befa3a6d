import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { accounts, auditLog, certificates } from '../../db/schema/index';
import {
  buildAccount,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';
import { pdfText } from '../../../test/kits/pdf';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ptce.example.cn' });
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-10-15T10:00:00+08:00'));

async function eligible(professional = 65) {
  const unit = await buildUnit(t.db, { name: '南宁市第一人民医院' });
  const p = await buildProfessional(t.db, { unitId: unit.id, name: '黄丽萍' });
  const record = await buildRecord(t.db, { accountId: p.id, hours: professional, status: 'approved', unitId: unit.id });
  await creditPublic(t.db, p.id, 2024, 'compulsory');
  await creditPublic(t.db, p.id, 2024, 'elective');
  const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
  return { unit, p, record, admin, c: await loggedIn(t, p.username, PASSWORD) };
}

/** Renders page 1 to a grayscale bitmap with pdftoppm and returns the share of dark pixels. */
const inkRatio = (pdf: Buffer) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-render-'));
  try {
    fs.writeFileSync(path.join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'c.pdf'),
      path.join(dir, 'page'),
    ]);
    const pgm = fs.readFileSync(
      path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!,
      ),
    );
    const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const pixels = pgm.subarray(header[0].length);
    let dark = 0;
    for (const v of pixels) if (v < 128) dark++;
    return dark / pixels.length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

describe('打印证书', () => {
  it('refuses a certificate when the person is not eligible, saying why', async () => {
    const { c } = await eligible(30);
    const ce = await c.post('/api/certificates', { kind: 'ce', year: 2024 });
    expect(ce.statusCode).toBe(403);
    expect(ce.json().error.message).toContain('尚未达标');
    const unit = await buildUnit(t.db);
    const fresh = await buildProfessional(t.db, { unitId: unit.id });
    const c2 = await loggedIn(t, fresh.username, PASSWORD);
    const exam = await c2.post('/api/certificates', { kind: 'public_exam', year: 2024 });
    expect(exam.statusCode).toBe(403);
    expect(exam.json().error.message).toContain('必修课');
  });

  it('issues the continuing-education certificate as an A4 PDF with the name as text, Chinese glyphs and a QR link', async () => {
    const { c, p } = await eligible();
    const res = await c.post('/api/certificates', { kind: 'ce', year: 2024 });
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(info.serial).toMatch(/^2024JX\d{8}$/);
    expect(info.verifyUrl).toMatch(/^https:\/\/ptce\.example\.cn\/verify\/[A-Za-z0-9_-]{20}$/);
    const pdf = await c.get(`/api/certificates/${info.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.length).toBeLessThan(100 * 1024);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('专业技术人员继续教育合格证书');
    expect(text).toContain('黄丽萍');
    expect(text).toContain(`${p.idNumber!.slice(0, 6)}********${p.idNumber!.slice(-4)}`);
    expect(text).not.toContain(p.idNumber!);
    expect(text).toContain('南宁市第一人民医院');
    expect(text.replace(/\s+/g, '')).toContain('合计90学时');
    expect(text).toContain(info.serial);
    expect(text).toContain('广西壮族自治区人力资源和社会保障厅');
    const ink = inkRatio(pdf.rawPayload);
    expect(ink).toBeGreaterThan(0.01); // not blank
    expect(ink).toBeLessThan(0.5);
  });

  it('is a stored snapshot: asking again and later edits return the very same file', async () => {
    const { c, p } = await eligible();
    const first = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    const bytes = (await c.get(`/api/certificates/${first.id}/pdf`)).rawPayload;
    await t.db.update(accounts).set({ name: '黄丽平' }).where(eq(accounts.id, p.id));
    const again = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    expect(again.id).toBe(first.id);
    expect((await c.get(`/api/certificates/${again.id}/pdf`)).rawPayload.equals(bytes)).toBe(true);
    const twice = await Promise.all([
      c.post('/api/certificates', { kind: 'public_exam', year: 2024 }),
      c.post('/api/certificates', { kind: 'public_exam', year: 2024 }),
    ]);
    expect(twice[0]!.json().id).toBe(twice[1]!.json().id);
  });

  it('issues the public-subject exam certificate once the compulsory exam is passed', async () => {
    const { c } = await eligible(10);
    const res = await c.post('/api/certificates', { kind: 'public_exam', year: 2024 });
    expect(res.statusCode).toBe(200);
    const text = pdfText((await c.get(`/api/certificates/${res.json().id}/pdf`)).rawPayload);
    expect(text).toContain('专业技术人员继续教育公需科目考试合格证书');
    expect(text.replace(/\s+/g, '')).toContain('获得15学时');
  });

  it('does not hand one person’s certificate to another', async () => {
    const a = await eligible();
    const b = await eligible();
    const info = (await a.c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    expect((await b.c.get(`/api/certificates/${info.id}/pdf`)).statusCode).toBe(404);
  });
});

describe('revocation and public verification', () => {
  it('deleting approved hours revokes the certificate; verification shows revoked; a new one gets a new serial', async () => {
    const { c, p, record, admin, unit } = await eligible(70);
    const extra = await buildRecord(t.db, { accountId: p.id, hours: 10, status: 'approved', unitId: unit.id });
    const cert = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    const code = cert.verifyUrl.split('/').pop();
    const anon = t.client();
    expect((await anon.get(`/api/verify/${code}`)).json()).toMatchObject({
      status: 'valid',
      name: '黄**',
      year: 2024,
      totalHours: 105,
      professionalHours: 80,
    });

    const adminC = await loggedIn(t, admin.username, PASSWORD, 'unit');
    expect((await adminC.delete(`/api/hours/records/${extra.id}`, { reason: '重复登记' })).statusCode).toBe(200);
    const after = (await anon.get(`/api/verify/${code}`)).json();
    expect(after.status).toBe('revoked');
    expect(after.revokedAt).toBeTruthy();
    expect(after.revokeReason).toContain('重复登记');
    const [rev] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.revoke'), eq(auditLog.targetId, String(cert.id))));
    expect(rev).toBeTruthy();

    // Still 达标 with 70 + 25: a new certificate, new serial and code.
    const renewed = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    expect(renewed.serial).not.toBe(cert.serial);
    expect(renewed.verifyUrl).not.toBe(cert.verifyUrl);
    expect((await anon.get(`/api/verify/${renewed.verifyUrl.split('/').pop()}`)).json().status).toBe('valid');
    expect(record.id).toBeGreaterThan(0);
    expect((await c.get('/api/certificates/my')).json()).toHaveLength(2);
  });

  it('says so for an unknown code, and refuses malformed ones', async () => {
    const anon = t.client();
    const res = await anon.get('/api/verify/AAAAAAAAAAAAAAAAAAAA');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('证书不存在');
    expect((await anon.get('/api/verify/short')).statusCode).toBe(400);
  });

  it('lets the operator revoke with a reason — and nobody else', async () => {
    const { c } = await eligible();
    const cert = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    expect((await c.post(`/api/certificates/${cert.id}/revoke`, { reason: '冒用' })).statusCode).toBe(403);
    const op = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
    expect((await op.post(`/api/certificates/${cert.id}/revoke`, {})).statusCode).toBe(400);
    expect((await op.get(`/api/certificates/by-serial?serial=${cert.serial}`)).json().id).toBe(cert.id);
    expect((await op.post(`/api/certificates/${cert.id}/revoke`, { reason: '经核查学时材料不实' })).statusCode).toBe(
      200,
    );
    expect((await op.post(`/api/certificates/${cert.id}/revoke`, { reason: '再次' })).statusCode).toBe(409);
    const [row] = await t.db.select().from(certificates).where(eq(certificates.id, cert.id));
    expect(row!.revokeReason).toBe('经核查学时材料不实');
  });

  it('证书管理: the operator finds a person’s certificates by ID number or serial, as issued; others are refused', async () => {
    const { c, p, admin } = await eligible();
    const exam = (await c.post('/api/certificates', { kind: 'public_exam', year: 2024 })).json();
    const ce = (await c.post('/api/certificates', { kind: 'ce', year: 2024 })).json();
    const op = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');

    const byId = await op.get(`/api/certificates/admin?idNumber=${p.idNumber!.toLowerCase()}`);
    expect(byId.statusCode).toBe(200);
    const rows = byId.json();
    expect(rows.map((r: { id: number }) => r.id).sort()).toEqual([exam.id, ce.id].sort());
    const row = rows.find((r: { id: number }) => r.id === ce.id);
    expect(row).toMatchObject({
      serial: ce.serial,
      name: '黄丽萍',
      unitName: '南宁市第一人民医院',
      title: '专业技术人员继续教育合格证书',
      totalHours: 90,
      revokedAt: null,
    });
    expect(row.idNumberMasked).toBe(`${p.idNumber!.slice(0, 6)}********${p.idNumber!.slice(-4)}`);
    expect(JSON.stringify(rows)).not.toContain(p.idNumber!);

    // As issued: a later change of the person's name does not change what the operator sees.
    await t.db.update(accounts).set({ name: '黄丽平' }).where(eq(accounts.id, p.id));
    const bySerial = (await op.get(`/api/certificates/admin?serial=${ce.serial}`)).json();
    expect(bySerial).toHaveLength(1);
    expect(bySerial[0]).toMatchObject({ id: ce.id, name: '黄丽萍' });

    expect((await op.get('/api/certificates/admin?idNumber=450102199001011230')).json()).toEqual([]);
    const none = await op.get('/api/certificates/admin');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('二选一');
    expect((await op.get(`/api/certificates/admin?idNumber=${p.idNumber}&serial=${ce.serial}`)).statusCode).toBe(400);
    expect((await op.get('/api/certificates/admin?idNumber=12345')).statusCode).toBe(400);

    expect((await c.get(`/api/certificates/admin?idNumber=${p.idNumber}`)).statusCode).toBe(403);
    const unitAdmin = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const refused = await unitAdmin.get(`/api/certificates/admin?serial=${ce.serial}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await t.client().get(`/api/certificates/admin?serial=${ce.serial}`)).statusCode).toBe(401);
  });
});
