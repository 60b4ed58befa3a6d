import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../clock';
import { auditLog, courses, planCourses } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { Y } from '../../../test/kits/learning';

// 课程管理 → 相关资料: the operator uploads and deletes a course's materials; learners download them.

let t: TestApp;
let operator: TestClient;
let learner: TestClient;
beforeAll(async () => {
  t = await createTestApp({ MAX_UPLOAD_MB: '1' });
  const op = await buildAccount(t.db, { kind: 'operator' });
  operator = await loggedIn(t, op.username, PASSWORD, 'authority');
  const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
  learner = await loggedIn(t, p.username, PASSWORD);
});
afterAll(async () => t.close());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
// An Office Open XML file is a ZIP package: its first bytes are PK\x03\x04.
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function publishedElective(code: string) {
  const at = now();
  const [c] = await t.db
    .insert(courses)
    .values({
      code,
      title: `${code}课程`,
      kind: 'elective',
      year: Y,
      status: 'published',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await t.db.insert(planCourses).values({ year: Y, courseId: c!.id, kind: 'elective', seq: 50 });
  return c!.id;
}

function put(c: TestClient, courseId: number, title: string, fileName: string, type: string, body: Buffer) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/learning/admin/courses/${courseId}/materials?title=${encodeURIComponent(title)}&fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': type },
    payload: body,
  });
}
const adminMaterials = async (courseId: number) =>
  (await operator.get(`/api/learning/admin/courses/${courseId}/chapters`)).json().materials as Array<{
    id: number;
    title: string;
    fileName: string;
    size: number;
    url: string;
  }>;

describe('相关资料 upload and delete', () => {
  it('uploads a PDF and a Word file in order; learners list and download them; audited', async () => {
    const id = await publishedElective('T-MAT-1');
    const a = await put(operator, id, '政策文件汇编', '政策文件汇编.pdf', 'application/pdf', pdf);
    expect(a.statusCode, a.body).toBe(201);
    const b = await put(operator, id, '学习笔记模板', '笔记模板.docx', DOCX, docx);
    expect(b.statusCode, b.body).toBe(201);

    const list = await adminMaterials(id);
    expect(list.map((m) => [m.title, m.fileName, m.size])).toEqual([
      ['政策文件汇编', '政策文件汇编.pdf', pdf.length],
      ['学习笔记模板', '笔记模板.docx', docx.length],
    ]);
    const mine = (await learner.get(`/api/learning/years/${Y}/materials`)).json() as Array<{ id: number }>;
    expect(mine.map((m) => m.id)).toEqual(expect.arrayContaining([a.json().id, b.json().id]));
    const got = await learner.get(list[0]!.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'learning.material_upload'), eq(auditLog.targetId, String(id))))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ materialId: a.json().id, title: '政策文件汇编', size: pdf.length }),
      expect.objectContaining({ materialId: b.json().id, title: '学习笔记模板' }),
    ]);
  });

  it('refuses other types, content that is not what it claims, an oversize file and a missing title; nothing kept', async () => {
    const id = await publishedElective('T-MAT-2');
    const html = await put(operator, id, '讲义', '讲义.html', 'text/html', Buffer.from('<p>hi</p>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toBe('相关资料请上传PDF、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）文件');
    const fakeDocx = await put(operator, id, '讲义', '讲义.docx', DOCX, Buffer.from('plain text pretending'));
    expect(fakeDocx.statusCode).toBe(415);
    expect(fakeDocx.json().error.message).toBe('文件内容不是Word（.docx）文件，请检查文件后重新上传');
    const big = await put(
      operator,
      id,
      '讲义',
      '讲义.pdf',
      'application/pdf',
      Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('文件不能超过1MB');
    const untitled = await put(operator, id, '', '讲义.pdf', 'application/pdf', pdf);
    expect(untitled.statusCode).toBe(400);
    expect(await adminMaterials(id)).toEqual([]);
  });

  it('deletes a material: gone from the lists, its download 404, audited; another course’s material id is 404', async () => {
    const id = await publishedElective('T-MAT-3');
    const other = await publishedElective('T-MAT-4');
    const up = await put(operator, id, '课件', '课件.pdf', 'application/pdf', pdf);
    const mid = up.json().id as number;
    expect((await operator.delete(`/api/learning/admin/courses/${other}/materials/${mid}`)).statusCode).toBe(404);
    const res = await operator.delete(`/api/learning/admin/courses/${id}/materials/${mid}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await adminMaterials(id)).toEqual([]);
    expect((await learner.get(`/api/learning/materials/${mid}/download`)).statusCode).toBe(404);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'learning.material_delete'), eq(auditLog.targetId, String(id))));
    expect(entry!.detail).toMatchObject({ materialId: mid, title: '课件', fileName: '课件.pdf' });
  });

  it('is the operator’s: a learner cannot upload or delete', async () => {
    const id = await publishedElective('T-MAT-5');
    expect((await put(learner, id, '讲义', '讲义.pdf', 'application/pdf', pdf)).statusCode).toBe(403);
    const up = await put(operator, id, '讲义', '讲义.pdf', 'application/pdf', pdf);
    expect((await learner.delete(`/api/learning/admin/courses/${id}/materials/${up.json().id}`)).statusCode).toBe(403);
    expect(await adminMaterials(id)).toHaveLength(1);
  });
});
