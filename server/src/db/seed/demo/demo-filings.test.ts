import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock } from '../../../clock';
import { createTestApp, loggedIn, type TestApp } from '../../../../test/helpers';
import { seedDemoData } from './demo-data';

/** The demo's 培训备案: gxu-base's filings in every state, the public list, the operator's queue. */
let t: TestApp;
beforeAll(async () => {
  resetClock();
  t = await createTestApp();
  await seedDemoData(t.db);
});
afterAll(async () => t.close());

describe('demo filings', () => {
  it('gives gxu-base filings in several states, among them a filed public 3-day class of 24 hours', async () => {
    const base = await loggedIn(t, 'gxu-base', 'Demo2026', 'authority');
    const rows = (await base.get('/api/filings?pageSize=50')).json().items as Array<{
      id: number;
      status: string;
      hours: number;
      startDate: string;
      endDate: string;
      enrolment: string;
      changePending: boolean;
    }>;
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'pending', 'returned', 'filed']));
    const threeDay = rows.find((r) => r.status === 'filed' && r.hours === 24 && r.enrolment === 'public');
    expect(threeDay).toBeDefined();
    const detail = (await base.get(`/api/filings/${threeDay!.id}`)).json();
    expect(detail.filingNo).toMatch(/^桂继教备〔\d{4}〕\d{4}号$/);
    expect(detail.sessions).toHaveLength(6);
    expect(rows.some((r) => r.changePending)).toBe(true);
    expect((await base.get('/api/base-console')).json()).toMatchObject({
      canFile: true,
      filings: { changePending: 1 },
    });
  });

  it('lists the public filed classes in 培训项目公示, and the operator’s queue has the waiting ones', async () => {
    const pub = (await t.client().get('/api/public/filings')).json();
    expect(pub.total).toBe(2);
    const operator = await loggedIn(t, 'operator', 'Demo2026', 'authority');
    const queue = (await operator.get('/api/filings?status=pending')).json();
    expect(queue.items.map((f: { name: string; ageDays: number }) => [f.name, f.ageDays])).toEqual([
      ['基层医疗卫生人员急诊急救能力提升培训班', 5],
      ['人工智能赋能教育教学能力提升培训班', 2],
    ]);
  });

  it('gives 卫健委 (gxwjw) the filing of the base it supervises to review, and gxmu-base sees only its own', async () => {
    const wjw = await loggedIn(t, 'gxwjw', 'Demo2026', 'authority');
    const queue = (await wjw.get('/api/filings?status=pending')).json();
    expect(queue.items).toEqual([
      expect.objectContaining({ name: '基层医疗卫生人员急诊急救能力提升培训班', hours: 16, ageDays: 5 }),
    ]);
    const med = await loggedIn(t, 'gxmu-base', 'Demo2026', 'authority');
    const own = (await med.get('/api/filings?pageSize=50')).json();
    expect(own.items.map((f: { name: string }) => f.name)).toEqual(['基层医疗卫生人员急诊急救能力提升培训班']);
  });
});
