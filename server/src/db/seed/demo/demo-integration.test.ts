import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/helpers';
import { now } from '../../../clock';
import { sign } from '../../../modules/integration/index';
import { seedDemoData } from './demo-data';
import { seedDemoIntegration } from './demo-integration';

const t = await createTestApp();
afterAll(async () => t.close());

it('the demo industry system has a working key and pushed approved records for hospital staff', async () => {
  await seedDemoData(t.db);
  const [client] = await seedDemoIntegration(t.db);
  expect(client!.name).toBe('广西卫生健康委继续医学教育学分系统');
  const rows = (
    await t.db.execute(
      sql`SELECT status, source, count(*)::int AS n FROM hour_records WHERE external_id LIKE 'GXCME-%' GROUP BY 1, 2`,
    )
  ).rows;
  expect(rows).toEqual([{ status: 'approved', source: 'integration', n: 7 }]);
  // One record in 学分: 2 学分 I类 at the plan's 3 hours each.
  const credit = (
    await t.db.execute(sql`SELECT hours::float8 AS hours, credit_type, credits::float8 AS credits FROM hour_records
                          WHERE external_id LIKE 'GXCME-%' AND credit_type IS NOT NULL`)
  ).rows;
  expect(credit).toEqual([{ hours: 6, credit_type: '学分 I类', credits: 2 }]);
  const target = '/api/integration/v1/changes?limit=10';
  const timestamp = String(Math.floor(now().getTime() / 1000));
  const nonce = 'demo0000000000000001';
  const res = await t.app.inject({
    method: 'GET',
    url: target,
    headers: {
      'x-ptce-key-id': client!.keyId,
      'x-ptce-timestamp': timestamp,
      'x-ptce-nonce': nonce,
      'x-ptce-signature': sign(client!.secret, { method: 'GET', target, timestamp, nonce, body: '' }),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().changes).toHaveLength(7);
  // Its 事件通知 address and a delivery log with an automatic retry and a manual 重新发送.
  const log = (
    await t.db.execute(sql`SELECT m.state, m.attempts, bool_or(a.manual) AS manual FROM integration_webhook_messages m
                          JOIN integration_webhook_attempts a ON a.message_id = m.id GROUP BY m.id ORDER BY m.id`)
  ).rows;
  expect(log).toEqual([
    { state: 'delivered', attempts: 1, manual: false },
    { state: 'delivered', attempts: 3, manual: false },
    { state: 'delivered', attempts: 2, manual: true },
  ]);
});
