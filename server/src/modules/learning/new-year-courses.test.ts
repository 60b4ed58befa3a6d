import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { now, resetClock, setNow } from '../../clock';
import { auditLog, courseChapters, courseMaterials, courses, questions } from '../../db/schema/index';
import { ELECTIVE_COURSES } from '../../db/seed/content/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { courseId, newTab, Y } from '../../../test/kits/learning';

// 课程管理 for a new year: 新增课程 → chapters → question bank → 发布 (into the year's plan) → learners see it;
// a draft stays invisible; 复制上年课程; 预览.

const NEXT = Y + 1;
let t: TestApp;
let operator: TestClient;
let operatorName: string;
/** A session does not survive the test clock's jump to the next year: the operator signs in again. */
const signInOperator = async () => {
  operator = await loggedIn(t, operatorName, PASSWORD, 'authority');
};
beforeAll(async () => {
  t = await createTestApp();
  operatorName = (await buildAccount(t.db, { kind: 'operator' })).username;
  await signInOperator();
});
afterAll(async () => t.close());
afterEach(() => resetClock());

async function professional(): Promise<TestClient> {
  const unit = await buildUnit(t.db);
  const p = await buildProfessional(t.db, { unitId: unit.id });
  return loggedIn(t, p.username, PASSWORD);
}

