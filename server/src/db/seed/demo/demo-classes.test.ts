import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { createTestApp, loggedIn } from '../../../../test/helpers';
import { DEMO_PASSWORD, seedDemoData } from './demo-data';
import { seedDemoClasses } from './demo-classes';

const t = await createTestApp();
afterAll(async () => t.close());

it('gxu-base has a filed class with imported trainees, some with accounts, and prints one to register', async () => {
  await seedDemoData(t.db);
  const logins = await seedDemoClasses(t.db);
  expect(logins).toHaveLength(1);
  const base = await loggedIn(t, 'gxu-base', DEMO_PASSWORD, 'authority');
  const classes = (await base.get('/api/classes')).json();
  expect(classes.total).toBe(1);
  expect(classes.items[0]).toMatchObject({ organiserKind: 'base', hours: 24, traineeCount: 12, passedCount: 11 });
  expect(classes.items[0].filingNumber).toMatch(/^桂继教备〔\d{4}〕\d{4}号$/);
  const trainees = (await base.get(`/api/classes/${classes.items[0].id}/trainees?pageSize=50`)).json();
  expect(trainees.items.filter((x: { registered: boolean }) => x.registered)).toHaveLength(4);
  const records = (
    await t.db.execute(
      sql`SELECT status, source, count(*)::int AS n FROM hour_records WHERE source = 'class' GROUP BY 1, 2`,
    )
  ).rows;
  expect(records).toEqual([{ status: 'approved', source: 'class', n: 11 }]);
  // The printed newcomer has no login yet: 注册 claims the person.
  const [p] = (
    await t.db.execute(
      sql`SELECT password_hash FROM accounts WHERE name = ${logins[0]!.name} AND kind = 'professional'`,
    )
  ).rows as Array<{ password_hash: string }>;
  expect(p!.password_hash).toBe('');
});
