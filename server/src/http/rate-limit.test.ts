import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT: 'true' });
});
afterAll(async () => t.close());

describe('rate limits (counters in the database)', () => {
  it('answers 429 with a Chinese message after the limit, per route', async () => {
    const c = t.client();
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await c.get('/api/verify/AAAAAAAAAAAAAAAAAAAA')).statusCode);
    expect(codes.slice(0, 30).every((s) => s === 404)).toBe(true);
    const limited = await c.get('/api/verify/AAAAAAAAAAAAAAAAAAAA');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toBe('操作过于频繁，请稍后再试');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another limited route keeps its own count.
    expect((await c.get('/api/units/search?q=%E5%8D%97%E5%AE%81')).statusCode).toBe(200);
  });

  it('keeps the count in the shared table, so a second app process sees it', async () => {
    const { rows } = await t.db.execute(sql`SELECT key, hits FROM rate_limits`);
    const verify = (rows as Array<{ key: string; hits: number }>).find((r) => r.key.includes('/api/verify/:code'));
    expect(Number(verify?.hits)).toBeGreaterThanOrEqual(31);
  });
});
