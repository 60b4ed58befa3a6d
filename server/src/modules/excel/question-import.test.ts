import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../clock';
import { auditLog, courses, questions } from '../../db/schema/index';
import { buildAccount, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { multipartFile, readWorkbook } from '../../../test/kits/excel';

// 导入题库: the operator fills a course's question bank from the template; any bad row → nothing imported,
// each bad row reported with its row number, column and reason.

let t: TestApp;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const op = await buildAccount(t.db, { kind: 'operator' });
  operator = await loggedIn(t, op.username, PASSWORD, 'authority');
});
afterAll(async () => t.close());

const HEADERS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'];

async function workbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试题');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function newCourse(title: string) {
  const at = now();
  const [c] = await t.db
    .insert(courses)
    .values({
      code: `T-${Math.floor(Math.random() * 1e9)}`,
      title,
      kind: 'compulsory',
      year: 2027,
      status: 'draft',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return c!.id;
}

async function upload(c: TestClient, courseId: number, file: Buffer) {
  const { payload, contentType } = multipartFile(file, '题库.xlsx');
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/question-bank/jobs?courseId=${courseId}`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': contentType },
    payload,
  });
}

async function importFile(courseId: number, file: Buffer) {
  const res = await upload(operator, courseId, file);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 2000; i++) {
    const job = (await operator.get(`/api/imports/jobs/${res.json().id}`)).json();
    if (job.status !== 'validating' && job.status !== 'writing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const bankOf = (courseId: number) =>
  t.db.select().from(questions).where(eq(questions.courseId, courseId)).orderBy(questions.id);

const GOOD: Array<Array<string | number>> = [
  [
    '单选',
    '共建“一带一路”倡议坚持的原则是什么？',
    '共商共建共享',
    '独立自主',
    '互利共赢',
    '开放包容',
    '',
    '',
    'A',
    '共商共建共享。',
  ],
  ['多选', '“五通”包括下列哪些内容？', '政策沟通', '设施联通', '贸易畅通', '军事联合', '', '', 'A、B、C', ''],
  ['判断', '广西是面向东盟开放合作的前沿和窗口。', '', '', '', '', '', '', '正确', ''],
];

describe('导入题库', () => {
  it('serves the template: 题型, 题干, 选项A–F, 答案, 解析, and a 说明 sheet', async () => {
    const res = await operator.get('/api/imports/question-bank/template');
    expect(res.statusCode).toBe(200);
    const wb = await readWorkbook(res.rawPayload);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('试题');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.getWorksheet('说明')).toBeDefined();
  });

  it('imports single, multiple and true/false questions into the course’s bank, with one audit entry', async () => {
    const courseId = await newCourse('导入测试课程一');
    const job = await importFile(courseId, await workbook(GOOD));
    expect(job).toMatchObject({ kind: 'question-bank', status: 'done', importedRows: 3, errorRows: 0 });
    const bank = await bankOf(courseId);
    expect(bank.map((q) => [q.type, q.options.length, q.answer])).toEqual([
      ['single', 4, [0]],
      ['multiple', 4, [0, 1, 2]],
      ['judge', 2, [0]],
    ]);
    expect(bank[2]!.options).toEqual(['正确', '错误']);
    expect(bank.every((q) => q.enabled)).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'imports.question-bank'), eq(auditLog.targetId, String(job.id))));
    expect(audit).toHaveLength(1);
  });

  it('imports nothing when one row is wrong, and names every bad row, column and reason', async () => {
    const courseId = await newCourse('导入测试课程二');
    await importFile(courseId, await workbook([GOOD[0]!]));
    const job = await importFile(
      courseId,
      await workbook([
        GOOD[1]!, // row 2: good
        ['填空', '这是一道题型不对的试题', '甲', '乙', '', '', '', '', 'A', ''], // row 3
        ['单选', '答案不在选项中的试题', '甲', '乙', '', '', '', '', 'D', ''], // row 4
        ['多选', '选项中间有空缺的试题', '甲', '', '丙', '', '', '', 'AC', ''], // row 5
        GOOD[1]!, // row 6: repeats row 2
        GOOD[0]!, // row 7: already in the bank
        ['判断', '判断题答案填错的试题', '', '', '', '', '', '', '也许', ''], // row 8
        ['单选', '', '甲', '乙', '', '', '', '', '', ''], // row 9
      ]),
    );
    expect(job).toMatchObject({ status: 'rejected', importedRows: 0, errorRows: 7, canImportValid: false });
    expect(await bankOf(courseId)).toHaveLength(1);
    const errors = (await operator.get(`/api/imports/jobs/${job.id}/errors?pageSize=50`)).json().items as Array<{
      row: number;
      problems: Array<{ column: string | null; reason: string }>;
    }>;
    const byRow = new Map(errors.map((e) => [e.row, e.problems]));
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byRow.get(3)![0]).toMatchObject({ column: '题型' });
    expect(byRow.get(4)![0]).toMatchObject({ column: '答案', reason: expect.stringContaining('不在已填写的选项中') });
    expect(byRow.get(5)![0]).toMatchObject({ column: '选项B' });
    expect(byRow.get(6)![0]).toMatchObject({ column: '题干', reason: '与第2行的题干重复' });
    expect(byRow.get(7)![0]).toMatchObject({ column: '题干', reason: '本课程题库中已有相同题干的试题' });
    expect(byRow.get(8)![0]).toMatchObject({ column: '答案' });
    expect(byRow.get(9)!.map((p) => p.column)).toEqual(['题干', '答案']);
    const report = await operator.get(`/api/imports/jobs/${job.id}/error-report`);
    expect(report.statusCode).toBe(200);
    const sheet = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).text).toBe('填空');
    expect((await operator.post(`/api/imports/jobs/${job.id}/import-valid`)).statusCode).toBe(409);
  });

  it('is the operator’s: a unit admin is refused, and a course that does not exist is 404', async () => {
    const unit = await buildUnit(t.db);
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const c = await loggedIn(t, admin.username, PASSWORD, 'unit');
    expect((await c.get('/api/imports/question-bank/template')).statusCode).toBe(403);
    expect((await upload(operator, 999999, await workbook(GOOD))).statusCode).toBe(404);
  });
});
