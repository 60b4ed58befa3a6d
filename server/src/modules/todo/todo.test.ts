import type { TodoItem } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow, shanghaiYear } from '../../clock';
import { courses } from '../../db/schema/index';
import {
  buildAccount,
  buildAuthority,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  creditPublic,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { listTodo } from './list-todo';

/** The seed links the year's compulsory course to the real current year; the clock is pinned inside it. */
const Y = shanghaiYear();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow(`${Y}-06-15T10:00:00+08:00`));

async function world() {
  const unit = await buildUnit(t.db, { name: '南宁市第二人民医院' });
  const other = await buildUnit(t.db, { name: '柳州市工程勘察设计院' });
  const authority = await buildAuthority(t.db, { name: '广西壮族自治区卫生健康委员会' });
  const neike = await buildDepartment(t.db, unit.id, '内科');
  const waike = await buildDepartment(t.db, unit.id, '外科');
  const total = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, name: '黄志强' });
  const neikeAdmin = await buildAccount(t.db, {
    kind: 'unit_admin',
    unitId: unit.id,
    departmentId: neike.id,
    name: '韦丽萍',
  });
  const unitAccount = await buildAccount(t.db, { kind: 'unit_account', unitId: unit.id, username: `ua${unit.id}` });
  const reviewer = await buildAccount(t.db, {
    kind: 'authority',
    authorityId: authority.id,
    username: `wjw${authority.id}`,
  });
  const a = await buildProfessional(t.db, { unitId: unit.id, departmentId: neike.id, name: '陆春燕' });
  const b = await buildProfessional(t.db, { unitId: unit.id, departmentId: waike.id, name: '蒙国庆' });
  const outsider = await buildProfessional(t.db, { unitId: other.id, name: '覃海波' });
  // 新注册: one in 内科, one without a department, one in another unit.
  await buildProfessional(t.db, { unitId: unit.id, departmentId: neike.id, pendingConfirmation: true });
  await buildProfessional(t.db, { unitId: unit.id, pendingConfirmation: true });
  await buildProfessional(t.db, { unitId: other.id, pendingConfirmation: true });

  const pending = (p: { id: number }, unitId: number) =>
    buildRecord(t.db, { accountId: p.id, unitId, year: Y, hours: 16, status: 'pending', submittedAt: new Date() });
  await pending(a, unit.id);
  await pending(a, unit.id);
  await pending(b, unit.id);
  await pending(outsider, other.id);
  await buildRecord(t.db, {
    accountId: a.id,
    unitId: unit.id,
    year: Y,
    hours: 8,
    status: 'pending',
    reviewTarget: 'authority',
    authorityId: authority.id,
    submittedAt: new Date(),
  });
  // a's own work: one draft and one rejection this year; a rejection of a closed year is no longer a to-do.
  await buildRecord(t.db, { accountId: a.id, unitId: unit.id, year: Y, hours: 8, status: 'draft' });
  await buildRecord(t.db, { accountId: a.id, unitId: unit.id, year: Y, hours: 8, status: 'rejected' });
  await buildRecord(t.db, { accountId: a.id, unitId: unit.id, year: Y - 3, hours: 8, status: 'rejected' });
  return { unit, total, neikeAdmin, unitAccount, reviewer, a, b };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  setNow(`${Y}-06-15T10:00:00+08:00`);
  w = await world();
});

async function todoOf(c: TestClient): Promise<Record<string, TodoItem>> {
  const res = await c.get('/api/todo');
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().items as TodoItem[]).map((i) => [i.key, i]));
}

const unitLogin = (u: { username: string }) => loggedIn(t, u.username, PASSWORD, 'unit');

