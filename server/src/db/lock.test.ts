import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

describe('data folder lock', () => {
  it('refuses a second owner while the first holds the folder, and frees it on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-lock-'));
    const first = lockDataDir(dir);
    // Pretend the lock is held by another live process (our parent).
    fs.writeFileSync(path.join(dir, 'ptce.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another PTCE server/);
    fs.writeFileSync(path.join(dir, 'ptce.lock'), String(process.pid));
    first.release();
    const again = lockDataDir(dir);
    again.release();
    expect(fs.existsSync(path.join(dir, 'ptce.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-lock-'));
    fs.writeFileSync(path.join(dir, 'ptce.lock'), '2147483646');
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'ptce.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
