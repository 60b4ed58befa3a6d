import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * deploy/systemd as shipped, checked by systemd's own verifier. The template is verified as an instance
 * (ptce@3001); the backup script's installed path (/opt/ptce/…) points at this checkout instead.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const UNITS = path.join(REPO, 'deploy/systemd');
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => fs.existsSync(p)) ?? null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-units-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the systemd units', () => {
  it('run every instance on its own port from one environment file, on the compiled server', () => {
    const unit = fs.readFileSync(path.join(UNITS, 'ptce@.service'), 'utf8');
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/ptce\/ptce\.env$/m);
    expect(unit).toMatch(/^ExecStart=.*PORT=%i .*node --enable-source-maps dist\/main\.js$/m);
    expect(unit).not.toMatch(/tsx/);
  });

  it.skipIf(!ANALYZE)(
    `pass systemd-analyze verify${ANALYZE ? '' : ' (skipped: systemd-analyze is not installed)'}`,
    () => {
      for (const f of fs.readdirSync(UNITS)) {
        const text = fs
          .readFileSync(path.join(UNITS, f), 'utf8')
          .replace('/opt/ptce/deploy/backup/ptce-backup.sh', path.join(REPO, 'deploy/backup/ptce-backup.sh'));
        fs.writeFileSync(path.join(dir, f === 'ptce@.service' ? 'ptce@3001.service' : f), text);
      }
      const units = fs.readdirSync(dir).map((f) => path.join(dir, f));
      const out = execFileSync(ANALYZE!, ['verify', '--man=no', ...units], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toBe('');
    },
  );
});
