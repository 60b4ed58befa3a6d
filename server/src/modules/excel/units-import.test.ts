import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/passwords';
import { accounts, auditLog, importJobs, units } from '../../db/schema/index';
import { buildAccount, buildAuthority, buildUnit, creditCode, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { multipartFile, readWorkbook, unitsWorkbook } from '../../../test/kits/excel';

let t: TestApp;
let operator: TestClient;
let operatorId: number;
beforeAll(async () => {
  t = await createTestApp();
  const op = await buildAccount(t.db, { kind: 'operator' });
  operatorId = op.id;
  operator = await loggedIn(t, op.username, PASSWORD, 'authority');
  await buildAuthority(t.db, { name: '广西壮族自治区卫生健康委员会', kind: 'industry' });
});
afterAll(async () => t.close());

async function upload(c: TestClient, file: Buffer) {
  const { payload, contentType } = multipartFile(file, '单位信息.xlsx');
  return t.app.inject({
    method: 'POST',
    url: '/api/imports/units/jobs?mode=valid_only&declared=true',
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType },
    payload,
  });
}

async function importFile(c: TestClient, file: Buffer) {
  const res = await upload(c, file);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 2000; i++) {
    const job = (await c.get(`/api/imports/jobs/${res.json().id}`)).json();
    if (job.status !== 'validating' && job.status !== 'writing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const errorsOf = async (c: TestClient, id: number) =>
  (await c.get(`/api/imports/jobs/${id}/errors?pageSize=200`)).json().items as Array<{
    row: number;
    problems: Array<{ column: string | null; reason: string }>;
  }>;

const unitsByCode = (codes: string[]) => t.db.select().from(units).where(inArray(units.creditCode, codes));

describe('批量导入单位', () => {
  it('offers the template with the unit columns', async () => {
    const res = await operator.get('/api/imports/units/template');
    expect(res.statusCode).toBe(200);
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets[0]!.name).toBe('单位信息');
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '单位名称',
      '统一社会信用代码',
      '所在地区',
      '行业',
      '主管部门',
      '联系人',
      '联系电话',
      '单位类型',
    ]);
  });

  it('imports nothing when any row is wrong, and reports each bad row with its column and reason', async () => {
    const existing = await buildUnit(t.db, { name: '南宁市第二人民医院' });
    const good = creditCode('450103');
    const dup = creditCode('450102');
    const badCheck = creditCode('450105');
    const file = await unitsWorkbook([
      [
        '南宁市青秀区中医医院',
        good,
        '南宁市青秀区',
        '卫生和社会工作',
        '广西壮族自治区卫生健康委员会',
        '韦丽华',
        '0771-5551234',
        '事业单位',
      ],
      ['南宁市兴宁区疾病预防控制中心', dup, '450102', 'Q', '', '', '', ''],
      ['兴宁区疾控中心（重复）', dup, '兴宁区', '', '', '', '', ''],
      ['南宁市第二人民医院', existing.creditCode, '南宁市', '', '', '', '', ''],
      ['某公司', badCheck.slice(0, 17) + (badCheck[17] === '0' ? '1' : '0'), '南宁市', '', '', '', '', ''],
      ['某中心', creditCode('450103'), '火星市', '航天', '不存在的厅', '', '12345', ''],
    ]);
    const job = await importFile(operator, file);
    expect(job).toMatchObject({
      status: 'rejected',
      dataRows: 6,
      errorRows: 4,
      importedRows: 0,
      canImportValid: false,
    });
    expect(job.message).toBe('共6行，其中4行有错误，未导入任何数据。请下载错误报告修改后重新导入');
    const errors = await errorsOf(operator, job.id);
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7]);
    expect(errors[0]!.problems).toEqual([{ column: '统一社会信用代码', reason: '与第3行的统一社会信用代码重复' }]);
    expect(errors[1]!.problems[0]!.reason).toBe('系统中已有该统一社会信用代码的单位：南宁市第二人民医院');
    expect(errors[2]!.problems[0]!.column).toBe('统一社会信用代码');
    expect(errors[3]!.problems.map((p) => p.column)).toEqual(['联系电话']);
    expect(await unitsByCode([good, dup])).toHaveLength(0);
    // 仅导入正确的行 is not offered for units.
    expect((await operator.post(`/api/imports/jobs/${job.id}/import-valid`)).statusCode).toBe(409);

    // Rows that pass on their own are then checked against the reference data.
    const refs = await importFile(
      operator,
      await unitsWorkbook([['某中心', creditCode('450103'), '火星市', '航天', '不存在的厅', '', '', '']]),
    );
    expect((await errorsOf(operator, refs.id))[0]!.problems.map((p) => p.column)).toEqual([
      '所在地区',
      '行业',
      '主管部门',
    ]);
  });

  it('creates the units with their accounts, and hands the initial passwords out once', async () => {
    const codes = [creditCode('450103'), creditCode('450205')];
    const file = await unitsWorkbook([
      [
        '南宁市青秀区妇幼保健院',
        codes[0],
        '南宁市青秀区',
        '卫生和社会工作',
        '广西壮族自治区卫生健康委员会',
        '黄海燕',
        '13977112345',
        '事业单位',
      ],
      ['柳州市柳北区实验小学', codes[1], '450205', '教育', '', '', '', ''],
    ]);
    const job = await importFile(operator, file);
    expect(job).toMatchObject({ status: 'done', importedRows: 2, credentials: 'available' });
    const created = await unitsByCode(codes);
    expect(created.map((u) => u.name).sort()).toEqual(['南宁市青秀区妇幼保健院', '柳州市柳北区实验小学'].sort());
    expect(created.find((u) => u.creditCode === codes[0])).toMatchObject({
      regionCode: '450103',
      industryCode: 'Q',
      unitType: 'institution',
      contactName: '黄海燕',
      contactPhone: '13977112345',
    });
    // Stored encrypted on the job until taken.
    const { rows: raw } = await t.db.execute<{ credentials: unknown }>(
      sql`SELECT credentials FROM import_jobs WHERE id = ${job.id}`,
    );
    const stored = raw[0];
    expect(JSON.stringify(stored!.credentials)).not.toContain(codes[0]);

    // Someone else cannot take them.
    const other = await loggedIn(t, (await buildAccount(t.db, { kind: 'operator' })).username, PASSWORD, 'authority');
    expect((await other.get(`/api/imports/jobs/${job.id}/credentials`)).statusCode).toBe(404);

    const res = await operator.get(`/api/imports/jobs/${job.id}/credentials`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    const rows = [2, 3].map((i) => sheet.getRow(i).values as unknown[]);
    const byCode = new Map(rows.map((r) => [String(r[2]), String(r[3])]));
    for (const code of codes) {
      const [acc] = await t.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.username, code), eq(accounts.kind, 'unit_account')));
      expect(acc).toMatchObject({ mustChangePassword: true, realm: 'unit' });
      expect(await verifyPassword(acc!.passwordHash, byCode.get(code)!)).toBe(true);
    }
    expect((await t.client().login(codes[1]!, byCode.get(codes[1]!)!, 'unit')).statusCode).toBe(200);

    // Once: the second download is refused and nothing of the passwords is left on the job.
    const again = await operator.get(`/api/imports/jobs/${job.id}/credentials`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已下载过');
    const [row] = await t.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(row!.credentials).toBeNull();
    expect((await operator.get(`/api/imports/jobs/${job.id}`)).json().credentials).toBe('taken');

    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorAccountId, operatorId), eq(auditLog.action, 'imports.credentials.download')));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ accounts: 2 });
    const creates = await t.db.select().from(auditLog).where(eq(auditLog.action, 'org.unit.create'));
    expect(creates.filter((e) => (e.detail as { importJobId?: number }).importJobId === job.id)).toHaveLength(2);
  });

  it("refuses an HR bureau's rows outside its region", async () => {
    const bureau = await buildAuthority(t.db, { kind: 'hr', regionCode: '450200', name: '柳州市人社局（导入）' });
    const hr = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'hr_bureau', authorityId: bureau.id })).username,
      PASSWORD,
      'authority',
    );
    const inside = creditCode('450205');
    const job = await importFile(
      hr,
      await unitsWorkbook([
        ['柳州市柳北区第二实验小学', inside, '柳州市柳北区', '', '', '', '', ''],
        ['南宁市青秀区某某中学', creditCode('450103'), '南宁市青秀区', '', '', '', '', ''],
      ]),
    );
    expect(job).toMatchObject({ status: 'rejected', errorRows: 1 });
    const errors = await errorsOf(hr, job.id);
    expect(errors[0]).toMatchObject({ row: 3 });
    expect(errors[0]!.problems[0]!.reason).toContain('不在本辖区内');
    expect(await unitsByCode([inside])).toHaveLength(0);
    // A unit admin cannot import units at all.
    const unit = await buildUnit(t.db);
    const admin = await loggedIn(
      t,
      (await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id })).username,
      PASSWORD,
      'unit',
    );
    expect((await upload(admin, await unitsWorkbook([]))).statusCode).toBe(403);
  });
});
