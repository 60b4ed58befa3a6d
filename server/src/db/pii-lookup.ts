import { sql, type SQL } from 'drizzle-orm';
import { normalizeIdNumber } from '../domain/id-number';
import { idNumberHashes, phoneHashes } from './pii';
import { accounts } from './schema/index';

/**
 * Exact ID-number look-ups go through the keyed hash (the number itself is only stored encrypted).
 * Written as one array parameter of hex hashes (`= ANY('{…}'::text[])`); during a key rotation each
 * number is looked for under PII_KEY and PII_KEY_PREVIOUS.
 */
export function idNumberIn(idNumbers: string[]): SQL {
  const hashes = idNumbers
    .filter((v) => /^\d{17}[\dXx]$/.test(v.trim()))
    .flatMap((v) => idNumberHashes(normalizeIdNumber(v.trim())));
  return sql`${accounts.idNumberHmac} = ANY(${`{${hashes.join(',')}}`}::text[])`;
}

export const idNumberIs = (idNumber: string): SQL => idNumberIn([idNumber]);

/** Exact phone look-up through its keyed hash (人员查询); during a key rotation under both keys. */
export function phoneIs(phone: string): SQL {
  const hashes = phoneHashes(phone.trim());
  return sql`${accounts.phoneHmac} = ANY(${`{${hashes.join(',')}}`}::text[])`;
}
