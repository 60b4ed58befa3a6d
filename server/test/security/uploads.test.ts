import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../src/clock';
import { courses, hourEvidence, importJobs, planCourses } from '../../src/db/schema/index';
import { MALFORMED_UPLOAD_MESSAGE } from '../../src/http/upload';
import { setImportLimits } from '../../src/modules/excel/index';
import { buildZip, hoursWorkbook, multipartFile, unzipParts } from '../kits/excel';
import { buildRecord } from '../factories';
import { aRoleAllowedBy, buildWorld, createCatalogedApp, errorOf, fillPath } from './catalog';

/**
 * Uploads as an attacker sends them: a multipart body the parser cannot read answers 400 on every
 * upload route (enumerated from the app), a file is downloaded under the name of the type its bytes
 * are, and a workbook whose shared strings unpack to hundreds of MB is refused before it is parsed.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
const { t, routes } = await createCatalogedApp();
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));
afterEach(() => setImportLimits());

const world = await buildWorld(t, '上传');
const draft = await buildRecord(t.db, { accountId: world.pA.id, hours: 16, status: 'draft' });
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const multipartRoutes = routes.filter((r) =>
  ((r.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes('multipart/form-data'),
);
/** Query strings a route needs to get as far as reading its body. */
const QUERY: Record<string, string> = {
  'POST /api/imports/hours-registration/jobs': '?mode=all&declared=true',
  'POST /api/imports/units/jobs': '?declared=true',
  // Course 1 of the reference data: its bank receives the questions.
  'POST /api/imports/question-bank/jobs': '?courseId=1',
  'POST /api/imports/class-trainees/jobs': '?classId=1',
};

const B = '----ptceupload0123456789';
const part = (name = '证明.pdf') =>
  `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
const MALFORMED: Array<[string, string, Buffer]> = [
  ['no boundary parameter', 'multipart/form-data', Buffer.from(`${part()}%PDF-1.4\r\n--${B}--\r\n`)],
  ['body without the boundary', `multipart/form-data; boundary=${B}`, Buffer.from('just some bytes, no parts at all')],
  [
    'cut off inside the file',
    `multipart/form-data; boundary=${B}`,
    Buffer.from(`${part()}%PDF-1.4 and then the connection`),
  ],
  [
    'part header without its end',
    `multipart/form-data; boundary=${B}`,
    Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"`),
  ],
];

async function call(route: (typeof multipartRoutes)[number], contentType: string, payload: Buffer) {
  const role = aRoleAllowedBy(route.policy!);
  const headers = { ...(await world.headersFor(role)), 'content-type': contentType };
  const url = fillPath(route.url, { id: draft.id }, draft.id) + (QUERY[route.key] ?? '');
  return t.app.inject({ method: route.method, url, headers, payload });
}

