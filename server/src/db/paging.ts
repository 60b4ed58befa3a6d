import { TOTAL_CAP } from '@ptce/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Db } from './client';

/**
 * The total of a list page. Counting every match is what made province-wide lists slow (a count over
 * millions of records per page, bench/RESULTS.md), so unless the reader asks for it (`exactTotal=true`)
 * the count stops after TOTAL_CAP + 1 rows: `totalCapped` says there are more than TOTAL_CAP.
 * `matching` selects the matching rows (any columns; e.g. `db.select({ one: sql`1` })…where(…).getSQL()`).
 */
export async function listTotal(
  db: Db,
  q: { exactTotal?: 'true' | 'false' },
  matching: SQL,
): Promise<{ total: number; totalCapped: boolean }> {
  const exact = q.exactTotal === 'true';
  const { rows } = await db.execute<{ n: number }>(
    exact
      ? sql`SELECT count(*)::int AS n FROM (${matching}) AS matching`
      : sql`SELECT count(*)::int AS n FROM (${matching} LIMIT ${TOTAL_CAP + 1}) AS matching`,
  );
  const n = Number(rows[0]?.n ?? 0);
  return !exact && n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** An opaque cursor: the sort key and id of a page's last row (keyset pagination, no offset to skip). */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key of a cursor made by encodeCursor, checked against its expected shape; bad input names the field. */
export function decodeCursor<const T extends ReadonlyArray<'string' | 'number'>>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const ok =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) => (shape[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string'));
  if (!ok)
    throw new AppError('VALIDATION', '翻页位置无效，请回到第一页', [{ field: 'cursor', reason: '无效的翻页位置' }]);
  return key as { [K in keyof T]: T[K] extends 'string' ? string : number };
}