describe('GET /api/todo — what waits on the 用户管理中心', () => {
  it('shows a total admin the unit’s 待初审 records and 新注册 staff, each the length of the list it links to', async () => {
    const c = await unitLogin(w.total);
    const todo = await todoOf(c);
    expect(Object.keys(todo)).toEqual(['hours-review', 'staff-new']);
    expect(todo['hours-review']).toMatchObject({ count: 3, link: '/hours/unit/review', label: '待初审的专业科目学时' });
    expect(todo['staff-new']).toMatchObject({ count: 2, link: '/org/staff?newRegistration=true' });
    const queue = await c.get('/api/hours/review/queue?page=1&pageSize=20');
    expect(queue.json().total).toBe(3);
    const staff = await c.get('/api/org/staff?newRegistration=true&page=1&pageSize=20');
    expect(staff.json().total).toBe(2);
  });

  it('shows the unit account the same as its total admin', async () => {
    const todo = await todoOf(await unitLogin(w.unitAccount));
    expect([todo['hours-review']?.count, todo['staff-new']?.count]).toEqual([3, 2]);
  });

  it('shows a 二级管理员 only its department: 内科’s two records and one 新注册', async () => {
    const c = await unitLogin(w.neikeAdmin);
    const todo = await todoOf(c);
    expect([todo['hours-review']?.count, todo['staff-new']?.count]).toEqual([2, 1]);
    expect((await c.get('/api/hours/review/queue?page=1&pageSize=20')).json().total).toBe(2);
  });

  it('shows an authority the records submitted to it, and no staff', async () => {
    const todo = await todoOf(await loggedIn(t, w.reviewer.username, PASSWORD, 'authority'));
    expect(Object.keys(todo)).toEqual(['hours-review']);
    expect(todo['hours-review']!.count).toBe(1);
  });

  it('shows a professional the open compulsory exam, drafts 待提交 and rejections 不予认定 of the open year', async () => {
    const c = await loggedIn(t, w.a.username, PASSWORD, 'person');
    const todo = await todoOf(c);
    expect(Object.keys(todo)).toEqual(['exam-compulsory', 'hours-drafts', 'hours-rejected']);
    expect(todo['exam-compulsory']).toMatchObject({ count: 1, link: '/learning' });
    expect(todo['exam-compulsory']!.hint).toContain(`${Y}年`);
    expect(todo['hours-drafts']).toMatchObject({ count: 1, link: `/hours/mine?status=draft&year=${Y}` });
    expect(todo['hours-rejected']).toMatchObject({ count: 1, link: `/hours/mine?status=rejected&year=${Y}` });
    // Another professional of the same unit has none of a's records.
    const other = await todoOf(await loggedIn(t, w.b.username, PASSWORD, 'person'));
    expect([other['hours-drafts']?.count, other['hours-rejected']?.count]).toEqual([0, 0]);
  });

  it('drops the compulsory exam once it is passed, and after the year’s public deadline', async () => {
    const p = await buildProfessional(t.db, { unitId: w.unit.id });
    const c = await loggedIn(t, p.username, PASSWORD, 'person');
    expect((await todoOf(c))['exam-compulsory']?.count).toBe(1);
    await creditPublic(t.db, p.id, Y, 'compulsory');
    expect((await todoOf(c))['exam-compulsory']).toBeUndefined();
    const q = await buildProfessional(t.db, { unitId: w.unit.id });
    setNow(`${Y + 1}-01-02T10:00:00+08:00`);
    const cq = await loggedIn(t, q.username, PASSWORD, 'person');
    const todo = await todoOf(cq);
    // Next year has no compulsory course in the seed: nothing about the exam, not last year's closed one.
    expect(todo['exam-compulsory']).toBeUndefined();
  });

  it('shows the operator next year’s plan while it is not published, and nothing to an HR bureau', async () => {
    const op = await buildAccount(t.db, { kind: 'operator', username: 'todo-operator' });
    const todo = await todoOf(await loggedIn(t, op.username, PASSWORD, 'authority'));
    expect(todo['plan-next-year']).toMatchObject({ count: 1, link: '/plans', label: `${Y + 1}年度计划未发布` });
    expect(todo['courses-next-year']).toMatchObject({
      link: `/learning/admin?year=${Y + 1}`,
      label: `${Y + 1}年度课程未发布`,
    });
    const hr = await buildAccount(t.db, { kind: 'hr_bureau', username: 'todo-hr' });
    expect((await (await loggedIn(t, hr.username, PASSWORD, 'authority')).get('/api/todo')).json()).toEqual({
      items: [],
    });
  });

  it('tells the operator next year has no course, then no 必修课, then its drafts, until all are published', async () => {
    const N = Y + 1;
    const op = await buildAccount(t.db, { kind: 'operator', username: 'todo-courses-operator' });
    const c = await loggedIn(t, op.username, PASSWORD, 'authority');
    const item = async () => (await todoOf(c))['courses-next-year'];
    // The seed has no course for next year: one thing to do, not a silent 0.
    expect(await item()).toEqual({
      key: 'courses-next-year',
      label: `${N}年度课程未发布`,
      count: 1,
      link: `/learning/admin?year=${N}`,
      hint: `尚无${N}年度课程，可新增必修课或复制上年课程`,
    });
    // A plan copied from this year links this year's courses; its old 必修课 is not next year's.
    expect((await c.post('/api/plans', { year: N })).statusCode).toBe(201);
    expect(await item()).toMatchObject({ count: 1, hint: `尚无${N}年度必修课，可新增或复制上年必修课` });

    const create = async (kind: 'compulsory' | 'elective', title: string) => {
      const res = await c.post('/api/learning/admin/courses', { year: N, kind, title, summary: '', lecturer: '' });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const elective = await create('elective', `${N}年度数字经济选修课`);
    expect(await item()).toMatchObject({ count: 2, hint: `尚无${N}年度必修课；1门课程为草稿，预览无误后发布` });
    const compulsory = await create('compulsory', `${N}年度公需科目必修课`);
    expect(await item()).toMatchObject({ count: 2, hint: '2门课程为草稿，预览无误后发布' });

    const chapter = await c.post(`/api/learning/admin/courses/${elective}/chapters`, {
      title: '第一章 总论',
      kind: 'text',
      requiredSeconds: 600,
      body: '本章介绍数字经济的主要内容。',
    });
    expect(chapter.statusCode, chapter.body).toBe(201);
    expect((await c.post(`/api/learning/admin/courses/${elective}/publish`, {})).statusCode).toBe(204);
    expect(await item()).toMatchObject({ count: 1, hint: '1门课程为草稿，预览无误后发布' });
    // The compulsory course's question bank and paper are new-year-courses' concern: published as it stands.
    await t.db.update(courses).set({ status: 'published', publishedAt: new Date() }).where(eq(courses.id, compulsory));
    expect(await item()).toMatchObject({ count: 0, hint: null });
  });

  it('is refused without a session', async () => {
    expect((await t.client().get('/api/todo')).statusCode).toBe(401);
  });

  it('lists the providers’ items in the registry’s order, for any provider list', async () => {
    const actor = { roles: ['operator'] } as never;
    const got = await listTodo({ db: t.db, actor }, [
      async () => [{ key: 'b', label: 'B', count: 2, link: '/b', hint: null }],
      async () => [],
      async () => [{ key: 'a', label: 'A', count: 0, link: '/a', hint: null }],
    ]);
    expect(got.items.map((i) => i.key)).toEqual(['b', 'a']);
  });
});
