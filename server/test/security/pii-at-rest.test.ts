import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idNumberHash,
  keyIdOf,
  parsePiiKey,
  piiKeys,
  resolvePiiKeyring,
  usePiiKeys,
  type PiiKeyring,
} from '../../src/db/pii';
import { checkPiiKeys, encryptPlaintextPii, PiiKeyMismatchError, rotatePiiKeys } from '../../src/db/pii-migrate';
import { accounts } from '../../src/db/schema/index';
import { idCheckChar } from '../../src/domain/id-number';
import { buildAccount, buildDepartment, buildProfessional, buildUnit, idNumber, PASSWORD } from '../factories';
import { createTestApp, loggedIn, TEST_PII_KEY, type TestApp } from '../helpers';
import { killServerProcesses, startServerProcess } from '../server-process';
import { waitForImports } from '../../src/modules/excel/index';
import { hoursWorkbook, multipartFile, readWorkbook } from '../kits/excel';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Every row of every table as text: what someone with a copy of the database (a backup, a dump) can read. */
async function everyRowAsText(): Promise<string> {
  const { rows: tables } = await t.db.execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  expect(tables.length).toBeGreaterThan(10);
  let all = '';
  for (const { table_name } of tables as Array<{ table_name: string }>) {
    const { rows } = await t.db.execute<{ r: string }>(sql`SELECT t::text AS r FROM ${sql.identifier(table_name)} t`);
    for (const r of rows as Array<{ r: string }>) all += `${table_name}: ${r.r}\n`;
  }
  return all;
}

