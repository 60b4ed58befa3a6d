import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, hourRecordEvents, hourRecords, importJobs } from '../../db/schema/index';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, TEST_PII_KEY, type TestApp, type TestClient } from '../../../test/helpers';
import { setImportLimits } from './limits';
import { spoolSettings } from './row-spool';
import { RESUMING } from './jobs';
import { resumeStaleImports } from './resume-imports';
import { importHooks, waitForImports } from './run-import';
import { LocalFileStore } from '../../storage/file-store';
import {
  buildZip,
  encryptedWorkbook,
  HOURS_HEADERS,
  hoursWorkbook,
  hoursWorkbookStreamed,
  legacyXls,
  multipartFile,
  readWorkbook,
  unzipParts,
  type HoursRow,
} from '../../../test/kits/excel';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  spoolSettings.parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-spool-test-')); // counted by the re-check test
});
afterAll(async () => {
  await t.close();
  fs.rmSync(spoolSettings.parent, { recursive: true, force: true });
});
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));
afterEach(() => {
  setImportLimits();
  delete importHooks.afterBatchWritten;
  delete importHooks.beforeWrite;
});

type Person = Awaited<ReturnType<typeof buildProfessional>>;

async function fixture(people = 3) {
  const unit = await buildUnit(t.db, { name: `南宁市第${Math.floor(Math.random() * 1e6)}医院` });
  const deptA = await buildDepartment(t.db, unit.id, '内科');
  const deptB = await buildDepartment(t.db, unit.id, '外科');
  const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, name: '吴学军' });
  const adminA = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, departmentId: deptA.id });
  const staff: Person[] = [];
  for (let i = 0; i < people; i++)
    staff.push(
      await buildProfessional(t.db, {
        unitId: unit.id,
        departmentId: i % 2 === 0 ? deptA.id : deptB.id,
        name: `学员${i}号`,
      }),
    );
  return { unit, deptA, deptB, total, adminA, staff };
}

const admin = (a: { username: string }) => loggedIn(t, a.username, PASSWORD, 'unit');
const row = (p: Person, over: Partial<HoursRow> = {}): HoursRow => ({ idNumber: p.idNumber!, name: p.name, ...over });

