import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServerProcesses, startServerProcess } from './server-process';

/**
 * Production runs the compiled server (build.mjs → dist/), not TypeScript through tsx: the bundle must
 * start on plain Node, find its migrations and seed content outside the bundle, load every route, and
 * its CLI scripts must run. Built into a folder of its own inside server/ (so node_modules and the
 * package are found as from dist/).
 */
const SERVER_DIR = path.resolve(import.meta.dirname, '..');
const outName = `.build-test-${crypto.randomBytes(4).toString('hex')}`;
const outDir = path.join(SERVER_DIR, outName);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-compiled-'));
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 's'.repeat(40),
  PII_KEY: Buffer.alloc(32, 7).toString('base64'),
  COOKIE_SECURE: 'false',
  RATE_LIMIT: 'false',
};

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['build.mjs', outName], { cwd: SERVER_DIR });
}, 120_000);
afterAll(() => {
  killServerProcesses();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('is plain JavaScript with source maps, with nothing of tsx in it', () => {
    const main = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
    expect(fs.existsSync(path.join(outDir, 'main.js.map'))).toBe(true);
    expect(/from ['"]tsx/.test(main)).toBe(false);
    // The workspace packages are bundled in (their package exports point at TypeScript sources).
    const chunks = fs.readdirSync(path.join(outDir, 'chunks')).filter((f) => f.endsWith('.js'));
    for (const code of [main, ...chunks.map((f) => fs.readFileSync(path.join(outDir, 'chunks', f), 'utf8'))]) {
      // Checked by hand rather than with toMatch, whose failure would print a whole bundle.
      expect(/from ['"]@ptce\//.test(code)).toBe(false);
    }
  });

  it('runs its CLI scripts on plain Node (create-operator answers with its usage)', async () => {
    const cli = startServerProcess(
      dataDir,
      { ...production, LOG_LEVEL: 'silent' },
      `${outName}/cli/create-operator.js`,
    );
    // Without arguments it explains its usage and exits non-zero, rather than crashing on a missing module.
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/Usage: npm run create-operator -- --username/);
    expect(cli.output()).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
  }, 60_000);

  it('starts in production on a fresh database: migrations applied, every route served', async () => {
    const server = startServerProcess(dataDir, production, `${outName}/main.js`);
    const port = await server.listening(120_000);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });
    expect(server.output()).toMatch(/Applied migrations: 0001_foundation\.sql/);
    // The OpenAPI document lists the routes of every module: they were all bundled and registered.
    const spec = (await (await fetch(`http://127.0.0.1:${port}/api/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const fromSource = fs
      .readdirSync(path.join(SERVER_DIR, 'src/modules'), { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && fs.existsSync(path.join(SERVER_DIR, 'src/modules', d.name, 'routes.ts')),
      ).length;
    expect(Object.keys(spec.paths).length).toBeGreaterThan(fromSource);
    expect(Object.keys(spec.paths)).toContain('/api/health');
    // An unknown certificate is looked up in the migrated database and answered in Chinese.
    const verify = await fetch(`http://127.0.0.1:${port}/api/certificates/verify/NOSUCHCODE0000`);
    expect(verify.status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 180_000);
});
