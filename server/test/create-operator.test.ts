import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { accounts, auditLog } from '../src/db/schema/index';
import { databaseUrl, withAdminClient } from './db-template';
import { solveCaptcha } from './helpers';

/**
 * The first operator of a production install: `npm run create-operator -- --username …` against the
 * configured database (a fresh embedded folder, or a fresh PostgreSQL database under TEST_DATABASE_URL).
 */
const SERVER_DIR = path.resolve(import.meta.dirname, '..');
const template = inject('dbTemplate');
const PII_KEY = Buffer.alloc(32, 9).toString('base64');

let env: Record<string, string>;
let open: () => Promise<Database>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (template.kind === 'postgres') {
    const name = `${template.template}_op${crypto.randomBytes(4).toString('hex')}`;
    await withAdminClient(template.adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = databaseUrl(template.adminUrl, name);
    env = { DATABASE_URL: url };
    open = () => openPostgres(url, 2);
    cleanup = () =>
      withAdminClient(template.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-create-operator-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    open = () => openPglite(dataDir);
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
afterAll(() => cleanup());

function run(
  args: string[],
  stdin = '',
  script = 'src/cli/create-operator.ts',
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SESSION_SECRET: 's'.repeat(40),
        PII_KEY,
        LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(stdin);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function login(database: Database, username: string, password: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT: 'false',
    DATA_DIR: os.tmpdir(),
    ENABLE_TEST_CLOCK: 'true',
    PII_KEY,
  });
  const app = await buildApp({ config, database, sessionSecret: 'x'.repeat(32), logger: false });
  try {
    // A password that must be changed is always asked for the 图形验证码.
    const captcha = await solveCaptcha(app);
    return await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.19.0.1',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password, realm: 'authority', ...captcha }),
    });
  } finally {
    await app.close();
  }
}

describe('npm run create-operator', () => {
  it('--generate creates the operator, shows a policy-keeping password once, forces a change at first login, and audits it', async () => {
    const r = await run(['--username', 'huang.ops', '--name', '黄海燕', '--generate']);
    expect(r.code, r.out).toBe(0);
    const password = r.out.match(/初始密码（只显示这一次，请妥善转交）：(\S+)/)?.[1];
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{16}$/);
    expect(r.out.split(password!).length - 1).toBe(1);
    await withDb(async (database) => {
      const [acc] = await database.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.realm, 'authority'), eq(accounts.username, 'huang.ops')));
      expect(acc).toMatchObject({ kind: 'operator', name: '黄海燕', mustChangePassword: true, loginEnabled: true });
      expect(acc!.passwordHash).not.toContain(password!);
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'account.operator.create'), eq(auditLog.targetId, String(acc!.id))));
      expect(entry).toMatchObject({
        result: 'ok',
        detail: expect.objectContaining({ username: 'huang.ops', via: 'create-operator', generated: true }),
      });
      const res = await login(database, 'huang.ops', password!);
      expect(res.statusCode).toBe(200);
      expect(res.json().me).toMatchObject({ kind: 'operator', mustChangePassword: true });
    });
  }, 120_000);

  it('takes a password from standard input when it is not a terminal, and refuses one that breaks the policy', async () => {
    const weak = await run(['--username', 'lan.ops'], 'lan.ops\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('密码至少8位，且须同时包含字母和数字');
    const same = await run(['--username', 'lanops2026'], 'LANOPS2026\n');
    expect(same.code).toBe(1);
    expect(same.out).toContain('密码不能与用户名相同');
    const ok = await run(['--username', 'lan.ops', '--name', '蓝志强'], 'Yongjiang2026\n');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).not.toContain('Yongjiang2026');
    await withDb(async (database) => {
      const rows = await database.db
        .select({ username: accounts.username })
        .from(accounts)
        .where(eq(accounts.kind, 'operator'));
      expect(rows.map((r) => r.username).sort()).toEqual(['huang.ops', 'lan.ops']);
      expect((await login(database, 'lan.ops', 'Yongjiang2026')).statusCode).toBe(200);
    });
  }, 120_000);

  it('refuses an existing username and changes nothing', async () => {
    const r = await run(['--username', 'huang.ops', '--generate']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('用户名 huang.ops 已存在，未创建账号');
    expect(r.out).not.toContain('初始密码');
    await withDb(async (database) => {
      const [acc] = await database.db.select().from(accounts).where(eq(accounts.username, 'huang.ops'));
      expect(acc!.name).toBe('黄海燕');
    });
  }, 60_000);

  it('refuses to run without --username, showing the usage', async () => {
    const r = await run(['--generate']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Usage: npm run create-operator -- --username NAME');
  }, 60_000);
});

describe('npm run verify-audit', () => {
  it('prints OK for an intact chain and names the first broken entry (exit 1) after an edit in SQL', async () => {
    const ok = await run([], '', 'src/cli/verify-audit.ts');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/OK: audit chain intact, \d+ entries verified/);
    const id = await withDb(async (database) => {
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'account.operator.create'))
        .limit(1);
      await database.db
        .update(auditLog)
        .set({ detail: { username: 'someone.else' } })
        .where(eq(auditLog.id, entry!.id));
      return entry!.id;
    });
    const broken = await run([], '', 'src/cli/verify-audit.ts');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN: audit chain broken at entry id ${id} `);
    expect(broken.out).toContain('changed after it was written');
  }, 120_000);
});