async function upload(
  c: TestClient,
  file: Buffer,
  opts: { mode?: 'all' | 'valid_only'; fileName?: string; declared?: boolean } = {},
) {
  const { payload, contentType } = multipartFile(file, opts.fileName ?? '学员培训信息.xlsx');
  const qs = new URLSearchParams({
    mode: opts.mode ?? 'all',
    ...(opts.declared === false ? {} : { declared: 'true' }),
  });
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/hours-registration/jobs?${qs}`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType },
    payload,
  });
}

async function finished(c: TestClient, id: number) {
  for (let i = 0; i < 2000; i++) {
    const job = (await c.get(`/api/imports/jobs/${id}`)).json();
    if (job.status !== 'validating' && job.status !== 'writing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function importFile(c: TestClient, file: Buffer, opts: Parameters<typeof upload>[2] = {}) {
  const res = await upload(c, file, opts);
  expect(res.statusCode, res.body).toBe(202);
  return finished(c, res.json().id);
}

async function errorsOf(c: TestClient, id: number) {
  return (await c.get(`/api/imports/jobs/${id}/errors?pageSize=200`)).json().items as Array<{
    row: number;
    problems: Array<{ column: string | null; reason: string }>;
  }>;
}

const recordsOfUnit = async (unitId: number) =>
  (await t.db.select({ n: count() }).from(hourRecords).where(eq(hourRecords.unitId, unitId)))[0]!.n;
const jobCount = async () => (await t.db.select({ n: count() }).from(importJobs))[0]!.n;

// Long Chinese text puts multi-byte characters across every chunk boundary of the sheet's XML.
const LONG_TITLE =
  '关于深入学习贯彻新时代专业技术人才队伍建设要求暨医院感染预防与控制、临床合理用药、医疗质量安全管理能力提升专题培训班';

/** n rows spread over `people`: person i % people, one half day each on distinct days of 2024. */
function manyRows(staff: Person[], long = false): (i: number) => HoursRow {
  return (i) => {
    const p = staff[i % staff.length]!;
    const day = Math.floor(i / staff.length);
    const d = new Date(Date.UTC(2024, 0, 1 + Math.floor(day / 2)));
    const date = d.toISOString().slice(0, 10);
    return row(p, {
      startDate: date,
      endDate: date,
      startHalf: day % 2 ? '下午' : '上午',
      endHalf: day % 2 ? '下午' : '上午',
      title: long ? `${LONG_TITLE}（第${i}期）` : `专题培训${i}`,
      remarks: long ? `备注：${LONG_TITLE.slice(i % 20)}` : null,
    });
  };
}

describe('① 下载模板', () => {
  it('has the columns, text-formatted ID and date columns, drop-down lists, and a 说明 sheet with an example row', async () => {
    const f = await fixture(0);
    const c = await admin(f.total);
    const res = await c.get('/api/imports/hours-registration/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('导入学员培训信息模板.xlsx')}`,
    );
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学员培训信息', '说明']);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HOURS_HEADERS);
    for (const col of [1, 7, 9]) expect(ws.getColumn(col).numFmt).toBe('@');
    const xml = unzipParts(res.rawPayload)
      .find((p) => p.name === 'xl/worksheets/sheet1.xml')!
      .data.toString();
    const lists = [
      ...xml.matchAll(/<dataValidation type="list"[^>]*sqref="([A-Z0-9:]+)"><formula1>([^<]*)<\/formula1>/g),
    ].map((m) => [m[1], m[2]]);
    expect(lists).toEqual([
      ['C2:C100001', '&quot;培训班/研修班/进修班,继续教育实践活动,远程教育,学术会议/讲座/访问,其他&quot;'],
      ['H2:H100001', '&quot;上午,下午&quot;'],
      ['J2:J100001', '&quot;上午,下午&quot;'],
    ]);
    expect(xml).toContain('state="frozen"');
    const help = wb.getWorksheet('说明')!;
    const texts: string[] = [];
    help.eachRow((r) => texts.push((r.values as unknown[]).slice(1).join('|')));
    expect(texts.join('\n')).toContain('不能跨年登记');
    expect(texts.some((x) => x.startsWith(HOURS_HEADERS.join('|')))).toBe(true);
    expect(texts.some((x) => x.includes('刘晓玲') && x.includes('2024-03-06'))).toBe(true);
  });

  it('a filled-in downloaded template imports as 待提交 records of the unit, each with its history, in one audited event', async () => {
    const f = await fixture(2);
    const c = await admin(f.total);
    const wb = await readWorkbook((await c.get('/api/imports/hours-registration/template')).rawPayload);
    const ws = wb.worksheets[0]!;
    ws.addRow(['', '']); // a blank row is skipped
    ws.getRow(3).values = [
      f.staff[0]!.idNumber,
      f.staff[0]!.name,
      '培训班/研修班/进修班',
      '院感培训',
      '自治区卫健委',
      '南宁市',
      '2024-05-06',
      '上午',
      '2024-05-07',
      '下午',
    ];
    ws.getRow(4).values = [
      f.staff[1]!.idNumber!.toLowerCase(),
      f.staff[1]!.name,
      '学术会议/讲座/访问',
      '学术年会',
      '中华医学会',
      '北京市',
      new Date(Date.UTC(2024, 3, 1)),
      '下午',
      '2024/4/1',
      '下午',
      3.5,
      '线上',
    ];
    const job = await importFile(c, Buffer.from(await wb.xlsx.writeBuffer()), { fileName: '五月培训.xlsx' });
    expect(job).toMatchObject({
      status: 'done',
      dataRows: 2,
      importedRows: 2,
      errorRows: 0,
      fileName: '五月培训.xlsx',
      rowsProcessed: job.totalRows,
    });

    const list = (await c.get('/api/hours/unit/registrations')).json();
    expect(list.total).toBe(2);
    const byTitle = Object.fromEntries(list.items.map((r: { title: string }) => [r.title, r]));
    expect(byTitle['院感培训']).toMatchObject({
      status: 'draft',
      source: 'import',
      hours: 16,
      startDate: '2024-05-06',
      endDate: '2024-05-07',
      activityType: 'training',
      personName: f.staff[0]!.name,
    });
    expect(byTitle['学术年会']).toMatchObject({
      hours: 3.5,
      startDate: '2024-04-01',
      startHalf: 'pm',
      remarks: '线上',
      activityType: 'academic',
    });
    const history = await t.db
      .select()
      .from(hourRecordEvents)
      .where(eq(hourRecordEvents.recordId, byTitle['院感培训'].id));
    expect(history).toMatchObject([{ action: 'create', actorName: '吴学军' }]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'imports.hours-registration'), eq(auditLog.targetId, String(job.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({
      dataRows: 2,
      imported: 2,
      errorRows: 0,
      mode: 'all',
      fileName: '五月培训.xlsx',
    });
  });
});

