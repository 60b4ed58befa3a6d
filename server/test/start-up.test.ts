import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyPluginAsync } from 'fastify';
import { buildApp } from '../src/app';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { openTestDatabase } from './db-template';
import { killServerProcesses, startServerProcess, type ServerProcess } from './server-process';

afterAll(killServerProcesses);

const start = (dataDir: string, env: Record<string, string> = {}) =>
  startServerProcess(dataDir, { SEED_DEMO: '', ...env });
const waitFor = (s: ServerProcess, pattern: RegExp) => s.waitFor(pattern);

describe('npm start on the embedded database', () => {
  it('migrates, seeds demo data once, refuses a second server on the same folder, and shuts down cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-start-'));
    const first = start(dataDir);
    const [, port] = await waitFor(first, /listening on http:\/\/localhost:(\d+)/);
    await waitFor(first, /Demo logins/);
    expect(first.output()).toMatch(/\[专业技术人员\] \d{17}[\dX]/);
    expect(first.output()).toContain('单位管理员（总管理员）');
    expect(first.output()).toContain('二级管理员');
    expect(first.output()).toMatch(/\[专业技术人员\] \d{17}[\dX] +韦秋萍 — 专业技术人员（新注册，待单位确认）/);
    expect(first.output()).toContain('平台运营');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', db: 'pglite' });

    const second = start(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another PTCE server');
    // The first server is unharmed.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'ptce.lock'))).toBe(false);

    // Restart on the seeded folder: data kept, no second demo load.
    const again = start(dataDir);
    const [, port2] = await waitFor(again, /listening on http:\/\/localhost:(\d+)/);
    const login = await fetch(`http://127.0.0.1:${port2}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'Demo2026', realm: 'authority' }),
    });
    expect(login.status).toBe(200);
    expect(again.output()).not.toContain('Demo logins');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('in production loads no demo data into an empty database: no demo units, no operator login', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-start-prod-'));
    const prod = start(dataDir, {
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      PII_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    const [, port] = await waitFor(prod, /listening on http:\/\/localhost:(\d+)/);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'Demo2026', realm: 'authority' }),
    });
    expect(login.status).toBe(401);
    prod.child.kill('SIGTERM');
    expect(await prod.exited).toBe(0);
    expect(prod.output()).not.toContain('Demo logins');
    expect(fs.existsSync(path.join(dataDir, 'demo-logins.json'))).toBe(false);
    const database = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
    try {
      const { rows } = await database.db.execute(
        sql`SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM accounts) AS accounts`,
      );
      const row = rows[0];
      expect(row).toEqual({ units: 0, accounts: 0 });
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses SEED_DEMO=true in production with a message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-start-prod-'));
    const s = start(dataDir, {
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      PII_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('SEED_DEMO: must not be true in production');
    expect(s.output()).not.toContain('listening');
  }, 60_000);

  it('refuses to start with a bad setting, naming it', async () => {
    const s = startServerProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-startup-')), { PORT: 'eighty' });
    let err = '';
    s.child.stderr!.on('data', (d) => (err += d));
    expect(await s.exited).toBe(1);
    expect(err).toContain('PORT');
  }, 60_000);

  it('refuses to build an app with an /api route that declares no policy', async () => {
    const { database, drop } = await openTestDatabase(inject('dbTemplate'));
    const { API_MODULES } = await import('../src/modules/index');
    const rogue: FastifyPluginAsync = async (app) => {
      app.get('/rogue', async () => ({ ok: true }));
    };
    API_MODULES.push(rogue);
    try {
      await expect(
        buildApp({
          config: loadConfig({ NODE_ENV: 'test', PII_KEY: Buffer.alloc(32, 3).toString('base64') }),
          database,
          sessionSecret: 'x'.repeat(32),
          logger: false,
        }),
      ).rejects.toThrow(/GET \/api\/rogue has no policy/);
    } finally {
      API_MODULES.pop();
      await database.close();
      await drop();
    }
  });
});
