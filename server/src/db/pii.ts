import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { customType } from 'drizzle-orm/pg-core';

/**
 * ID numbers and phone numbers at rest: AES-256-GCM ciphertext in *_enc columns and, for exact
 * look-ups (login, 按身份证号码查询, imports), an HMAC-SHA256 of the ID number in id_number_hmac.
 *
 * Both keys are derived (HKDF-SHA256) from one 32-byte master key, PII_KEY. Each ciphertext names
 * the key it was made with (`p1:<key id>:<base64url iv|ciphertext|tag>`), so during a rotation rows
 * decrypt with PII_KEY or PII_KEY_PREVIOUS and `npm run rotate-pii-key` re-encrypts the old ones.
 */

export interface PiiKey {
  /** 8 hex digits derived from the key; stored in every ciphertext. */
  id: string;
  enc: Buffer;
  mac: Buffer;
}

export interface PiiKeyring {
  current: PiiKey;
  previous: PiiKey[];
}

export class PiiKeyError extends Error {}

const derive = (master: Buffer, info: string) =>
  Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `ptce-pii ${info}`, 32));

/** A master key given as 64 hex digits or as base64 / base64url of 32 bytes (`openssl rand -base64 32`). */
export function parsePiiKey(text: string): PiiKey | null {
  const t = text.trim();
  let bytes: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) bytes = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!bytes || bytes.length !== 32) return null;
  return {
    id: derive(bytes, 'key-id').subarray(0, 4).toString('hex'),
    enc: derive(bytes, 'aes-256-gcm'),
    mac: derive(bytes, 'hmac-sha256'),
  };
}

export const newPiiKeyText = () => crypto.randomBytes(32).toString('base64');

export const PII_KEY_FILE = 'pii.key';

/**
 * PII_KEY when set; otherwise (development, tests, the embedded demo) a key generated once into
 * DATA_DIR/pii.key with mode 0600 — beside the data folder, never inside the database.
 */