describe('② 导入模板: refusals — a clear message and nothing written', () => {
  it('refuses what is not an .xlsx by its content, not its name', async () => {
    const f = await fixture(0);
    const c = await admin(f.total);
    const jobsBefore = await jobCount();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const csv = Buffer.from('身份证号码,姓名\n450102199001011234,张三\n');
    const docx = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    for (const file of [pdf, csv, docx]) {
      const res = await upload(c, file, { fileName: '培训.xlsx' });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toContain('不是Excel工作簿（.xlsx）');
    }
    const xls = await upload(c, legacyXls(), { fileName: '培训.xls' });
    expect(xls.statusCode).toBe(415);
    expect(xls.json().error.message).toContain('Excel 97-2003（.xls）');
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('refuses a password-protected workbook (encrypted OLE container, or an encrypted zip entry)', async () => {
    const f = await fixture(0);
    const c = await admin(f.total);
    const res = await upload(c, encryptedWorkbook());
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('设置了打开密码');
    const parts = unzipParts(await hoursWorkbook([]));
    const zipped = buildZip(parts.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, encrypted: true } : p)));
    expect((await upload(c, zipped)).json().error.message).toContain('设置了打开密码');
  });

  it('refuses an empty file, and a template without data rows', async () => {
    const f = await fixture(0);
    const c = await admin(f.total);
    const empty = await upload(c, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('文件为空');
    const headerOnly = await upload(c, await hoursWorkbook([]));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().error.message).toContain('文件中没有数据');
    const template = (await c.get('/api/imports/hours-registration/template')).rawPayload;
    expect((await upload(c, template)).json().error.message).toContain('文件中没有数据');
  });

  it('refuses a wrong template, naming every missing column', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const headers = HOURS_HEADERS.filter((h) => h !== '姓名' && h !== '结束时段');
    const res = await upload(c, await hoursWorkbook([row(f.staff[0]!)], { headers }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      '模板不正确，缺少列：“姓名”、“结束时段”。请下载最新模板，在第1行保留这些列名',
    );
    expect(res.json().error.details).toEqual([
      { field: '姓名', reason: '缺少列“姓名”' },
      { field: '结束时段', reason: '缺少列“结束时段”' },
    ]);
    // Optional columns may be left out, columns may be reordered, unknown ones are ignored.
    const loose = ['序号', ...HOURS_HEADERS.filter((h) => h !== '备注' && h !== '申请学时').reverse()];
    expect((await importFile(c, await hoursWorkbook([row(f.staff[0]!)], { headers: loose }))).status).toBe('done');
  });

  it('refuses a file over the size limit or the row limit', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const file = await hoursWorkbookStreamed(60, manyRows(f.staff));
    setImportLimits({ maxFileBytes: 2048 });
    const big = await upload(c, file);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/^文件超过.*MB，请拆分后分批导入$/);
    setImportLimits({ maxRows: 50 });
    const many = await upload(c, file);
    expect(many.statusCode).toBe(413);
    expect(many.json().error.message).toBe('数据行数超过上限：每个文件最多50行，请拆分后分批导入');
    setImportLimits({ maxRows: 60 });
    expect((await importFile(c, file)).status).toBe('done');
    expect(await recordsOfUnit(f.unit.id)).toBe(60);
  });

  it('refuses a zip bomb: by declared size, by actual size when the header lies, by compression ratio', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const parts = unzipParts(await hoursWorkbook([row(f.staff[0]!)]));
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    setImportLimits({ maxUncompressedBytes: 30 * 1024 * 1024 });
    const honest = buildZip([...parts, { name: 'xl/media/image1.png', data: zeros }]);
    const lying = buildZip([...parts, { name: 'xl/media/image1.png', data: zeros, declaredSize: 1000 }]);
    // The sheet itself inflating past its declared size.
    const sheetBomb = buildZip(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { ...p, data: Buffer.concat([p.data, zeros]), declaredSize: p.data.length }
          : p,
      ),
    );
    for (const file of [honest, lying, sheetBomb]) {
      const res = await upload(c, file);
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toContain('压缩炸弹');
    }
    setImportLimits({ maxRatio: 100 });
    const ratio = buildZip([...parts, { name: 'xl/media/image1.png', data: Buffer.alloc(5 * 1024 * 1024) }]);
    expect((await upload(c, ratio)).json().error.message).toContain('压缩炸弹');
    expect(await recordsOfUnit(f.unit.id)).toBe(0);
  });

  it('refuses a damaged file, and one whose entries do not match its directory', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const good = await hoursWorkbook([row(f.staff[0]!)]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    expect((await upload(c, truncated)).json().error.message).toContain('已损坏');
    // An extra local entry the central directory does not list (a sequential reader would see it).
    const parts = unzipParts(good);
    expect((await importFile(c, buildZip(parts))).status).toBe('done');
    const hidden = buildZip([
      { name: 'xl/worksheets/sheet9.xml', data: Buffer.from('<worksheet/>'), hidden: true },
      ...parts,
    ]);
    expect((await upload(c, hidden)).json().error.message).toContain('已损坏');
  });

  it('asks for the declaration 本人承诺导入信息属实', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const res = await upload(c, await hoursWorkbook([row(f.staff[0]!)]), { declared: false });
    expect(res.statusCode).toBe(400);
    expect(await recordsOfUnit(f.unit.id)).toBe(0);
  });
});