async function create(kind: 'compulsory' | 'elective', title: string) {
  const res = await operator.post('/api/learning/admin/courses', {
    year: NEXT,
    kind,
    title,
    summary: `${title}课程简介`,
    lecturer: '广西专业技术人员继续教育公需科目课程组',
    area: kind === 'elective' ? '数字技术' : null,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string };
}

async function textChapter(id: number, title = '第一章 总论') {
  const res = await operator.post(`/api/learning/admin/courses/${id}/chapters`, {
    title,
    kind: 'text',
    requiredSeconds: 600,
    body: '## 学习目标\n\n本章介绍新年度公需科目的主要内容。',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

/** Enabled questions of each type, as many as the paper of the year's plan needs (plus one). */
async function fillBank(id: number, paper: Record<'single' | 'multiple' | 'judge', { count: number }>) {
  const at = now();
  const rows = (['single', 'multiple', 'judge'] as const).flatMap((type) =>
    Array.from({ length: paper[type].count + 1 }, (_, i) => ({
      courseId: id,
      type,
      stem: `${type}题干${i + 1}：新年度公需科目的学习要求是什么？`,
      options: type === 'judge' ? ['正确', '错误'] : ['选项一', '选项二', '选项三', '选项四'],
      answer: type === 'multiple' ? [0, 1] : [0],
      explanation: '',
      enabled: true,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await t.db.insert(questions).values(rows);
}

const course = async (id: number) => (await t.db.select().from(courses).where(eq(courses.id, id)))[0]!;
const audits = async (action: string, id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(id))));

describe('新增课程 → 发布 → learners of the new year see it', () => {
  let compulsory: { id: number; code: string };
  let draftElective: { id: number; code: string };

  it('creates a draft course of the next year with its own code, audited', async () => {
    compulsory = await create('compulsory', `${NEXT}年度公需科目必修课：数字经济与高质量发展`);
    expect(compulsory.code).toBe(`GX-${NEXT}-BX`);
    expect(await course(compulsory.id)).toMatchObject({ status: 'draft', year: NEXT, kind: 'compulsory' });
    expect(await audits('learning.course_create', compulsory.id)).toHaveLength(1);
    const list = (await operator.get('/api/learning/admin/courses')).json() as Array<Record<string, unknown>>;
    expect(list[0]).toMatchObject({ id: compulsory.id, status: 'draft', year: NEXT, bank: { single: 0 } });
    const bad = await operator.post('/api/learning/admin/courses', { year: NEXT, kind: 'elective', title: '' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to publish a course without chapters, and a compulsory course whose bank cannot make the paper', async () => {
    const noChapters = await operator.post(`/api/learning/admin/courses/${compulsory.id}/publish`, {});
    expect(noChapters.statusCode).toBe(400);
    expect(noChapters.json().error.details[0]).toMatchObject({ field: 'chapters' });
    await textChapter(compulsory.id);
    const small = await operator.post(`/api/learning/admin/courses/${compulsory.id}/publish`, {});
    expect(small.statusCode).toBe(400);
    expect(small.json().error.details[0].field).toBe('questions');
    expect(small.json().error.message).toContain('题库题量不足');
    expect((await course(compulsory.id)).status).toBe('draft');
  });

  it('publishes into the year’s plan (its compulsory course replaced), in one audited step', async () => {
    const plan = await operator.post('/api/plans', { year: NEXT });
    expect(plan.statusCode, plan.body).toBeLessThan(300);
    await fillBank(compulsory.id, plan.json().examConfig);
    const res = await operator.post(`/api/learning/admin/courses/${compulsory.id}/publish`, { addToPlan: true });
    expect(res.statusCode, res.body).toBe(204);
    expect((await course(compulsory.id)).status).toBe('published');
    const detail = (await operator.get(`/api/plans/${NEXT}`)).json();
    expect(detail.courses.find((c: { kind: string }) => c.kind === 'compulsory')).toMatchObject({ id: compulsory.id });
    expect(await audits('learning.course_publish', compulsory.id)).toHaveLength(1);
    const again = await operator.post(`/api/learning/admin/courses/${compulsory.id}/publish`, {});
    expect(again.statusCode).toBe(409);
  });

  it('keeps an unpublished course in the plan invisible to learners, then shows the new year on Jan 2', async () => {
    draftElective = await create('elective', '人工智能通识（草稿）');
    await textChapter(draftElective.id);
    const detail = (await operator.get(`/api/plans/${NEXT}`)).json();
    const electives = detail.courses
      .filter((c: { kind: string }) => c.kind === 'elective')
      .map((c: { id: number }) => c.id);
    const linked = await operator.put(`/api/plans/${NEXT}/courses`, {
      compulsoryCourseId: compulsory.id,
      electiveCourseIds: [...electives, draftElective.id],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await operator.post(`/api/plans/${NEXT}/publish`)).statusCode).toBe(200);

    setNow(`${NEXT}-01-02T09:00:00+08:00`);
    const c = await professional();
    await signInOperator();
    const o = (await c.get(`/api/learning/years/${NEXT}`)).json();
    expect(o.compulsory).toMatchObject({ id: compulsory.id, chapterCount: 1 });
    expect(o.compulsory.window.open).toBe(true);
    expect(o.electives.map((e: { id: number }) => e.id)).not.toContain(draftElective.id);
    expect(o.electives).toHaveLength(electives.length);
    expect((await c.get(`/api/learning/years/${NEXT}/courses/${draftElective.id}`)).statusCode).toBe(404);
    const draftChapter = (
      await t.db.select().from(courseChapters).where(eq(courseChapters.courseId, draftElective.id))
    )[0]!;
    expect((await c.get(`/api/learning/years/${NEXT}/chapters/${draftChapter.id}`)).statusCode).toBe(404);

    const page = (await c.get(`/api/learning/years/${NEXT}/courses/${compulsory.id}`)).json();
    const chapter = await c.get(`/api/learning/years/${NEXT}/chapters/${page.chapters[0].id}`);
    expect(chapter.statusCode).toBe(200);
    expect(chapter.json().body).toContain('学习目标');
    const open = await c.post(`/api/learning/years/${NEXT}/chapters/${page.chapters[0].id}/open`, { tabId: newTab() });
    expect(open.statusCode, open.body).toBe(200);

    // Learning began: it cannot be unpublished any more; the untouched draft elective can be published.
    const un = await operator.post(`/api/learning/admin/courses/${compulsory.id}/unpublish`);
    expect(un.statusCode).toBe(409);
    expect((await operator.post(`/api/learning/admin/courses/${draftElective.id}/publish`, {})).statusCode).toBe(204);
    const now2 = (await c.get(`/api/learning/years/${NEXT}`)).json();
    expect(now2.electives.map((e: { id: number }) => e.id)).toContain(draftElective.id);
    const off = await operator.post(`/api/learning/admin/courses/${draftElective.id}/unpublish`);
    expect(off.statusCode).toBe(204);
    expect(await audits('learning.course_unpublish', draftElective.id)).toHaveLength(1);
    expect((await c.get(`/api/learning/years/${NEXT}/courses/${draftElective.id}`)).statusCode).toBe(404);
  });
});

describe('复制上年课程 and 预览', () => {
  beforeAll(signInOperator);
  it('copies a course of this year into a draft of the next year with chapters, materials and questions', async () => {
    const src = await courseId(t.db, ELECTIVE_COURSES[0]!.code);
    const res = await operator.post(`/api/learning/admin/courses/${src}/copy`, { year: NEXT });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json() as { id: number; code: string };
    expect(copy.code).toMatch(new RegExp(`^GX-${NEXT}-XX-\\d\\d$`));
    expect(await course(copy.id)).toMatchObject({ status: 'draft', year: NEXT, copiedFrom: src });
    const count = async (table: typeof courseChapters | typeof courseMaterials | typeof questions, id: number) =>
      (await t.db.select().from(table).where(eq(table.courseId, id))).length;
    for (const table of [courseChapters, courseMaterials, questions]) {
      expect(await count(table, copy.id)).toBe(await count(table, src));
      expect(await count(table, copy.id)).toBeGreaterThan(0);
    }
    expect(await audits('learning.course_copy', copy.id)).toHaveLength(1);
    const back = await operator.post(`/api/learning/admin/courses/${copy.id}/copy`, { year: Y });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details[0].field).toBe('year');
  });

  it('previews a draft as a learner would, with nothing recorded; learners cannot call the preview', async () => {
    const draft = await create('elective', '预览用课程');
    const ch = await textChapter(draft.id, '第一章 预览');
    const res = await operator.get(`/api/learning/admin/courses/${draft.id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.id, window: { open: false }, chapters: [{ id: ch.id }] });
    const chapter = (await operator.get(`/api/learning/admin/chapters/${ch.id}/preview`)).json();
    expect(chapter).toMatchObject({ body: expect.stringContaining('学习目标'), window: { open: false } });
    const c = await professional();
    expect((await c.get(`/api/learning/admin/courses/${draft.id}/preview`)).statusCode).toBe(403);
  });
});
