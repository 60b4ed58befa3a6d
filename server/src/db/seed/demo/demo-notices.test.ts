import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock } from '../../../clock';
import { createTestApp, type TestApp } from '../../../../test/helpers';
import { seedDemoData } from './demo-data';

/** The demo's 通知公告: the seed's 2024 notice first, public and pinned, with its attachments; reads to count. */
let t: TestApp;
beforeAll(async () => {
  resetClock();
  t = await createTestApp();
  await seedDemoData(t.db);
});
afterAll(async () => t.close());

describe('demo notices', () => {
  it('shows the Guangxi 2024 notice first on the login page, with its three attachments as text', async () => {
    const anon = t.client();
    const list = (await anon.get('/api/public/notices')).json();
    expect(list.items[0]).toMatchObject({
      title: '广西壮族自治区人力资源和社会保障厅关于做好2024年度全区专业技术人员公需科目和专业科目学习有关工作的通知',
      pinned: true,
      publishedAt: '2024-04-18T01:00:00.000Z',
    });
    const notice = (await anon.get(`/api/public/notices/${list.items[0].id}`)).json();
    expect(notice.body).toMatch(/^各市人力资源社会保障局/);
    expect(notice.body).toContain('\n\n## 一、学习对象\n\n');
    expect(notice.body).not.toMatch(/<[a-z]/i);
    expect(notice.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      '附件1：专业技术人员公需科目培训考试操作流程.txt',
      '附件2：专业科目学时登记及单位审核操作流程.txt',
      '附件3：全区国家级和自治区级专业技术人员继续教育基地名单（截至2023年12月）.txt',
    ]);
    const dl = await anon.get(`/api/public/notices/attachments/${notice.attachments[2].id}`);
    expect(dl.statusCode).toBe(200);
    expect(Number(dl.headers['content-length'])).toBe(notice.attachments[2].size);
    expect(dl.body).toContain('广西大学\t0771-3237366\t（双基地）');
    // the notices for unit admins, 南宁市 and professionals are not public
    expect(list.total).toBe(1);
  });

  it('has a reminder to unit admins already read by two of the three demo units', async () => {
    const rows = (
      await t.db.execute<{ audience: string; units: number }>(sql`
      SELECT n.audience, count(DISTINCT a.unit_id)::int AS units
        FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id LEFT JOIN accounts a ON a.id = r.account_id
       GROUP BY n.id, n.audience ORDER BY n.id`)
    ).rows;
    expect(rows).toEqual([
      { audience: 'everyone', units: 0 },
      { audience: 'unit_admins', units: 2 },
      { audience: 'region', units: 0 },
      { audience: 'professionals', units: 0 },
    ]);
  });
});