describe('② 导入模板: every row checked like the form', () => {
  it('reports each bad row with its row number, column and reason, and imports nothing', async () => {
    const f = await fixture(4);
    const [a, b, cc, d] = f.staff as [Person, Person, Person, Person];
    const outsider = await buildProfessional(t.db, { name: '外单位' });
    await t.db.insert(hourRecords).values({
      accountId: d.id,
      year: 2024,
      activityType: 'training',
      title: '已登记',
      organizer: 'x',
      place: 'x',
      startDate: '2024-03-01',
      startHalf: 'am',
      endDate: '2024-03-01',
      endHalf: 'pm',
      hours: 8,
      remarks: '',
      declaredAt: new Date(),
      status: 'pending',
      source: 'self',
      unitId: f.unit.id,
      reviewTarget: 'unit',
      createdBy: d.id,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const c = await admin(f.total);
    const file = await hoursWorkbook([
      row(a), // 2: good
      row(a, { name: '李四' }), // 3
      // eslint-disable-next-line no-loss-of-precision -- a number cell loses the last digits, as in Excel
      row(b, { idNumber: 450102199001011234 }), // 4: a number
      row(b, { idNumber: `${b.idNumber!.slice(0, 17)}${b.idNumber!.endsWith('0') ? '1' : '0'}` }), // 5
      row(outsider), // 6
      row(b, { startDate: '2023-12-30', endDate: '2024-01-02' }), // 7
      row(b, { startDate: '2024-06-20', endDate: '2024-06-21' }), // 8
      row(b, { activityType: '讲座', startHalf: '中午', title: '' }), // 9
      row(b, { hours: 20 }), // 10
      row(cc, { startDate: '2024-13-01' }), // 11
      row(a), // 12: same as row 2
      row(d, { startDate: '2024-03-01', endDate: '2024-03-01', startHalf: '上午', endHalf: '下午' }), // 13: exists
      row(cc, { activityType: '其他', hours: '三', remarks: 'x'.repeat(501) }), // 14
      row(cc, { startDate: '2023-05-01', endDate: '2023-05-02' }), // 15: 2023 is closed since 2024-03-31
    ]);
    const job = await importFile(c, file);
    expect(job).toMatchObject({
      status: 'rejected',
      dataRows: 14,
      errorRows: 13,
      importedRows: 0,
      canImportValid: true,
    });
    expect(job.message).toContain('未导入任何数据');
    expect(job.message).toContain('或选择“仅导入正确的行”');
    const errors = await errorsOf(c, job.id);
    expect(errors).toEqual([
      { row: 3, problems: [{ column: '姓名', reason: '姓名与身份证号码不一致' }] },
      { row: 4, problems: [{ column: '身份证号码', reason: expect.stringContaining('须以文本格式填写') }] },
      { row: 5, problems: [{ column: '身份证号码', reason: '身份证号码校验位错误' }] },
      {
        row: 6,
        problems: [
          { column: '身份证号码', reason: '系统中没有该身份证号码的专业技术人员，或该人员不在您的管理范围内' },
        ],
      },
      { row: 7, problems: [{ column: '开始日期', reason: '2023年度专业科目学时登记和审核已于2024年3月31日截止' }] },
      { row: 8, problems: [{ column: '结束日期', reason: '结束日期不能晚于今天：请在培训结束后登记' }] },
      {
        row: 9,
        problems: [
          {
            column: '培训类型',
            reason: '培训类型应为：培训班/研修班/进修班、继续教育实践活动、远程教育、学术会议/讲座/访问、其他',
          },
          { column: '培训内容', reason: '请填写培训内容' },
          { column: '开始时段', reason: '开始时段应为“上午”或“下午”' },
        ],
      },
      { row: 10, problems: [{ column: '申请学时', reason: '培训班/研修班/进修班按每半天4学时计算，应为16学时' }] },
      { row: 11, problems: [{ column: '开始日期', reason: '开始日期不是有效日期，请按2024-05-06的格式填写' }] },
      { row: 12, problems: [{ column: null, reason: '与第2行重复：同一人员、相同起止时间' }] },
      {
        row: 13,
        problems: [
          {
            column: null,
            reason: expect.stringMatching(
              /^已有相同起止时间的学时记录「.+」（\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d，记录编号\d+，.+），同一培训不能重复登记$/,
            ),
          },
        ],
      },
      { row: 14, problems: [{ column: '申请学时', reason: '申请学时须为数字，可不填（按每半天学时自动计算）' }] },
      { row: 15, problems: [{ column: '开始日期', reason: '2023年度专业科目学时登记和审核已于2024年3月31日截止' }] },
    ]);
    expect(await recordsOfUnit(f.unit.id)).toBe(1);
  });

  it('does not let a department admin import for people outside the department', async () => {
    const f = await fixture(2); // staff[0] in 内科 (adminA's), staff[1] in 外科
    const c = await admin(f.adminA);
    const job = await importFile(c, await hoursWorkbook([row(f.staff[0]!), row(f.staff[1]!)]), { mode: 'valid_only' });
    expect(job).toMatchObject({ status: 'done', importedRows: 1, errorRows: 1 });
    expect(await errorsOf(c, job.id)).toEqual([
      { row: 3, problems: [{ column: '身份证号码', reason: expect.stringContaining('不在您的管理范围内') }] },
    ]);
    const rows = await t.db.select().from(hourRecords).where(eq(hourRecords.unitId, f.unit.id));
    expect(rows.map((r) => r.accountId)).toEqual([f.staff[0]!.id]);
  });

  it('reads formula cells as their cached values and never evaluates them', async () => {
    const f = await fixture(2);
    const c = await admin(f.total);
    const file = await hoursWorkbook([
      row(f.staff[0]!, {
        name: { formula: 'CONCATENATE("学员","0号")', result: '学员0号' } as never,
        activityType: '学术会议/讲座/访问',
        // A formula that would give 2 if anything evaluated it; Excel last showed 6.
        hours: { formula: '1+1', result: 6 } as never,
        startDate: { formula: 'DATE(2024,5,6)', result: 45418 } as never,
        endDate: '2024-05-06',
      }),
      row(f.staff[1]!, { title: { formula: 'A1', result: undefined } as never }),
    ]);
    const job = await importFile(c, file, { mode: 'valid_only' });
    expect(job).toMatchObject({ importedRows: 1, errorRows: 1 });
    const [r] = await t.db.select().from(hourRecords).where(eq(hourRecords.accountId, f.staff[0]!.id));
    expect(r).toMatchObject({ hours: 6, startDate: '2024-05-06', endDate: '2024-05-06' });
    expect(await errorsOf(c, job.id)).toEqual([
      { row: 3, problems: [{ column: '培训内容', reason: '请填写培训内容' }] },
    ]);
  });
});

describe('large files, all or nothing', () => {
  it('imports a 10,000-row file, with progress up to the total', async () => {
    const f = await fixture(100);
    const c = await admin(f.total);
    const make = manyRows(f.staff, true);
    const file = await hoursWorkbookStreamed(10_000, make);
    const res = await upload(c, file);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'validating', totalRows: 10_000 });
    const job = await finished(c, res.json().id);
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 10_000,
      rowsProcessed: 10_000,
      dataRows: 10_000,
      importedRows: 10_000,
      rowsWritten: 10_000,
    });
    expect(await recordsOfUnit(f.unit.id)).toBe(10_000);
    for (const i of [0, 4321, 9999]) {
      const want = make(i);
      const [r] = await t.db
        .select()
        .from(hourRecords)
        .where(and(eq(hourRecords.unitId, f.unit.id), eq(hourRecords.title, String(want.title))));
      const person = f.staff[i % 100]!;
      expect(r).toMatchObject({
        accountId: person.id,
        startDate: want.startDate,
        endDate: want.endDate,
        hours: 4,
        status: 'draft',
        source: 'import',
        year: 2024,
      });
    }
    const [events] = await t.db
      .select({ n: count() })
      .from(hourRecordEvents)
      .innerJoin(hourRecords, eq(hourRecords.id, hourRecordEvents.recordId))
      .where(eq(hourRecords.unitId, f.unit.id));
    expect(events!.n).toBe(10_000);
    // Every character of every row arrives intact (ExcelJS alone garbles characters split across chunks).
    const stored = await t.db
      .select({ title: hourRecords.title, remarks: hourRecords.remarks })
      .from(hourRecords)
      .where(eq(hourRecords.unitId, f.unit.id));
    const want = Array.from({ length: 10_000 }, (_, i) => `${make(i).title}|${make(i).remarks}`).sort();
    expect(stored.map((r) => `${r.title}|${r.remarks}`).sort()).toEqual(want);
  }, 120_000);

  it('reports errors on rows 2, 500 and 9,999 exactly, writes nothing, then imports the valid rows only when asked', async () => {
    const f = await fixture(100);
    const c = await admin(f.total);
    const make = manyRows(f.staff);
    const bad = (i: number): HoursRow => {
      const r = make(i);
      const rowNumber = i + 2;
      if (rowNumber === 2)
        return { ...r, idNumber: `${String(r.idNumber).slice(0, 17)}${String(r.idNumber).endsWith('1') ? '2' : '1'}` };
      if (rowNumber === 500) return { ...r, startDate: '2024-12-31', endDate: '2025-01-01' };
      if (rowNumber === 9999) return { ...r, activityType: '讲座' };
      return r;
    };
    const file = await hoursWorkbookStreamed(10_000, bad);
    const job = await importFile(c, file);
    expect(job).toMatchObject({
      status: 'rejected',
      dataRows: 10_000,
      errorRows: 3,
      importedRows: 0,
      canImportValid: true,
    });
    expect(await errorsOf(c, job.id)).toEqual([
      { row: 2, problems: [{ column: '身份证号码', reason: '身份证号码校验位错误' }] },
      {
        row: 500,
        problems: [{ column: '结束日期', reason: '不能跨年登记：开始和结束须在同一年度（2024年与2025年）' }],
      },
      {
        row: 9999,
        problems: [
          {
            column: '培训类型',
            reason: '培训类型应为：培训班/研修班/进修班、继续教育实践活动、远程教育、学术会议/讲座/访问、其他',
          },
        ],
      },
    ]);
    expect(await recordsOfUnit(f.unit.id)).toBe(0);

    // The error report: the bad rows as uploaded, with 错误原因.
    const report = await c.get(`/api/imports/jobs/${job.id}/error-report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain(encodeURIComponent('错误报告_学员培训信息.xlsx'));
    const ws = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HOURS_HEADERS, '错误原因', '原文件行号']);
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(13).value).toBe('身份证号码：身份证号码校验位错误');
    expect(ws.getRow(3).getCell(14).value).toBe(500);
    expect(ws.getRow(3).getCell(9).value).toBe('2025-01-01');
    expect(ws.getRow(4).getCell(3).value).toBe('讲座');

    const again = await c.post(`/api/imports/jobs/${job.id}/import-valid`);
    expect(again.statusCode).toBe(202);
    const done = await finished(c, job.id);
    expect(done).toMatchObject({
      status: 'done',
      mode: 'valid_only',
      importedRows: 9_997,
      errorRows: 3,
      canImportValid: false,
    });
    expect(await recordsOfUnit(f.unit.id)).toBe(9_997);
    expect((await c.post(`/api/imports/jobs/${job.id}/import-valid`)).statusCode).toBe(409);
  }, 180_000);

  it('re-checks inside the write: a record registered after validation refuses its row, and no spooled rows are left on disk', async () => {
    const f = await fixture(20);
    const c = await admin(f.total);
    setImportLimits({ batchSize: 100 });
    const make = manyRows(f.staff);
    const rows = Array.from({ length: 1000 }, (_, i) => make(i));
    const file = await hoursWorkbookStreamed(rows.length, (i) => rows[i]!);
    const spoolDirs = () =>
      fs
        .readdirSync(spoolSettings.parent)
        .filter((n) => n.startsWith('ptce-import-'))
        .sort();
    const before = spoolDirs();
    // Rows 2 and 901 (data rows 0 and 899) get a twin registered by the person while the file is checked.
    const registerTwins = async () => {
      for (const i of [0, 899]) {
        const r = rows[i]!;
        const p = f.staff.find((s) => s.idNumber === r.idNumber)!;
        const half = (h: unknown) => (h === '下午' ? 'pm' : 'am');
        await buildRecord(t.db, {
          accountId: p.id,
          unitId: f.unit.id,
          hours: 4,
          status: 'draft',
          startDate: String(r.startDate),
          endDate: String(r.endDate),
          startHalf: half(r.startHalf),
          endHalf: half(r.endHalf),
        });
      }
    };
    importHooks.beforeWrite = async () => {
      expect(spoolDirs().length).toBe(before.length + 1); // the checked rows wait on disk
      await registerTwins();
    };
    const job = await importFile(c, file);
    expect(job).toMatchObject({ status: 'rejected', dataRows: 1000, errorRows: 2, importedRows: 0 });
    expect(job.message).toContain('校验后数据有变化');
    const dup = expect.stringMatching(
      /^已有相同起止时间的学时记录「专业技术培训」（.+，记录编号\d+，待提交），同一培训不能重复登记$/,
    );
    expect(await errorsOf(c, job.id)).toEqual([
      { row: 2, problems: [{ column: null, reason: dup }] },
      { row: 901, problems: [{ column: null, reason: dup }] },
    ]);
    expect(await recordsOfUnit(f.unit.id)).toBe(2);
    await waitForImports(); // the run tidies up after it has reported
    expect(spoolDirs()).toEqual(before);

    // Importing the valid rows only: the twins are skipped at the write, every other row lands.
    await t.db.delete(hourRecords).where(eq(hourRecords.unitId, f.unit.id));
    importHooks.beforeWrite = registerTwins;
    const partial = await importFile(c, file, { mode: 'valid_only' });
    expect(partial).toMatchObject({ status: 'done', importedRows: 998, errorRows: 2 });
    expect((await errorsOf(c, partial.id)).map((e) => e.row)).toEqual([2, 901]);
    const imported = await t.db
      .select({ title: hourRecords.title })
      .from(hourRecords)
      .where(and(eq(hourRecords.unitId, f.unit.id), eq(hourRecords.source, 'import')));
    expect(imported.map((r) => r.title).sort()).toEqual(
      rows
        .filter((_, i) => i !== 0 && i !== 899)
        .map((r) => String(r.title))
        .sort(),
    );
    await waitForImports();
    expect(spoolDirs()).toEqual(before);
  }, 60_000);

  it('writes nothing when the import fails midway (failure injected after 2,000 rows written)', async () => {
    const f = await fixture(50);
    const c = await admin(f.total);
    setImportLimits({ batchSize: 500 });
    const seen: number[] = [];
    importHooks.afterBatchWritten = async (written) => {
      seen.push(written);
      if (t.database.kind === 'postgres') {
        // Progress is visible from another connection while the transaction is open.
        const [j] = await t.db
          .select()
          .from(importJobs)
          .orderBy(sql`id DESC`)
          .limit(1);
        expect(j!.status).toBe('writing');
      }
      if (written >= 2000) throw new Error('injected failure');
    };
    const job = await importFile(c, await hoursWorkbookStreamed(3000, manyRows(f.staff)));
    // Written in quarter batches (125 rows); the failure comes after 2,000 rows are in.
    expect(seen).toEqual(Array.from({ length: 16 }, (_, i) => (i + 1) * 125));
    expect(job).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(job.message).toContain('未导入任何数据');
    expect(await recordsOfUnit(f.unit.id)).toBe(0);
    const [ev] = await t.db
      .select({ n: count() })
      .from(hourRecordEvents)
      .innerJoin(hourRecords, eq(hourRecords.id, hourRecordEvents.recordId))
      .where(eq(hourRecords.unitId, f.unit.id));
    expect(ev!.n).toBe(0);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'imports.hours-registration'), eq(auditLog.targetId, String(job.id))));
    expect(audit.map((a) => a.result)).toEqual(['failed']);
  }, 60_000);

  it.runIf(process.env.TEST_DATABASE_URL)(
    'leaves the database as it was when the importing process is killed mid-transaction, and another run imports it (PostgreSQL)',
    async () => {
      const f = await fixture(20);
      const c = await admin(f.total);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-kill-'));
      const file = path.join(dir, 'kill.xlsx');
      fs.writeFileSync(file, await hoursWorkbookStreamed(3000, manyRows(f.staff)));
      const actor = {
        id: f.total.id,
        kind: 'unit_admin',
        name: f.total.name,
        roles: ['unit_admin'],
        scope: 'unit',
        unitId: f.unit.id,
        departmentId: null,
        departmentScopeIds: null,
        authorityId: null,
        baseId: null,
        regionCode: null,
        industryCode: null,
        mustChangePassword: false,
        sessionId: 'x',
        csrfToken: 'x',
      };
      const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(import.meta.dirname, '../../../test/kits/excel-kill-child.ts'),
          url,
          JSON.stringify(actor),
          file,
          path.join(dir, 'files'),
          '2024-06-15T10:00:00+08:00',
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PII_KEY: TEST_PII_KEY } },
      );
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('WRITTEN')) resolve();
        });
        child.on('exit', () => reject(new Error(`child exited early: ${out}`)));
      });
      expect(out).toMatch(/WRITTEN 250/);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const jobId = Number(/JOB (\d+)/.exec(out)?.[1]);
      expect(await recordsOfUnit(f.unit.id)).toBe(0);
      const [j] = await t.db.select().from(importJobs).where(eq(importJobs.id, jobId));
      expect(j).toMatchObject({ status: 'writing', importedRows: 0 });
      setNow('2024-06-15T10:05:00+08:00');
      expect((await c.get(`/api/imports/jobs/${jobId}`)).json()).toMatchObject({
        status: 'writing',
        message: RESUMING,
      });
      // Another instance (here: this process, reading the dead one's files folder) carries the job on.
      const files = new LocalFileStore(path.join(dir, 'files'));
      expect(await resumeStaleImports(t.db, { files, reportDuringWrite: true })).toEqual([jobId]);
      await waitForImports();
      expect((await c.get(`/api/imports/jobs/${jobId}`)).json()).toMatchObject({ status: 'done', importedRows: 3000 });
      expect(await recordsOfUnit(f.unit.id)).toBe(3000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );

  it('shows a job whose process died without its file as failed (interrupted)', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const [j] = await t.db
      .insert(importJobs)
      .values({
        kind: 'hours-registration',
        mode: 'all',
        status: 'writing',
        run: 1,
        fileName: 'x.xlsx',
        fileKey: null,
        fileSize: 1,
        totalRows: 10,
        rowsProcessed: 10,
        dataRows: 10,
        errorRows: 0,
        rowsWritten: 0,
        importedRows: 0,
        createdBy: f.total.id,
        unitId: f.unit.id,
        createdAt: new Date('2024-06-15T01:00:00Z'),
        heartbeatAt: new Date('2024-06-15T01:00:00Z'),
      })
      .returning();
    const job = (await c.get(`/api/imports/jobs/${j!.id}`)).json();
    expect(job).toMatchObject({ status: 'failed', message: expect.stringContaining('导入中断') });
  });
});

describe('an import whose process died', () => {
  /** A job as a process that died while checking its rows leaves it: running, its heartbeat stopped at 10:00. */
  async function deadJob(f: Awaited<ReturnType<typeof fixture>>, opts: { file?: Buffer; resumes?: number } = {}) {
    const stored = opts.file ? await t.app.deps.files.put(opts.file, { prefix: 'imports' }) : null;
    const [j] = await t.db
      .insert(importJobs)
      .values({
        kind: 'hours-registration',
        mode: 'all',
        status: 'validating',
        run: 1,
        resumes: opts.resumes ?? 0,
        fileName: '学员培训信息.xlsx',
        fileKey: stored?.key ?? null,
        fileSize: opts.file?.length ?? 1,
        totalRows: f.staff.length,
        rowsProcessed: 1,
        dataRows: 1,
        createdBy: f.total.id,
        unitId: f.unit.id,
        createdAt: new Date('2024-06-15T02:00:00Z'),
        heartbeatAt: new Date('2024-06-15T02:00:00Z'),
      })
      .returning();
    return { job: j!, key: stored?.key ?? null };
  }
  const env = () => ({ files: t.app.deps.files, reportDuringWrite: t.database.kind === 'postgres' });
  const auditOf = (jobId: number, action: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(jobId))));

  it('is carried on from its file by the first instance that looks, once, in the uploader’s name', async () => {
    const f = await fixture(3);
    const c = await admin(f.total);
    const { job } = await deadJob(f, { file: await hoursWorkbook(f.staff.map((p) => row(p))) });
    // Not yet stale: nothing to do.
    setNow('2024-06-15T10:01:00+08:00');
    expect(await resumeStaleImports(t.db, env())).toEqual([]);
    setNow('2024-06-15T10:05:00+08:00');
    expect((await c.get(`/api/imports/jobs/${job.id}`)).json()).toMatchObject({
      status: 'validating',
      message: RESUMING,
    });
    // Two instances look at once: one of them takes it.
    const looks = await Promise.all([resumeStaleImports(t.db, env()), resumeStaleImports(t.db, env())]);
    expect(looks.flat()).toEqual([job.id]);
    await waitForImports();
    expect((await c.get(`/api/imports/jobs/${job.id}`)).json()).toMatchObject({
      status: 'done',
      importedRows: 3,
      message: '共3行，全部导入成功',
    });
    expect(await recordsOfUnit(f.unit.id)).toBe(3);
    const [resumed] = await auditOf(job.id, 'imports.resume');
    expect(resumed).toMatchObject({ actorAccountId: f.total.id, result: 'ok' });
    expect(resumed!.detail).toMatchObject({ run: 2, resumes: 1 });
    expect((await auditOf(job.id, 'imports.hours-registration')).map((a) => a.actorAccountId)).toEqual([f.total.id]);
    expect(await resumeStaleImports(t.db, env())).toEqual([]);
  });

  it('a run whose job was taken over while it was still alive writes nothing; the new run imports once', async () => {
    const f = await fixture(3);
    const c = await admin(f.total);
    // Between checking and writing, another instance takes the job over (its heartbeat looked stopped).
    importHooks.beforeWrite = async () => {
      await t.db.execute(sql`UPDATE import_jobs SET run = run + 1, resumes = resumes + 1
        WHERE id = (SELECT max(id) FROM import_jobs)`);
    };
    const res = await upload(c, await hoursWorkbook(f.staff.map((p) => row(p))));
    expect(res.statusCode).toBe(202);
    const id = res.json().id as number;
    await waitForImports();
    delete importHooks.beforeWrite;
    expect(await recordsOfUnit(f.unit.id)).toBe(0);
    const [j] = await t.db.select().from(importJobs).where(eq(importJobs.id, id));
    expect(j).toMatchObject({ status: 'validating', run: 2, importedRows: 0 });
    expect(await auditOf(id, 'imports.hours-registration')).toEqual([]);
    // The job's heartbeat then stops (the new owner died too): it is carried on and imported once.
    setNow('2024-06-15T10:05:00+08:00');
    expect(await resumeStaleImports(t.db, env())).toEqual([id]);
    await waitForImports();
    expect((await c.get(`/api/imports/jobs/${id}`)).json()).toMatchObject({ status: 'done', importedRows: 3 });
    expect(await recordsOfUnit(f.unit.id)).toBe(3);
  });

  it('is given up without its file or after three takeovers: 导入中断, audited, the file removed', async () => {
    const f = await fixture(2);
    const c = await admin(f.total);
    const lost = await deadJob(f);
    const worn = await deadJob(f, { file: await hoursWorkbook(f.staff.map((p) => row(p))), resumes: 3 });
    setNow('2024-06-15T10:05:00+08:00');
    expect((await c.get(`/api/imports/jobs/${worn.job.id}`)).json()).toMatchObject({ status: 'failed' });
    expect(await resumeStaleImports(t.db, env())).toEqual([]);
    for (const { job } of [lost, worn]) {
      expect((await c.get(`/api/imports/jobs/${job.id}`)).json()).toMatchObject({
        status: 'failed',
        message: expect.stringContaining('导入中断'),
      });
      const [gaveUp] = await auditOf(job.id, 'imports.abandon');
      expect(gaveUp).toMatchObject({ actorAccountId: f.total.id, result: 'failed' });
    }
    expect((await auditOf(worn.job.id, 'imports.abandon'))[0]!.detail).toMatchObject({ reason: 'too many resumes' });
    await expect(t.app.deps.files.size(worn.key!)).rejects.toThrow();
    expect(await recordsOfUnit(f.unit.id)).toBe(0);
  });

  it('is not carried on when its uploader may no longer log in', async () => {
    const f = await fixture(1);
    const { job } = await deadJob(f, { file: await hoursWorkbook(f.staff.map((p) => row(p))) });
    await t.db.execute(sql`UPDATE accounts SET login_enabled = false WHERE id = ${f.total.id}`);
    setNow('2024-06-15T10:05:00+08:00');
    expect(await resumeStaleImports(t.db, env())).toEqual([]);
    const [j] = await t.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(j).toMatchObject({ status: 'failed', fileKey: null });
    expect((await auditOf(job.id, 'imports.abandon'))[0]!.detail).toMatchObject({ reason: 'uploader may not log in' });
  });
});

describe('access', () => {
  it('gives a professional 403 on every import and export route, and keeps jobs private to their uploader', async () => {
    const f = await fixture(1);
    const c = await admin(f.total);
    const job = await importFile(c, await hoursWorkbook([row(f.staff[0]!, { name: '错名' })]));
    const p = await loggedIn(t, f.staff[0]!.username, PASSWORD, 'person');
    const routes: Array<['GET' | 'POST', string]> = [
      ['GET', '/api/imports/hours-registration/template'],
      ['POST', '/api/imports/hours-registration/jobs?declared=true'],
      ['GET', '/api/imports/hours-registration/jobs'],
      ['GET', `/api/imports/jobs/${job.id}`],
      ['GET', `/api/imports/jobs/${job.id}/errors`],
      ['GET', `/api/imports/jobs/${job.id}/error-report`],
      ['POST', `/api/imports/jobs/${job.id}/import-valid`],
      ['GET', '/api/exports/hours/results'],
      ['GET', '/api/exports/hours/person-years'],
      ['GET', '/api/exports/org/staff'],
    ];
    for (const [method, url] of routes) {
      const res = method === 'GET' ? await p.get(url) : await p.post(url);
      expect(res.statusCode, url).toBe(403);
    }
    const other = await admin(f.adminA);
    expect((await other.get(`/api/imports/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/imports/jobs/${job.id}/error-report`)).statusCode).toBe(404);
    expect((await other.post(`/api/imports/jobs/${job.id}/import-valid`)).statusCode).toBe(404);
  });
});
