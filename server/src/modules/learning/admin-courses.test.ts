import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../clock';
import { courses } from '../../db/schema/index';
import { BELT_AND_ROAD_COURSE, ELECTIVE_COURSES } from '../../db/seed/content/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { compulsoryId, Y } from '../../../test/kits/learning';

// 课程管理: the operator's list of every course and of a course's chapters.

let t: TestApp;
let operator: TestClient;
beforeAll(async () => {
  t = await createTestApp({ MAX_UPLOAD_MB: '2' });
  const op = await buildAccount(t.db, { kind: 'operator' });
  operator = await loggedIn(t, op.username, PASSWORD, 'authority');
});
afterAll(async () => t.close());

interface CourseRow {
  id: number;
  code: string;
  kind: string;
  area: string | null;
  plans: Array<{ year: number; kind: string }>;
  chapterCount: number;
  requiredSeconds: number;
  chaptersWithoutFile: number;
}

async function courseList(): Promise<CourseRow[]> {
  const res = await operator.get('/api/learning/admin/courses');
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function newCourse(code: string) {
  const at = now();
  const [c] = await t.db
    .insert(courses)
    .values({
      code,
      title: `${code}课程`,
      kind: 'elective',
      area: '数字技术',
      summary: '',
      lecturer: '',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return c!.id;
}

function upload(chapterId: number, body: Buffer, type: string | null, fileName = '讲义.pdf') {
  return t.app.inject({
    method: 'PUT',
    url: `/api/learning/admin/chapters/${chapterId}/file?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: operator.cookie!, 'x-csrf-token': operator.csrf!, ...(type ? { 'content-type': type } : {}) },
    payload: body,
  });
}

const minutesOf = (c: { chapters: Array<{ minutes: number }> }) => c.chapters.reduce((s, ch) => s + ch.minutes * 60, 0);

describe('课程管理 — the operator’s course list', () => {
  it('lists every seeded course with its plan years, kind, area, chapter count and total study time', async () => {
    const list = await courseList();
    const compulsory = list.find((c) => c.code === BELT_AND_ROAD_COURSE.code)!;
    expect(compulsory).toMatchObject({
      kind: 'compulsory',
      chapterCount: BELT_AND_ROAD_COURSE.chapters.length,
      requiredSeconds: minutesOf(BELT_AND_ROAD_COURSE),
      chaptersWithoutFile: 0,
    });
    expect(compulsory.plans[0]).toEqual({ year: Y, kind: 'compulsory' });
    expect(compulsory.plans.map((p) => p.year)).toEqual([...new Set([Y, 2024])].sort((a, b) => b - a));
    for (const e of ELECTIVE_COURSES) {
      expect(list.find((c) => c.code === e.code)).toMatchObject({
        kind: 'elective',
        area: e.area,
        chapterCount: e.chapters.length,
        requiredSeconds: minutesOf(e),
        plans: expect.arrayContaining([{ year: Y, kind: 'elective' }]),
      });
    }
    // The newest plan year's compulsory course leads the list.
    expect(list[0]!.code).toBe(BELT_AND_ROAD_COURSE.code);
  });

  it('lists a course no plan uses, last and with no years; its chapters and missing files are counted', async () => {
    const id = await newCourse('TEST-ADMIN-LIST');
    let row = (await courseList()).find((c) => c.id === id)!;
    expect(row).toMatchObject({ plans: [], chapterCount: 0, requiredSeconds: 0, chaptersWithoutFile: 0 });
    expect((await courseList()).at(-1)!.plans).toEqual([]);

    expect(
      (
        await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
          title: '第一章 概述',
          kind: 'text',
          requiredSeconds: 600,
          body: '正文',
        })
      ).statusCode,
    ).toBe(201);
    const pdf = await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
      title: '第二章 讲义',
      kind: 'pdf',
      requiredSeconds: 900,
    });
    expect(pdf.statusCode).toBe(201);
    row = (await courseList()).find((c) => c.id === id)!;
    expect(row).toMatchObject({ chapterCount: 2, requiredSeconds: 1500, chaptersWithoutFile: 1 });

    expect((await upload(pdf.json().id, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf')).statusCode).toBe(200);
    expect((await courseList()).find((c) => c.id === id)).toMatchObject({ chapterCount: 2, chaptersWithoutFile: 0 });
  });
});

describe('课程管理 — a course’s chapters', () => {
  it('lists the chapters in study order with kind, minutes and text length', async () => {
    const id = await compulsoryId(t.db);
    const res = await operator.get(`/api/learning/admin/courses/${id}/chapters`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.course).toMatchObject({
      id,
      code: BELT_AND_ROAD_COURSE.code,
      chapterCount: BELT_AND_ROAD_COURSE.chapters.length,
    });
    expect(body.chapters.map((c: { seq: number }) => c.seq)).toEqual(
      BELT_AND_ROAD_COURSE.chapters.map((_, i) => i + 1),
    );
    BELT_AND_ROAD_COURSE.chapters.forEach((ch, i) => {
      expect(body.chapters[i]).toMatchObject({
        title: ch.title,
        kind: ch.kind,
        requiredSeconds: ch.minutes * 60,
        textLength: [...(ch.body ?? '')].length,
        file: null,
      });
    });
    expect(body.upload).toEqual({
      maxBytes: 2 * 1024 * 1024,
      types: {
        pdf: ['application/pdf'],
        video: ['video/mp4', 'video/webm', 'video/ogg'],
        // 相关资料 of the course (uploaded on the same page).
        material: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        ],
      },
    });
  });

  it('shows a PDF chapter as missing its file until the upload, then with its name and size', async () => {
    const id = await newCourse('TEST-ADMIN-CHAPTERS');
    const text = '第一段\n\n## 小标题\n- 要点𠮷'; // 17 characters, one of them outside the BMP
    await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
      title: '第一章 图文',
      kind: 'text',
      requiredSeconds: 300,
      body: text,
    });
    const created = (
      await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
        title: '第二章 PDF讲义',
        kind: 'pdf',
        requiredSeconds: 1200,
      })
    ).json();
    const chapters = async () => (await operator.get(`/api/learning/admin/courses/${id}/chapters`)).json().chapters;

    expect(await chapters()).toMatchObject([
      { seq: 1, title: '第一章 图文', kind: 'text', requiredSeconds: 300, textLength: 17, file: null },
      {
        id: created.id,
        seq: 2,
        title: '第二章 PDF讲义',
        kind: 'pdf',
        requiredSeconds: 1200,
        textLength: null,
        file: null,
      },
    ]);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect((await upload(created.id, pdf, 'application/pdf', '第二章讲义.pdf')).statusCode).toBe(200);
    expect((await chapters())[1]).toMatchObject({
      file: { name: '第二章讲义.pdf', size: pdf.length, mimeType: 'application/pdf' },
    });
  });

  it('refuses a file of another type with the chapter’s own reason, whatever its content type', async () => {
    const id = await newCourse('TEST-ADMIN-REFUSE');
    const ch = (
      await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
        title: '讲义',
        kind: 'pdf',
        requiredSeconds: 600,
      })
    ).json();
    for (const type of ['text/plain', 'application/octet-stream', 'application/json', 'image/png', null]) {
      const res = await upload(ch.id, Buffer.from('这不是PDF文件'), type, '讲义.txt');
      expect([type, res.statusCode, res.json().error.message]).toEqual([type, 415, '请上传PDF文件']);
    }
    // Declared as a PDF, but a renamed text file: the content decides.
    const renamed = await upload(ch.id, Buffer.from('这不是PDF文件，只是改了扩展名'), 'application/pdf', '讲义.pdf');
    expect([renamed.statusCode, renamed.json().error.message]).toEqual([
      415,
      '文件内容不是PDF文件，请检查文件后重新上传',
    ]);
    expect((await operator.get(`/api/learning/admin/courses/${id}/chapters`)).json().chapters[0].file).toBeNull();
  });

  it('answers 404 for a course that does not exist', async () => {
    const res = await operator.get('/api/learning/admin/courses/987654/chapters');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('课程不存在或无权访问');
  });
});

describe('课程管理 — who may see it', () => {
  it('refuses a professional and a unit admin (403) and an anonymous caller (401)', async () => {
    const unit = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id });
    const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id });
    const professional = await loggedIn(t, p.username, PASSWORD);
    const unitAdmin = await loggedIn(t, admin.username, PASSWORD, 'unit');
    const anonymous = t.client();
    const id = await compulsoryId(t.db);
    for (const url of ['/api/learning/admin/courses', `/api/learning/admin/courses/${id}/chapters`]) {
      expect([url, (await professional.get(url)).statusCode]).toEqual([url, 403]);
      expect([url, (await unitAdmin.get(url)).statusCode]).toEqual([url, 403]);
      expect([url, (await anonymous.get(url)).statusCode]).toEqual([url, 401]);
    }
  });
});
