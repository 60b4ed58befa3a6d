import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const PII_KEY = Buffer.alloc(32, 1).toString('base64');

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.sessionIdleMinutes).toBe(30);
  });

  it('loads demo data by default except in production', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', PII_KEY }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PII_KEY, SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('trusts no proxy by default; TRUST_PROXY names addresses/CIDRs or a hop count', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5' }).trustProxy).toEqual(['10.0.0.5']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
      'fd00::/8',
    ]);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('takes PII_KEY as base64 or hex and PII_KEY_PREVIOUS as a list', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      PII_KEY: Buffer.alloc(32, 7).toString('base64'),
      PII_KEY_PREVIOUS: `${'a'.repeat(64)}, ${'b'.repeat(64)}`,
    });
    expect(c.piiKey).toBe(Buffer.alloc(32, 7).toString('base64'));
    expect(c.piiKeyPrevious).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(loadConfig({}).piiKey).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ NODE_ENV: 'production', ENABLE_TEST_CLOCK: 'true' }, 'ENABLE_TEST_CLOCK'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ptce' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, 'SEED_DEMO: must not be true in production'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.256' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.1,' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example.cn' }, 'TRUST_PROXY'],
    [{ NODE_ENV: 'production' }, 'PII_KEY'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ptce', SESSION_SECRET: 'x'.repeat(32) }, 'PII_KEY'],
    [{ PII_KEY: 'too-short' }, 'PII_KEY'],
    [{ PII_KEY: 'a'.repeat(64), PII_KEY_PREVIOUS: 'b'.repeat(63) }, 'PII_KEY_PREVIOUS'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