/** A valid ID number ending in X: the sequence digits are tried until the check character is X. */
const withX = (first14: string) => {
  for (let i = 0; i < 1000; i++) {
    const first17 = `${first14.slice(0, 14)}${String(i).padStart(3, '0')}`;
    if (idCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no number ends in X');
};

describe('ID and phone numbers at rest', () => {
  it('no table holds a plaintext ID or phone number, whichever way they were written', async () => {
    const unit = await buildUnit(t.db, { name: '南宁市第一人民医院' });
    const dept = await buildDepartment(t.db, unit.id, '内科');
    const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, phone: '13977100001' });
    // 注册 through the API.
    const registered = withX('45010219850612001');
    const reg = await t.client().register({
      idNumber: registered.toLowerCase(),
      name: '韦海燕',
      phone: '13977100002',
      unitId: unit.id,
      password: 'Guangxi2024',
    });
    expect(reg.statusCode).toBe(201);
    // 新增管理员 and a phone change through the API.
    const admin = await loggedIn(t, total.username, PASSWORD, 'unit');
    const adminId = idNumber({ region: '450103', birth: '19800101' });
    expect(
      (
        await admin.post('/api/org/admins', {
          idNumber: adminId,
          name: '黄志强',
          phone: '13977100003',
          departmentId: dept.id,
        })
      ).statusCode,
    ).toBe(201);
    const staff = await buildProfessional(t.db, { unitId: unit.id, phone: '13977100004' });
    expect((await admin.patch(`/api/org/staff/${staff.id}`, { phone: '13977100005' })).statusCode).toBe(200);
    const me = await loggedIn(t, registered, 'Guangxi2024', 'person');
    expect((await me.patch('/api/me/profile', { phone: '13977100006', email: 'wei@example.com' })).statusCode).toBe(
      200,
    );
    // A failed login by ID number leaves a counter behind: keyed by the hash, not the number.
    expect((await t.client().login(staff.username, 'Wrong12345', 'person')).statusCode).toBe(401);

    // The application still reads them in full.
    expect((await me.get('/api/me')).json()).toMatchObject({
      phone: '13977100006',
      idNumberMasked: `${registered.slice(0, 6)}********${registered.slice(-4)}`,
    });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, staff.id));
    expect(row).toMatchObject({
      idNumber: staff.idNumber,
      phone: '13977100005',
      legacyIdNumber: null,
      legacyPhone: null,
    });

    const dump = await everyRowAsText();
    for (const secret of [
      total.idNumber!,
      registered,
      registered.toLowerCase(),
      adminId,
      staff.idNumber!,
      '13977100001',
      '13977100002',
      '13977100003',
      '13977100005',
      '13977100006',
    ]) {
      expect(dump, `${secret} readable in the database`).not.toContain(secret);
    }
    // What is there instead: ciphertext naming the key, and the look-up hash.
    const { rows } = await t.db.execute<{
      id_number_enc: string;
      phone_enc: string;
      id_number_hmac: string;
      username: string;
    }>(sql`SELECT id_number_enc, phone_enc, id_number_hmac, username FROM accounts WHERE id = ${staff.id}`);
    const raw = rows[0]!;
    expect(raw.id_number_enc).toMatch(new RegExp(`^p1:${piiKeys().current.id}:[A-Za-z0-9_-]+$`));
    expect(raw.phone_enc).toMatch(/^p1:[0-9a-f]{8}:/);
    expect(raw.id_number_hmac).toBe(idNumberHash(staff.idNumber!));
    expect(raw.username).toBe(raw.id_number_hmac);
  });

  it('keeps the cells of a refused import row (ID numbers as typed) encrypted; the error report still shows them', async () => {
    const unit = await buildUnit(t.db);
    const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const p = await buildProfessional(t.db, { unitId: unit.id });
    const stranger = idNumber({ region: '450881' });
    const c = await loggedIn(t, total.username, PASSWORD, 'unit');
    const file = await hoursWorkbook([
      { idNumber: p.idNumber!, name: p.name, startDate: '不是日期' },
      { idNumber: stranger, name: '覃某', startDate: '不是日期' },
    ]);
    const { payload, contentType } = multipartFile(file, '学员培训信息.xlsx');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/hours-registration/jobs?mode=all&declared=true',
      headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(202);
    await waitForImports();
    const job = (await c.get(`/api/imports/jobs/${res.json().id}`)).json();
    expect(job.status).toBe('rejected');
    const dump = await everyRowAsText();
    expect(dump).toContain('import_job_errors');
    for (const secret of [p.idNumber!, stranger]) expect(dump).not.toContain(secret);
    const report = await c.get(`/api/imports/jobs/${job.id}/error-report`);
    expect(report.statusCode).toBe(200);
    const ws = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    const shown: string[] = [];
    ws.eachRow((r) => shown.push(String(r.getCell(1).text)));
    expect(shown).toEqual(expect.arrayContaining([p.idNumber, stranger]));
  });

  it('logs in by ID number, a final x in lower case too, and finds people by their full ID number', async () => {
    const unit = await buildUnit(t.db);
    const id = withX('45020319900101001');
    const p = await buildProfessional(t.db, { idNumber: id, unitId: unit.id });
    const admin = await buildAccount(t.db, {
      kind: 'unit_admin',
      unitId: unit.id,
      idNumber: withX('45020319800101001'),
    });
    expect((await t.client().login(id, PASSWORD, 'person')).statusCode).toBe(200);
    expect((await t.client().login(id.toLowerCase(), PASSWORD, 'person')).statusCode).toBe(200);
    expect((await t.client().login(` ${id.toLowerCase()} `, PASSWORD)).statusCode).toBe(200);
    expect((await t.client().login(admin.idNumber!.toLowerCase(), PASSWORD, 'unit')).statusCode).toBe(200);
    expect((await t.client().login(id, 'Wrong12345', 'person')).statusCode).toBe(401);
    const me = (await (await loggedIn(t, id, PASSWORD, 'person')).get('/api/me')).json();
    expect(me.username).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);

    // 专业技术人员管理: the full number (either case) finds the person; part of it finds nobody.
    const a = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const found = (await a.get(`/api/org/staff?q=${id.toLowerCase()}`)).json();
    expect(found.items.map((r: { id: number }) => r.id)).toEqual([p.id]);
    expect(found.items[0].idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect((await a.get(`/api/org/staff?q=${id.slice(0, 10)}`)).json().items).toEqual([]);
    // 补学补考 and 证书管理 look-ups by ID number (operator).
    const op = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
    const people = await op.get(`/api/exams/admin/people?idNumber=${id}`);
    expect(people.statusCode).toBe(200);
    expect(people.json().map((r: { accountId: number }) => r.accountId)).toEqual([p.id]);
    expect((await op.get(`/api/certificates/admin?idNumber=${id}`)).statusCode).toBe(200);
  });

  it('encrypts the plaintext rows of before migration 0015 once, in batches, and they keep working', async () => {
    const unit = await buildUnit(t.db);
    const ids = Array.from({ length: 1203 }, () => idNumber({ region: '450721' }));
    // Rows as the earlier versions wrote them: plaintext columns, username = the ID number.
    for (let i = 0; i < ids.length; i += 400) {
      const values = ids
        .slice(i, i + 400)
        .map(
          (id, j) =>
            sql`('professional', 'person', ${id}, ${'x'}, false, true, ${`旧数据${i + j}`}, ${id}, ${`139${String(i + j).padStart(8, '0')}`}, ${unit.id}, now(), now())`,
        );
      await t.db.execute(
        sql`INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number, phone, unit_id, created_at, updated_at) VALUES ${sql.join(values, sql`, `)}`,
      );
    }
    // One of them with a password, to log in after the migration.
    const { hashPassword } = await import('../../src/auth/passwords');
    await t.db.execute(
      sql`UPDATE accounts SET password_hash = ${await hashPassword(PASSWORD)} WHERE username = ${ids[7]!}`,
    );
    const admin = idNumber({ region: '450721' });
    await t.db
      .execute(sql`INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number, phone, unit_id, created_at, updated_at)
      VALUES ('unit_admin', 'unit', ${admin}, 'x', false, true, '旧管理员', ${admin}, NULL, ${unit.id}, now(), now())`);

    expect(await encryptPlaintextPii(t.db)).toBe(ids.length + 1);
    expect(await encryptPlaintextPii(t.db)).toBe(0); // nothing left to do: start-up runs it every time
    const dump = await everyRowAsText();
    for (const id of [ids[0]!, ids[600]!, ids[1202]!, admin]) expect(dump).not.toContain(id);
    expect(dump).not.toContain('13900000007');
    const [row] = await t.db.select().from(accounts).where(eq(accounts.name, '旧数据7'));
    expect(row).toMatchObject({
      idNumber: ids[7],
      phone: '13900000007',
      idNumberHmac: idNumberHash(ids[7]!),
      username: idNumberHash(ids[7]!),
      legacyIdNumber: null,
      legacyPhone: null,
    });
    const [old] = await t.db.select().from(accounts).where(eq(accounts.name, '旧管理员'));
    expect(old).toMatchObject({ idNumber: admin, phone: null, username: idNumberHash(admin) });
    expect((await t.client().login(ids[7]!, PASSWORD, 'person')).statusCode).toBe(200);
  });

  describe('key rotation', () => {
    const original = () => resolvePiiKeyring({ piiKey: TEST_PII_KEY, piiKeyPrevious: [], dataDir: os.tmpdir() });
    afterAll(() => usePiiKeys(original()));

    it('reads with either key meanwhile, re-encrypts under the new key, and then needs only the new key', async () => {
      const unit = await buildUnit(t.db);
      const p = await buildProfessional(t.db, { unitId: unit.id, phone: '13877100001' });
      const oldKey = original();
      const newText = Buffer.alloc(32, 0x33).toString('base64');
      const newOnly: PiiKeyring = { current: parsePiiKey(newText)!, previous: [] };
      const both: PiiKeyring = { current: newOnly.current, previous: [oldKey.current] };

      // The new key alone cannot read the old data: start-up refuses, naming the key in use.
      await expect(checkPiiKeys(t.db, newOnly)).rejects.toThrow(PiiKeyMismatchError);
      await expect(checkPiiKeys(t.db, newOnly)).rejects.toThrow(`encrypted with key ${oldKey.current.id}`);

      // New key + previous key: old rows read and log in; new writes use the new key.
      usePiiKeys(both);
      await checkPiiKeys(t.db);
      const [before] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
      expect(before).toMatchObject({ idNumber: p.idNumber, phone: '13877100001' });
      expect((await t.client().login(p.username, PASSWORD, 'person')).statusCode).toBe(200);
      // A number stored under the old key is still taken: no second account for it.
      const again = await t.client().register({
        idNumber: p.idNumber,
        name: '覃重复',
        phone: '13877100009',
        unitId: unit.id,
        password: 'Guangxi2024',
      });
      expect(again.statusCode).toBe(409);
      const fresh = await buildProfessional(t.db, { unitId: unit.id });
      const { rows: freshRaw } = await t.db.execute<{ v: string }>(
        sql`SELECT id_number_enc AS v FROM accounts WHERE id = ${fresh.id}`,
      );
      expect(keyIdOf(freshRaw[0]!.v)).toBe(newOnly.current.id);

      const n = await rotatePiiKeys(t.db);
      expect(n).toBeGreaterThan(1);
      expect(await rotatePiiKeys(t.db)).toBe(0);
      const { rows: stale } = await t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM accounts WHERE id_number_enc LIKE ${`p1:${oldKey.current.id}:%`} OR phone_enc LIKE ${`p1:${oldKey.current.id}:%`}`,
      );
      expect(Number(stale[0]!.n)).toBe(0);

      // The old key removed: everything still reads, logs in and is found by ID number.
      usePiiKeys(newOnly);
      await checkPiiKeys(t.db);
      const [after] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
      expect(after).toMatchObject({
        idNumber: p.idNumber,
        phone: '13877100001',
        idNumberHmac: idNumberHash(p.idNumber!, newOnly.current),
        username: idNumberHash(p.idNumber!, newOnly.current),
      });
      expect((await t.client().login(p.username, PASSWORD, 'person')).statusCode).toBe(200);
      expect((await t.client().login(fresh.username, PASSWORD, 'person')).statusCode).toBe(200);
      // And the old key alone no longer matches the data.
      await expect(checkPiiKeys(t.db, oldKey)).rejects.toThrow('PII_KEY does not match the stored data');
    });
  });
});

describe('the server with its key', () => {
  afterAll(killServerProcesses);
  function run(script: string, dataDir: string, env: Record<string, string> = {}) {
    const server = startServerProcess(
      dataDir,
      { SEED_DEMO: 'true', PII_KEY: '', PII_KEY_PREVIOUS: '', ...env },
      script,
    );
    return { ...server, listening: () => server.listening(240_000) };
  }
  const login = (port: number, username: string, password: string) =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, realm: 'person' }),
    }).then((r) => r.status);

  it('keeps a generated key beside the data (0600), refuses a wrong key clearly, and rotates with npm run rotate-pii-key', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-pii-'));
    const first = run('src/main.ts', dataDir);
    const port = await first.listening();
    const keyFile = path.join(dataDir, 'pii.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const generated = fs.readFileSync(keyFile, 'utf8').trim();
    const demo = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as {
      password: string;
      logins: Array<{ realm: string; username: string }>;
    };
    const person = demo.logins.find((l) => l.realm === 'person')!.username;
    expect(await login(port, person, demo.password)).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const wrong = Buffer.alloc(32, 0x44).toString('base64');
    const refused = run('src/main.ts', dataDir, { PII_KEY: wrong });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('PTCE cannot start: PII_KEY does not match the stored data');
    expect(refused.output()).not.toContain('listening');

    const rotated = run('src/cli/rotate-pii-key.ts', dataDir, { PII_KEY: wrong, PII_KEY_PREVIOUS: generated });
    expect(await rotated.exited).toBe(0);
    expect(rotated.output()).toMatch(/Re-encrypted the ID and phone numbers of \d+ rows/);

    fs.rmSync(keyFile); // the old key is gone for good
    const again = run('src/main.ts', dataDir, { PII_KEY: wrong });
    const port2 = await again.listening();
    expect(await login(port2, person, demo.password)).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 600_000);

  it('refuses to start in production without PII_KEY', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-pii-prod-'));
    const s = run('src/main.ts', dataDir, { NODE_ENV: 'production', SEED_DEMO: '' });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('PII_KEY: required in production');
    expect(fs.existsSync(path.join(dataDir, 'pii.key'))).toBe(false);
  }, 60_000);
});