export function resolvePiiKeyring(opts: {
  piiKey: string | undefined;
  piiKeyPrevious: string[];
  dataDir: string;
}): PiiKeyring {
  let currentText = opts.piiKey;
  if (!currentText) {
    const file = path.join(opts.dataDir, PII_KEY_FILE);
    fs.mkdirSync(opts.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${newPiiKeyText()}\n`, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    currentText = fs.readFileSync(file, 'utf8');
    const current = parsePiiKey(currentText);
    if (!current) throw new PiiKeyError(`${file} does not hold a valid key (32 bytes as base64 or 64 hex digits)`);
  }
  const current = parsePiiKey(currentText);
  if (!current) throw new PiiKeyError('PII_KEY: must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)');
  const previous = opts.piiKeyPrevious.map((p) => {
    const k = parsePiiKey(p);
    if (!k) throw new PiiKeyError('PII_KEY_PREVIOUS: must be 32 bytes as 64 hex digits or base64');
    return k;
  });
  return { current, previous: previous.filter((k) => k.id !== current.id) };
}

let active: PiiKeyring | null = null;

/** Makes these keys the ones every read and write of the encrypted columns uses. */
export function usePiiKeys(keyring: PiiKeyring): void {
  active = keyring;
}

export function piiKeys(): PiiKeyring {
  if (!active) throw new PiiKeyError('PII keys are not loaded (usePiiKeys was not called)');
  return active;
}

const PREFIX = 'p1';

export function encryptPii(plain: string, key: PiiKey = piiKeys().current): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.enc, iv);
  // The key id is authenticated too: a ciphertext cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(`${PREFIX}:${key.id}`));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}:${key.id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The key id a stored ciphertext names. */
export const keyIdOf = (stored: string) => stored.split(':')[1] ?? '';

export function decryptPii(stored: string, keyring: PiiKeyring = piiKeys()): string {
  const [prefix, kid, data] = stored.split(':');
  if (prefix !== PREFIX || !kid || !data) throw new PiiKeyError('Encrypted value has an unknown format');
  const key = keyring.current.id === kid ? keyring.current : keyring.previous.find((k) => k.id === kid);
  if (!key) throw new PiiKeyError(`Encrypted value uses key ${kid}, which is neither PII_KEY nor PII_KEY_PREVIOUS`);
  const raw = Buffer.from(data, 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.enc, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`${PREFIX}:${kid}`));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiKeyError(`Encrypted value does not authenticate under key ${kid}`);
  }
}

/** decryptPii for nullable values read by raw SQL. */
export const decryptOrNull = (stored: unknown): string | null =>
  typeof stored === 'string' && stored ? decryptPii(stored) : null;

/** The keyed hash an ID number is found by (X upper-cased, as stored). */
export function idNumberHash(idNumber: string, key: PiiKey = piiKeys().current): string {
  return crypto.createHmac('sha256', key.mac).update(idNumber.trim().toUpperCase()).digest('hex');
}

/** The hashes an ID number may be stored under: current key first, then the previous ones (during a rotation). */
export function idNumberHashes(idNumber: string): string[] {
  const k = piiKeys();
  return [k.current, ...k.previous].map((key) => idNumberHash(idNumber, key));
}

/** The columns an ID number is written to: its ciphertext and its look-up hash. */
export const idNumberColumns = (idNumber: string) => ({ idNumber, idNumberHmac: idNumberHash(idNumber) });

/** The keyed hash a phone number is found by (digits only; its own domain, apart from ID numbers). */
export function phoneHash(phone: string, key: PiiKey = piiKeys().current): string {
  return crypto
    .createHmac('sha256', key.mac)
    .update(`phone:${phone.replace(/\D/g, '')}`)
    .digest('hex');
}

/** The hashes a phone number may be stored under: current key first, then the previous ones (during a rotation). */
export function phoneHashes(phone: string): string[] {
  const k = piiKeys();
  return [k.current, ...k.previous].map((key) => phoneHash(phone, key));
}

/**
 * The columns a phone number is written to: its ciphertext and its look-up hash. Every write of a
 * phone goes through this (a phone without its hash is not found by 人员查询 until the next start-up).
 */
export const phoneColumns = (phone: string | null) => ({ phone, phoneHmac: phone ? phoneHash(phone) : null });

/** A text column holding AES-256-GCM ciphertext; code reads and writes the plain value. */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => encryptPii(value),
  fromDriver: (value) => decryptPii(value),
});

/** An account whose username is its ID number (professional, unit admin) stores the look-up hash as username. */
export const idNumberAccountColumns = (idNumber: string) => {
  const hash = idNumberHash(idNumber);
  return { username: hash, idNumber, idNumberHmac: hash };
};

const ID_LIKE = /^\d{17}[\dXx]$/;

/** The stored usernames a typed login name may match: as typed, upper-cased, and an ID number's hashes. */
export function storedUsernames(typed: string): string[] {
  const u = typed.trim();
  return [...new Set([u, u.toUpperCase(), ...(ID_LIKE.test(u) ? idNumberHashes(u) : [])])];
}

/** A typed login name as it may be kept in the database (throttle counters): an ID number only as its hash. */
export const storableUsername = (typed: string) => (ID_LIKE.test(typed.trim()) ? idNumberHash(typed) : typed.trim());

/**
 * A jsonb column holding an encrypted JSON value (as a JSON string `"p1:…"`): the cells of a refused
 * import row, which carry the ID numbers as typed. Values written before encryption (plain arrays) still read.
 */
export const encryptedJson = <T>() =>
  customType<{ data: T; driverData: unknown }>({
    dataType: () => 'jsonb',
    toDriver: (value) => JSON.stringify(encryptPii(JSON.stringify(value))),
    fromDriver: (value) => {
      let v = value;
      if (typeof v === 'string' && (v.startsWith('"') || v.startsWith('['))) v = JSON.parse(v);
      return (typeof v === 'string' ? JSON.parse(decryptPii(v)) : v) as T;
    },
  });
