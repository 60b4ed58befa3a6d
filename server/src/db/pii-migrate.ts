import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { decryptPii, encryptPii, idNumberHash, keyIdOf, PiiKeyError, phoneHash, piiKeys, type PiiKeyring } from './pii';

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
 * The start-up step of migration 0022: phones stored without their look-up hash (rows from before it,
 * or a writer that did not use phoneColumns) get it, in batches. Idempotent. Returns the rows hashed.
 */
export async function hashUnhashedPhones(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await db.execute<Row>(
      sql`SELECT id, phone_enc FROM accounts WHERE phone_enc IS NOT NULL AND phone_hmac IS NULL ORDER BY id LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return done;
    const values = (rows as Row[]).map(
      (r) => sql`(${Number(r.id)}::int, ${phoneHash(decryptPii(String(r.phone_enc)))}::text)`,
    );
    await db.execute(sql`
      UPDATE accounts a SET phone_hmac = v.hmac
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, hmac)
      WHERE a.id = v.id`);
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
 * hash, move to the new key, and so does the phone's look-up hash; then every other ciphertext (refused import
 * cells, OTHER_CIPHERTEXTS). Batched and resumable. Returns the number of rows re-encrypted.
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
    if (rows.length === 0) {
      let others = await rotateImportErrorCells(db, keyring);
      for (const c of OTHER_CIPHERTEXTS) others += await rotateColumn(db, keyring, c);
      return done + others;
    }
    const values = (rows as Row[]).map((r) => {
      const id = typeof r.id_number_enc === 'string' ? decryptPii(r.id_number_enc, keyring) : null;
      const phone = typeof r.phone_enc === 'string' ? decryptPii(r.phone_enc, keyring) : null;
      return sql`(${Number(r.id)}::int, ${id === null ? null : encryptPii(id, keyring.current)}::text, ${id === null ? null : idNumberHash(id, keyring.current)}::text, ${phone === null ? null : encryptPii(phone, keyring.current)}::text, ${phone === null ? null : phoneHash(phone, keyring.current)}::text, ${(r.id_number_hmac as string | null) ?? null}::text)`;
    });
    await db.execute(sql`
      UPDATE accounts a SET
        id_number_enc = v.id_enc,
        id_number_hmac = v.id_hmac,
        phone_enc = v.phone_enc,
        phone_hmac = v.phone_hmac,
        username = CASE WHEN v.old_hmac IS NOT NULL AND a.username = v.old_hmac THEN v.id_hmac ELSE a.username END
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, id_enc, id_hmac, phone_enc, phone_hmac, old_hmac)
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

/**
 * The other columns holding a ciphertext (encryptedText or encryptedJson in the schema), keyed by one column:
 * a rotation re-encrypts them too, or they could not be read once PII_KEY_PREVIOUS is removed. A test rotates a
 * database holding every kind of data and finds no value left under the old key in any column of any table.
 */
const OTHER_CIPHERTEXTS = [
  { table: 'makeup_requests', key: 'id', column: 'phone_enc', json: false },
  { table: 'integration_keys', key: 'id', column: 'secret_enc', json: false },
  { table: 'integration_webhooks', key: 'client_id', column: 'secret_enc', json: false },
  { table: 'integration_webhooks', key: 'client_id', column: 'previous_secret_enc', json: false },
  { table: 'integration_webhook_messages', key: 'id', column: 'body_enc', json: false },
  { table: 'import_jobs', key: 'id', column: 'credentials', json: true },
] as const;

async function rotateColumn(db: Db, keyring: PiiKeyring, c: (typeof OTHER_CIPHERTEXTS)[number]): Promise<number> {
  const like = `p1:${keyring.current.id}:%`;
  const [table, key, column] = [sql.identifier(c.table), sql.identifier(c.key), sql.identifier(c.column)];
  const text = c.json ? sql`${column} #>> '{}'` : sql`${column}`;
  const typeFilter = c.json ? sql`jsonb_typeof(${column}) = 'string' AND` : sql``;
  let done = 0;
  for (;;) {
    const { rows } = await db.execute<Row>(sql`
      SELECT ${key}::text AS k, ${text} AS v FROM ${table}
      WHERE ${column} IS NOT NULL AND ${typeFilter} ${text} NOT LIKE ${like}
      ORDER BY ${key} LIMIT ${BATCH}`);
    if (rows.length === 0) return done;
    const values = (rows as Row[]).map((r) => {
      const again = encryptPii(decryptPii(String(r.v), keyring), keyring.current);
      return sql`(${String(r.k)}::text, ${c.json ? JSON.stringify(again) : again}::text)`;
    });
    await db.execute(sql`
      UPDATE ${table} t SET ${column} = ${c.json ? sql`v.v::jsonb` : sql`v.v`}
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(k, v)
      WHERE t.${key}::text = v.k`);
    done += rows.length;
  }
}
