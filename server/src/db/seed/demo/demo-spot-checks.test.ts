import { drawCampaign } from '@ptce/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock } from '../../../clock';
import { createTestApp, loggedIn, type TestApp } from '../../../../test/helpers';
import { DEMO_PASSWORD, seedDemoData, type DemoLogin } from './demo-data';

/** The demo's 抽查: 南宁市人社局's finished, public 第一批 and its 第二批 waiting for the hospital's answer. */
let t: TestApp;
let logins: DemoLogin[];
beforeAll(async () => {
  resetClock();
  t = await createTestApp();
  logins = await seedDemoData(t.db);
});
afterAll(async () => t.close());

describe('demo spot checks', () => {
  it('publishes the finished campaign, whose draw anyone recomputes from its seed', async () => {
    const anon = t.client();
    const [row] = (await anon.get('/api/public/spot-checks')).json();
    expect(row.title).toMatch(/第一批/);
    const c = (await anon.get(`/api/public/spot-checks/${row.id}`)).json();
    expect(c.units.map((u: { unitName: string }) => u.unitName)).toEqual(['南宁市第一人民医院']);
    expect(c.units[0]).toMatchObject({ checked: 4, trueCount: 3, incompleteCount: 1, falseCount: 0 });
    expect(drawCampaign(c.draw).map((d) => c.unitNames[String(d.unitId)])).toEqual(['南宁市第一人民医院']);
  });

  it('gives the sampled hospital 待答复的抽查, and the inspectors their logins', async () => {
    const unit = logins.find((l) => l.role === '单位账号')!;
    const c = await loggedIn(t, unit.username, DEMO_PASSWORD, 'unit');
    const todo = (await c.get('/api/todo')).json().items as Array<{ key: string; count: number }>;
    expect(todo.find((i) => i.key === 'spotcheck-answer')?.count).toBe(1);
    const [open] = (await c.get('/api/spot-checks/unit')).json().filter((x: { status: string }) => x.status === 'open');
    expect(open.title).toMatch(/第二批/);
    expect(logins.filter((l) => l.role === '市人社局（抽查检查人员）').map((l) => l.username)).toEqual([
      'nnrsj-jc01',
      'nnrsj-jc02',
      'nnrsj-jc03',
    ]);
  });
});
