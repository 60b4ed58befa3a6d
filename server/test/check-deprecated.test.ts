import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * scripts/check-deprecated.mjs against a stand-in `npm` on the PATH (the registry's answers are
 * scripted): a deprecated production dependency fails the check naming it; a registry that cannot be
 * asked skips cleanly; no deprecation passes.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function check(npmScript: string): Promise<{ code: number; out: string }> {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-fake-npm-'));
  fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\n${npmScript}\n`, { mode: 0o755 });
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['scripts/check-deprecated.mjs', '--only', 'fastify,pg,zod'],
      { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
    );
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

describe('scripts/check-deprecated.mjs', () => {
  it('fails naming a deprecated production dependency and its exact version', async () => {
    const r = await check(`case "$2" in pg@*) echo '"pg 8.x is no longer supported, use 9"';; *) ;; esac`);
    expect(r.code).toBe(1);
    const pgVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages[
      'node_modules/pg'
    ].version;
    expect(r.out).toContain(`DEPRECATED pg@${pgVersion} (used by server): pg 8.x is no longer supported, use 9`);
    expect(r.out).not.toContain('DEPRECATED fastify');
  });

  it('skips cleanly when the registry cannot be asked', async () => {
    const r = await check(
      `echo 'npm error code ENOTFOUND' >&2; echo 'npm error network request to https://registry.npmjs.org/pg failed, reason: getaddrinfo ENOTFOUND' >&2; exit 1`,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('SKIPPED: the npm registry cannot be asked from here');
  });

  it('passes when nothing is deprecated', async () => {
    const r = await check('exit 0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK: none of the 3 production dependencies is deprecated.');
  });
});