describe('a malformed multipart body', () => {
  it('finds the upload routes', () => {
    expect(multipartRoutes.map((r) => r.key).sort()).toEqual([
      'POST /api/hours/records/:id/evidence',
      'POST /api/imports/class-trainees/jobs',
      'POST /api/imports/hours-registration/jobs',
      'POST /api/imports/question-bank/jobs',
      'POST /api/imports/units/jobs',
      'POST /api/notices/admin/:id/attachments',
      'POST /api/spot-checks/items/:id/files',
    ]);
  });

  for (const route of multipartRoutes) {
    for (const [what, contentType, body] of MALFORMED) {
      it(`${route.key}: ${what} → 400 MALFORMED_UPLOAD, nothing stored`, async () => {
        const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(hourEvidence);
        const res = await call(route, contentType, body);
        expect(res.statusCode, res.body).toBe(400);
        expect(errorOf(res)).toMatchObject({
          code: 'MALFORMED_UPLOAD',
          message: MALFORMED_UPLOAD_MESSAGE,
          details: [{ field: 'file' }],
        });
        const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(hourEvidence);
        expect(after[0]!.n).toBe(before[0]!.n);
      });
    }
  }

  it('a well-formed upload on the same routes still works', async () => {
    const evidence = multipartRoutes.find((r) => r.key === 'POST /api/hours/records/:id/evidence')!;
    const res = await call(
      evidence,
      `multipart/form-data; boundary=${B}`,
      Buffer.concat([Buffer.from(part()), pdf, Buffer.from(`\r\n--${B}--\r\n`)]),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('downloads are named by the detected type', () => {
  it('a PDF uploaded as evil.html downloads as evil.pdf, application/pdf, attachment, nosniff', async () => {
    const h = await world.headersFor('professional');
    const body = Buffer.concat([Buffer.from(part('evil.html')), pdf, Buffer.from(`\r\n--${B}--\r\n`)]);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/hours/records/${draft.id}/evidence`,
      headers: { ...h, 'content-type': `multipart/form-data; boundary=${B}` },
      payload: body,
    });
    expect(up.statusCode, up.body).toBe(201);
    const got = await t.app.inject({ method: 'GET', url: `/api/hours/evidence/${up.json().id}`, headers: h });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="evil.pdf"; filename*=UTF-8''evil.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a JPEG named 照片.svg and a PNG named without an extension get .jpg and .png', async () => {
    const h = await world.headersFor('professional');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    for (const [name, data, expected] of [
      ['照片.svg', jpeg, '照片.jpg'],
      ['扫描件', png, '扫描件.png'],
    ] as const) {
      const body = Buffer.concat([Buffer.from(part(name)), data, Buffer.from(`\r\n--${B}--\r\n`)]);
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/hours/records/${draft.id}/evidence`,
        headers: { ...h, 'content-type': `multipart/form-data; boundary=${B}` },
        payload: body,
      });
      expect(up.statusCode, up.body).toBe(201);
      const got = await t.app.inject({ method: 'GET', url: `/api/hours/evidence/${up.json().id}`, headers: h });
      expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(expected)}`);
    }
  });

  it('a chapter PDF uploaded as evil.html is served as evil.pdf', async () => {
    const op = await world.headersFor('operator');
    const at = new Date();
    const [course] = await t.db
      .insert(courses)
      .values({
        code: 'TEST-UPLOAD-NAME',
        title: '文件名测试课程',
        kind: 'elective',
        area: null,
        summary: '',
        lecturer: '',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/learning/admin/courses/${course!.id}/chapters`,
      headers: { ...op, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: '讲义', kind: 'pdf', requiredSeconds: 600 }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/learning/admin/chapters/${id}/file?fileName=evil.html`,
      headers: { ...op, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(put.statusCode, put.body).toBe(200);
    await t.db.insert(planCourses).values({ year: 2024, courseId: course!.id, kind: 'elective', seq: 99 });
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/learning/chapters/${id}/file`,
      headers: await world.headersFor('professional'),
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`inline; filename="evil.pdf"; filename*=UTF-8''evil.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('raw-body uploads (the file itself as the body of a PUT)', () => {
  const rawRoutes = routes.filter((r) => r.method === 'PUT' && /\/(file|materials)$/.test(r.url));
  it('finds them', () => {
    expect(rawRoutes.map((r) => r.key).sort()).toEqual([
      'PUT /api/learning/admin/chapters/:chapterId/file',
      'PUT /api/learning/admin/courses/:courseId/materials',
    ]);
  });

  it('a course material: HTML, text passed off as a PDF and an oversize file are refused and nothing is kept; a PDF named evil.html downloads as evil.pdf', async () => {
    const op = await world.headersFor('operator');
    const at = new Date();
    const [course] = await t.db
      .insert(courses)
      .values({
        code: 'TEST-UPLOAD-MATERIAL',
        title: '资料上传测试课程',
        kind: 'elective',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const put = (type: string, payload: Buffer, fileName = 'evil.html') =>
      t.app.inject({
        method: 'PUT',
        url: `/api/learning/admin/courses/${course!.id}/materials?title=${encodeURIComponent('讲义')}&fileName=${fileName}`,
        headers: { ...op, 'content-type': type },
        payload,
      });
    const count = async () =>
      (await t.db.execute(sql`SELECT count(*)::int AS n FROM course_materials WHERE course_id = ${course!.id}`))
        .rows[0]!.n;
    const html = await put('text/html', Buffer.from('<script>alert(1)</script>'));
    expect(html.statusCode).toBe(415);
    expect(errorOf(html)?.message).toContain('相关资料请上传PDF');
    const fake = await put('application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(fake.statusCode).toBe(415);
    expect(errorOf(fake)?.message).toBe('文件内容不是PDF文件，请检查文件后重新上传');
    const big = await put('application/pdf', Buffer.concat([pdf, Buffer.alloc(t.app.deps.config.maxUploadBytes)]));
    expect(big.statusCode).toBe(413);
    expect(await count()).toBe(0);

    const ok = await put('application/pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    await t.db.insert(planCourses).values({ year: 2024, courseId: course!.id, kind: 'elective', seq: 98 });
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/learning/materials/${ok.json().id}/download`,
      headers: await world.headersFor('professional'),
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="evil.pdf"; filename*=UTF-8''evil.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('an .xlsx whose shared strings unpack past the 64 MB limit', () => {
  it('is refused by the size of the part, before it is unpacked, with a clear message, and nothing is written', async () => {
    const h = await world.headersFor('unit_admin');
    const parts = unzipParts(await hoursWorkbook([{ idNumber: world.pA.idNumber!, name: world.pA.name }]));
    // 80 MB of shared strings: over the part limit (64 MB), under the overall limit (300 MB) and the ratio limit.
    const strings = Buffer.from(
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>继续教育</t></si>'.repeat((80 * 1024 * 1024) / 28)}</sst>`,
    );
    setImportLimits({ maxRatio: 10_000 });
    const bomb = buildZip([
      ...parts.filter((p) => p.name !== 'xl/sharedStrings.xml'),
      { name: 'xl/sharedStrings.xml', data: strings },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { payload, contentType } = multipartFile(bomb, '学员培训信息.xlsx');
    const jobsBefore = await t.db.select({ n: sql<number>`count(*)::int` }).from(importJobs);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/hours-registration/jobs?mode=all&declared=true',
      headers: { ...h, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(errorOf(res)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message:
        '文件中的文字内容（共享字符串）解压后超过64MB，已拒绝（可能是“压缩炸弹”）。请只保留需要导入的数据，或拆分后分批导入',
    });
    const jobsAfter = await t.db.select({ n: sql<number>`count(*)::int` }).from(importJobs);
    expect(jobsAfter[0]!.n).toBe(jobsBefore[0]!.n);
  }, 90_000);

  it('also when the part lies about its size, and for any other part read whole', async () => {
    const h = await world.headersFor('unit_admin');
    const parts = unzipParts(await hoursWorkbook([{ idNumber: world.pA.idNumber!, name: world.pA.name }]));
    setImportLimits({ maxRatio: 10_000, maxSharedStringsBytes: 4 * 1024 * 1024, maxPartBytes: 2 * 1024 * 1024 });
    const big = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const lyingStrings = buildZip(
      parts.map((p) =>
        p.name === 'xl/sharedStrings.xml'
          ? { ...p, data: Buffer.concat([p.data, big]), declaredSize: p.data.length }
          : p,
      ),
    );
    const bigStyles = buildZip(
      parts.map((p) => (p.name === 'xl/styles.xml' ? { ...p, data: Buffer.concat([p.data, big]) } : p)),
    );
    for (const [file, message] of [
      [lyingStrings, '压缩炸弹'],
      [bigStyles, '“xl/styles.xml”部分解压后超过2MB'],
    ] as const) {
      const { payload, contentType } = multipartFile(file, '学员培训信息.xlsx');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports/hours-registration/jobs?mode=all&declared=true',
        headers: { ...h, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(errorOf(res)?.message).toContain(message);
    }
    // A worksheet is streamed: the same 8 MB in the sheet is within its limit (the overall one).
    const bigSheet = buildZip(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? {
              ...p,
              data: Buffer.concat([
                p.data.subarray(0, p.data.lastIndexOf('</worksheet>')),
                big,
                Buffer.from('</worksheet>'),
              ]),
            }
          : p,
      ),
    );
    const { payload, contentType } = multipartFile(bigSheet, '学员培训信息.xlsx');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/hours-registration/jobs?mode=all&declared=true',
      headers: { ...h, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(202);
  });
});
