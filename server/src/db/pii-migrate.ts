import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { decryptPii, encryptPii, idNumberHash, keyIdOf, PiiKeyError, piiKeys, type PiiKeyring } from './pii';

const BATCH = 500;

type Row = Record<string, unknown>;

/** The error start-up stops with when the configured keys cannot read the stored data. */
export class PiiKeyMismatchError extends PiiKeyError {}

/**
 * The start-up step of migration 0015: rows still holding a plaintext ID or phone number get their
 * ciphertext and look-up hash, and the plaintext is cleared — in batches, each in one statement, so
 * a big table neither blocks in one transaction nor holds its rows in memory. Idempotent: a row is
 * only touched while it still has plaintext. An account whose username was its ID number gets the
 * hash as username (login looks the typed number up by hash). Returns the number of rows encrypted.
 */
export async function encryptPlaintextPii(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await db.execute<Row>(
      sql`SELECT id, id_number, phone FROM accounts WHERE id_number IS NOT NULL OR phone IS NOT NULL ORDER BY id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return done;
    const values = (rows as Row[]).map((r) => {
      const id = typeof r.id_number === 'string' ? r.id_number.trim().toUpperCase() : null;
      const phone = typeof r.phone === 'string' ? r.phone : null;
      return sql`(${Number(r.id)}::int, ${id ? encryptPii(id) : null}::text, ${id ? idNumberHash(id) : null}::text, ${phone === null ? null : encryptPii(phone)}::text, ${id}::text)`;
    });
    await db.execute(sql`
      UPDATE accounts a SET
        id_number_enc = COALESCE(v.id_enc, a.id_number_enc),
        id_number_hmac = COALESCE(v.id_hmac, a.id_number_hmac),
        phone_enc = COALESCE(v.phone_enc, a.phone_enc),
        username = CASE WHEN v.plain IS NOT NULL AND upper(a.username) = v.plain THEN v.id_hmac ELSE a.username END,
        id_number = NULL,
        phone = NULL
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, id_enc, id_hmac, phone_enc, plain)
      WHERE a.id = v.id AND (a.id_number IS NOT NULL OR a.phone IS NOT NULL)`);
    done += rows.length;
  }
}

/**
 * Stops start-up with a clear message when some stored ciphertext names a key that is neither
 * PII_KEY nor PII_KEY_PREVIOUS (a wrong or lost key, or a new key set without the old one), or
 * when a value does not authenticate under the key it names.
 */
export async function checkPiiKeys(db: Db, keyring: PiiKeyring = piiKeys()): Promise<void> {
  const ids = [keyring.current, ...keyring.previous].map((k) => k.id);
  const { rows } = await db.execute<Row>(sql`
    SELECT v FROM (
      SELECT id_number_enc AS v FROM accounts WHERE id_number_enc IS NOT NULL
      UNION ALL SELECT phone_enc FROM accounts WHERE phone_enc IS NOT NULL
    ) k WHERE split_part(v, ':', 2) <> ALL(${sql.raw(`ARRAY[${ids.map((i) => `'${i}'`).join(',')}]`)}) LIMIT 1`);
  const stray = rows[0]?.v;
  if (typeof stray === 'string') {
    throw new PiiKeyMismatchError(
      `PII_KEY does not match the stored data: ID and phone numbers are encrypted with key ${keyIdOf(stray)}, ` +
        `but the configured keys are ${ids.join(', ')}. Set PII_KEY to the key the data was encrypted with ` +
        `(during a rotation: the new key as PII_KEY and the old one as PII_KEY_PREVIOUS).`,
    );
  }
  const { rows: sample } = await db.execute<Row>(
    sql`SELECT id_number_enc AS v FROM accounts WHERE id_number_enc IS NOT NULL LIMIT 1`,
  );
  if (typeof sample[0]?.v === 'string') {
    try {
      decryptPii(sample[0].v, keyring);
    } catch (e) {
      throw new PiiKeyMismatchError(`PII_KEY does not match the stored data: ${(e as Error).message}`);
    }
  }
}

/**
 * Key rotation: every ciphertext not made with the current PII_KEY is decrypted (with
 * PII_KEY_PREVIOUS) and encrypted again with PII_KEY; the look-up hash, and a username that is the
 * hash, move to the new key. Batched and resumable. Returns the number of accounts re-encrypted.
 */
export async function rotatePiiKeys(db: Db, keyring: PiiKeyring = piiKeys()): Promise<number> {
  const cur = keyring.current.id;
  const like = `p1:${cur}:%`;
  let done = 0;
  for (;;) {
    const { rows } = await db.execute<Row>(sql`
      SELECT id, id_number_enc, id_number_hmac, phone_enc FROM accounts
      WHERE (id_number_enc IS NOT NULL AND id_number_enc NOT LIKE ${like}) OR (phone_enc IS NOT NULL AND phone_enc NOT LIKE ${like})
      ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return done + (await rotateImportErrorCells(db, keyring));
    const values = (rows as Row[]).map((r) => {
      const id = typeof r.id_number_enc === 'string' ? decryptPii(r.id_number_enc, keyring) : null;
      const phone = typeof r.phone_enc === 'string' ? decryptPii(r.phone_enc, keyring) : null;
      return sql`(${Number(r.id)}::int, ${id === null ? null : encryptPii(id, keyring.current)}::text, ${id === null ? null : idNumberHash(id, keyring.current)}::text, ${phone === null ? null : encryptPii(phone, keyring.current)}::text, ${(r.id_number_hmac as string | null) ?? null}::text)`;
    });
    await db.execute(sql`
      UPDATE accounts a SET
        id_number_enc = v.id_enc,
        id_number_hmac = v.id_hmac,
        phone_enc = v.phone_enc,
        username = CASE WHEN v.old_hmac IS NOT NULL AND a.username = v.old_hmac THEN v.id_hmac ELSE a.username END
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, id_enc, id_hmac, phone_enc, old_hmac)
      WHERE a.id = v.id`);
    done += rows.length;
  }
}

/** The cells of refused import rows (import_job_errors.cells, a jsonb string of ciphertext) under the current key. */
async function rotateImportErrorCells(db: Db, keyring: PiiKeyring): Promise<number> {
  const like = `p1:${keyring.current.id}:%`;
  let done = 0;
  for (;;) {
    const { rows } = await db.execute<Row>(sql`
      SELECT job_id, row_number, cells #>> '{}' AS v FROM import_job_errors
      WHERE jsonb_typeof(cells) = 'string' AND cells #>> '{}' NOT LIKE ${like}
      ORDER BY job_id, row_number LIMIT ${BATCH}`);
    if (rows.length === 0) return done;
    const values = (rows as Row[]).map(
      (r) =>
        sql`(${Number(r.job_id)}::bigint, ${Number(r.row_number)}::int, ${JSON.stringify(encryptPii(decryptPii(String(r.v), keyring), keyring.current))}::jsonb)`,
    );
    await db.execute(sql`
      UPDATE import_job_errors e SET cells = v.cells
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(job_id, row_number, cells)
      WHERE e.job_id = v.job_id AND e.row_number = v.row_number`);
    done += rows.length;
  }
}
