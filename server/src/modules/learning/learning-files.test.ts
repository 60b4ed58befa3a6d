import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, now, resetClock } from '../../clock';
import { courses } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { atShanghai, linkCourse, newTab, Y } from '../../../test/kits/learning';
import { contentDisposition, parseRange } from './serve-file';

let t: TestApp;
let operator: TestClient;
let learner: TestClient;
let courseId: number;
beforeAll(async () => {
  t = await createTestApp({ MAX_UPLOAD_MB: '1' });
  const op = await buildAccount(t.db, { kind: 'operator' });
  operator = await loggedIn(t, op.username, PASSWORD, 'authority');
  const p = await buildProfessional(t.db, { unitId: (await buildUnit(t.db)).id });
  learner = await loggedIn(t, p.username, PASSWORD);
  const at = now();
  const [c] = await t.db
    .insert(courses)
    .values({
      code: 'TEST-VIDEO',
      title: '视频测试课程',
      kind: 'elective',
      area: '数字技术',
      summary: '',
      lecturer: '',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  courseId = c!.id;
  await linkCourse(t.db, Y, courseId, 'elective');
});
afterAll(async () => t.close());
afterEach(() => resetClock());

/** PUT of a raw file body, as the browser's fetch(file) sends it. */
function upload(c: TestClient, chapterId: number, body: Buffer, type: string, fileName = '讲座视频.mp4') {
  return t.app.inject({
    method: 'PUT',
    url: `/api/learning/admin/chapters/${chapterId}/file?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'content-type': type },
    payload: body,
  });
}

async function videoChapter(requiredSeconds = 300) {
  const res = await operator.post(`/api/learning/admin/courses/${courseId}/chapters`, {
    title: '第一讲 视频',
    kind: 'video',
    requiredSeconds,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

describe('chapter files (PDF, video) with HTTP Range', () => {
  // An MP4 begins with its size and 'ftyp'; the rest is random.
  const mp4 = (n: number) =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), crypto.randomBytes(n - 12)]);
  const bytes = mp4(1000);
  let chapterId: number;

  it('lets the operator upload a chapter video to the file store', async () => {
    chapterId = await videoChapter();
    const res = await upload(operator, chapterId, bytes, 'video/mp4');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: chapterId, size: 1000 });
  });

  it('refuses a file of the wrong type and one over the size limit', async () => {
    expect((await upload(operator, chapterId, bytes, 'application/pdf')).statusCode).toBe(415);
    const big = await upload(operator, chapterId, mp4(1024 * 1024 + 10), 'video/mp4');
    expect(big.statusCode).toBe(413);
    // The declared type must match the content: random bytes called video/mp4 are refused.
    const fake = await upload(operator, chapterId, crypto.randomBytes(5000), 'video/mp4');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toBe('文件内容不是所选格式的视频，请检查文件后重新上传');
    expect((await upload(learner, chapterId, bytes, 'video/mp4')).statusCode).toBe(403);
  });

  it('serves the whole file with Accept-Ranges, and a range as 206 with Content-Range', async () => {
    atShanghai();
    const view = (await learner.get(`/api/learning/years/${Y}/chapters/${chapterId}`)).json();
    expect(view).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      fileUrl: `/api/learning/chapters/${chapterId}/file`,
    });
    const full = await learner.get(view.fileUrl);
    expect(full.statusCode).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-type']).toBe('video/mp4');
    expect(full.rawPayload.equals(bytes)).toBe(true);

    const part = await learner.request('GET', view.fileUrl, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.headers['content-length']).toBe('100');
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await learner.request('GET', view.fileUrl, undefined, { range: 'bytes=-10' });
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.rawPayload.equals(bytes.subarray(990))).toBe(true);

    const open = await learner.request('GET', view.fileUrl, undefined, { range: 'bytes=995-' });
    expect(open.rawPayload.equals(bytes.subarray(995))).toBe(true);

    const beyond = await learner.request('GET', view.fileUrl, undefined, { range: 'bytes=1000-' });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */1000');
  });

  it('does not let a video be fast-forwarded past what was watched', async () => {
    atShanghai();
    const tab = newTab();
    expect((await learner.post(`/api/learning/years/${Y}/chapters/${chapterId}/open`, { tabId: tab })).statusCode).toBe(
      200,
    );
    const beat = async (position: number) =>
      (await learner.post('/api/learning/heartbeat', { tabId: tab, chapterId, position })).json();
    advance(30_000);
    expect((await beat(250)).creditedSeconds).toBe(30); // jumped to 4:10 in 30 s: only 30 s count
    advance(30_000);
    expect((await beat(10)).creditedSeconds).toBe(30); // re-watching the start adds nothing
    advance(30_000);
    expect((await beat(45)).creditedSeconds).toBe(45); // played on past 0:30: the new part counts
    advance(30_000);
    expect((await beat(75)).creditedSeconds).toBe(75);
    const view = (await learner.get(`/api/learning/years/${Y}/chapters/${chapterId}`)).json();
    expect(view).toMatchObject({ creditedSeconds: 75, completed: false });
  });
});

describe('files of courses no plan uses', () => {
  it('are not served (404), whoever asks', async () => {
    const at = now();
    const [c] = await t.db
      .insert(courses)
      .values({
        code: 'TEST-UNLINKED',
        title: '未启用课程',
        kind: 'elective',
        area: null,
        summary: '',
        lecturer: '',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const res = await operator.post(`/api/learning/admin/courses/${c!.id}/chapters`, {
      title: '讲义',
      kind: 'pdf',
      requiredSeconds: 600,
    });
    const id = res.json().id as number;
    expect((await upload(operator, id, Buffer.from('%PDF-1.4 test'), 'application/pdf', '讲义.pdf')).statusCode).toBe(
      200,
    );
    expect((await learner.get(`/api/learning/chapters/${id}/file`)).statusCode).toBe(404);
    await linkCourse(t.db, Y, c!.id, 'elective');
    const ok = await learner.get(`/api/learning/chapters/${id}/file`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-disposition']).toContain(
      'inline; filename="download.pdf"; filename*=UTF-8\'\'%E8%AE%B2%E4%B9%89.pdf',
    );
  });
});

describe('range and file-name helpers', () => {
  it('parses the forms of a byte range', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange(undefined, 10)).toBeNull();
  });
  it('writes an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', '学习提纲.txt')).toBe(
      `attachment; filename="download.txt"; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%E6%8F%90%E7%BA%B2.txt`,
    );
    expect(contentDisposition('inline', 'a"b (1).pdf')).toBe(
      `inline; filename="a_b (1).pdf"; filename*=UTF-8''a%22b%20%281%29.pdf`,
    );
  });
});
