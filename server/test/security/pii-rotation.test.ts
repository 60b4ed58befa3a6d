import os from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
// The app first: it loads the modules in their order (a seed file imported alone would meet a cycle half-loaded).
import { createTestApp, TEST_PII_KEY } from '../helpers';
import { now } from '../../src/clock';
import { decryptPii, encryptPii, parsePiiKey, resolvePiiKeyring, usePiiKeys, type PiiKeyring } from '../../src/db/pii';
import { checkPiiKeys, rotatePiiKeys } from '../../src/db/pii-migrate';
import { seedDemoData } from '../../src/db/seed/demo/demo-data';
import { seedDemoIntegration } from '../../src/db/seed/demo/demo-integration';

/**
 * `npm run rotate-pii-key` must leave nothing under the old key: once PII_KEY_PREVIOUS is removed, a value
 * still under it could never be read again (an industry system's key, a webhook body, an applicant's phone …).
 * The demo data plus one row of each other kind of ciphertext is rotated, then every column of every table is
 * searched for the old key's id.
 */
const t = await createTestApp();
const original = resolvePiiKeyring({ piiKey: TEST_PII_KEY, piiKeyPrevious: [], dataDir: os.tmpdir() });
afterAll(async () => {
  usePiiKeys(original);
  await t.close();
});

/** Every row of every table as text, with the tables each value was found in. */
async function tablesContaining(needle: string): Promise<string[]> {
  const { rows: tables } = await t.db.execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const found: string[] = [];
  for (const { table_name } of tables as Array<{ table_name: string }>) {
    const { rows } = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} t WHERE t::text LIKE ${`%${needle}%`}`,
    );
    if (Number(rows[0]!.n) > 0) found.push(table_name);
  }
  return found;
}

it('re-encrypts every ciphertext of every table under the new key; the old key is then not needed', async () => {
  await seedDemoData(t.db);
  const [client] = await seedDemoIntegration(t.db);
  const at = now().toISOString();
  const { rows: people } = await t.db.execute<{ id: number }>(
    sql`SELECT id FROM accounts WHERE kind = 'professional' ORDER BY id LIMIT 1`,
  );
  const clientId = sql`(SELECT client_id FROM integration_keys WHERE key_id = ${client!.keyId})`;
  await t.db.execute(sql`
    INSERT INTO makeup_requests (account_id, plan_year, round_no, reason, phone_enc, created_at)
    VALUES (${people[0]!.id}, (SELECT max(year) FROM annual_plans WHERE status = 'published'), 1, '出差未能参加考试',
            ${encryptPii('13977100001')}, ${at}::timestamptz)`);
  await t.db.execute(sql`
    INSERT INTO integration_webhooks (client_id, url, event_types, secret_enc, previous_secret_enc, previous_secret_until,
                                      created_at, updated_at)
    VALUES (${clientId}, 'https://cme.example.cn/ptce/events', ARRAY['certificate.issued'],
            ${encryptPii('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0')}, ${encryptPii('whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA')},
            ${at}::timestamptz + interval '1 day', ${at}::timestamptz, ${at}::timestamptz)
    ON CONFLICT (client_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc,
      previous_secret_enc = EXCLUDED.previous_secret_enc, previous_secret_until = EXCLUDED.previous_secret_until`);
  await t.db.execute(sql`
    INSERT INTO integration_webhook_messages (message_id, client_id, type, body_enc, created_at)
    VALUES ('msg_rotation_1', ${clientId}, 'certificate.issued', ${encryptPii('{"idNumber":"450103199001011234"}')},
            ${at}::timestamptz)`);
  const { rows: jobs } = await t.db.execute<{ id: number }>(sql`SELECT id FROM import_jobs ORDER BY id LIMIT 1`);
  if (jobs[0]) {
    await t.db.execute(
      sql`UPDATE import_jobs SET credentials = ${JSON.stringify(encryptPii('[{"username":"x","password":"y"}]'))}::jsonb WHERE id = ${jobs[0].id}`,
    );
  }

  const oldId = `p1:${original.current.id}:`;
  const before = await tablesContaining(oldId);
  // The data covers every kind of ciphertext the rotation must handle (or the test would pass on nothing).
  expect(before).toEqual(
    expect.arrayContaining([
      'accounts',
      'makeup_requests',
      'integration_keys',
      'integration_webhooks',
      'integration_webhook_messages',
      ...(jobs[0] ? ['import_jobs'] : []),
    ]),
  );

  const fresh: PiiKeyring = { current: parsePiiKey(Buffer.alloc(32, 0x3c).toString('base64'))!, previous: [] };
  expect(fresh.current.id).not.toBe(original.current.id);
  usePiiKeys({ current: fresh.current, previous: [original.current] });
  expect(await rotatePiiKeys(t.db)).toBeGreaterThan(0);
  expect(await rotatePiiKeys(t.db)).toBe(0);
  expect(await tablesContaining(oldId)).toEqual([]);

  // The old key gone: everything reads under the new key alone.
  usePiiKeys(fresh);
  await checkPiiKeys(t.db);
  const { rows } = await t.db.execute<{
    secret_enc: string;
    phone_enc: string;
    body_enc: string;
    previous_enc: string;
  }>(sql`
    SELECT (SELECT secret_enc FROM integration_keys WHERE key_id = ${client!.keyId}) AS secret_enc,
           (SELECT previous_secret_enc FROM integration_webhooks WHERE client_id = ${clientId}) AS previous_enc,
           (SELECT phone_enc FROM makeup_requests LIMIT 1) AS phone_enc,
           (SELECT body_enc FROM integration_webhook_messages WHERE message_id = 'msg_rotation_1') AS body_enc`);
  expect(decryptPii(rows[0]!.secret_enc)).toBe(client!.secret);
  expect(decryptPii(rows[0]!.phone_enc)).toBe('13977100001');
  expect(decryptPii(rows[0]!.body_enc)).toBe('{"idNumber":"450103199001011234"}');
  expect(decryptPii(rows[0]!.previous_enc)).toBe('whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA');
});
