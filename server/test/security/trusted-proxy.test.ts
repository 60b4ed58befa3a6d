import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index';
import { buildProfessional, PASSWORD } from '../factories';
import { createTestApp, type TestApp } from '../helpers';

/**
 * X-Forwarded-For is believed only from the proxies TRUST_PROXY names. A client that is not one of
 * them cannot pick its own address: the audit log and the per-address limits see its socket address.
 */
const CLIENT = '203.0.113.9';
const PROXY = '10.0.0.5';

async function loginFrom(t: TestApp, remoteAddress: string, forwardedFor: string) {
  const p = await buildProfessional(t.db);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    payload: JSON.stringify({ username: p.username, password: PASSWORD }),
  });
  expect(res.statusCode).toBe(200);
  const [entry] = await t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.actorAccountId, p.id))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry!.ip;
}

/** 31 look-ups in a minute against a route limited to 30 per address, each with a new forged address. */
async function verifyBurst(t: TestApp, remoteAddress: string): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < 31; i++) {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/verify/NOSUCHCODE0000',
      remoteAddress,
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    });
    codes.push(res.statusCode);
  }
  return codes;
}

describe('no TRUST_PROXY (the default): forged X-Forwarded-For is ignored', async () => {
  const t = await createTestApp({ RATE_LIMIT: 'true' });
  afterAll(() => t.close());

  it('the audit log records the socket address, not the forged one', async () => {
    expect(await loginFrom(t, CLIENT, '1.2.3.4')).toBe(CLIENT);
  });

  it('the per-address limit counts the socket address: a new forged address per request does not reset it', async () => {
    const codes = await verifyBurst(t, CLIENT);
    expect(codes.slice(0, 30).every((c) => c !== 429)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('TRUST_PROXY names the proxy', async () => {
  const t = await createTestApp({ RATE_LIMIT: 'true', TRUST_PROXY: `${PROXY},192.168.10.0/24` });
  afterAll(() => t.close());

  it('from the trusted proxy the forwarded client address is used', async () => {
    expect(await loginFrom(t, PROXY, `${CLIENT}`)).toBe(CLIENT);
    expect(await loginFrom(t, '192.168.10.77', '198.51.100.200')).toBe('198.51.100.200');
  });

  it('a client behind the proxy cannot prepend a made-up address: the proxy-appended one counts', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(await loginFrom(t, PROXY, `1.2.3.4, ${CLIENT}`)).toBe(CLIENT);
  });

  it('a client that is not the proxy is still not believed', async () => {
    expect(await loginFrom(t, CLIENT, '1.2.3.4')).toBe(CLIENT);
  });

  it('the per-address limit counts each forwarded client separately behind the proxy', async () => {
    const codes = await verifyBurst(t, PROXY);
    expect(codes.includes(429)).toBe(false);
  });
});
