import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decryptPii,
  encryptPii,
  idNumberHash,
  keyIdOf,
  parsePiiKey,
  PiiKeyError,
  resolvePiiKeyring,
  type PiiKeyring,
} from './pii';

const A = parsePiiKey(Buffer.alloc(32, 1).toString('base64'))!;
const B = parsePiiKey('ab'.repeat(32))!;

describe('PII encryption', () => {
  it('accepts 32-byte keys as base64, base64url or hex, nothing else', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    expect(parsePiiKey(bytes.toString('base64'))!.id).toBe(parsePiiKey(bytes.toString('base64url'))!.id);
    expect(parsePiiKey(bytes.toString('hex'))!.id).toBe(parsePiiKey(bytes.toString('base64'))!.id);
    for (const bad of [
      '',
      'short',
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
      'g'.repeat(64),
    ])
      expect(parsePiiKey(bad)).toBeNull();
    expect(A.id).toMatch(/^[0-9a-f]{8}$/);
    expect(A.id).not.toBe(B.id);
  });

  it('round-trips, names its key, and differs every time (random IV)', () => {
    const ring: PiiKeyring = { current: A, previous: [] };
    const one = encryptPii('45010219850612001X', A);
    const two = encryptPii('45010219850612001X', A);
    expect(one).not.toBe(two);
    expect(one).not.toContain('4501');
    expect(keyIdOf(one)).toBe(A.id);
    expect(decryptPii(one, ring)).toBe('45010219850612001X');
    expect(decryptPii(encryptPii('', A), ring)).toBe('');
  });

  it('refuses a changed ciphertext, a relabelled key id, and an unknown key', () => {
    const ring: PiiKeyring = { current: A, previous: [B] };
    const c = encryptPii('13977100001', A);
    const [p, kid, data] = c.split(':') as [string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[14] = flipped[14]! ^ 1;
    expect(() => decryptPii(`${p}:${kid}:${flipped.toString('base64url')}`, ring)).toThrow(PiiKeyError);
    expect(() => decryptPii(`${p}:${B.id}:${data}`, ring)).toThrow(PiiKeyError);
    expect(() => decryptPii(c, { current: B, previous: [] })).toThrow(`uses key ${A.id}`);
    expect(() => decryptPii('13977100001', ring)).toThrow(PiiKeyError);
  });

  it('reads values under a previous key during a rotation', () => {
    const old = encryptPii('13977100002', B);
    expect(decryptPii(old, { current: A, previous: [B] })).toBe('13977100002');
  });

  it('hashes ID numbers per key, with a final x in either case alike', () => {
    expect(idNumberHash('45010219850612001x', A)).toBe(idNumberHash('45010219850612001X', A));
    expect(idNumberHash('45010219850612001X', A)).toMatch(/^[0-9a-f]{64}$/);
    expect(idNumberHash('45010219850612001X', A)).not.toBe(idNumberHash('45010219850612001X', B));
  });

  it('generates the embedded default key once into DATA_DIR/pii.key with mode 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-pii-key-'));
    try {
      const first = resolvePiiKeyring({ piiKey: undefined, piiKeyPrevious: [], dataDir: dir });
      const again = resolvePiiKeyring({ piiKey: undefined, piiKeyPrevious: [], dataDir: dir });
      expect(again.current.id).toBe(first.current.id);
      expect(fs.statSync(path.join(dir, 'pii.key')).mode & 0o777).toBe(0o600);
      const given = resolvePiiKeyring({
        piiKey: 'ab'.repeat(32),
        piiKeyPrevious: [fs.readFileSync(path.join(dir, 'pii.key'), 'utf8')],
        dataDir: dir,
      });
      expect(given.current.id).toBe(B.id);
      expect(given.previous.map((k) => k.id)).toEqual([first.current.id]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
