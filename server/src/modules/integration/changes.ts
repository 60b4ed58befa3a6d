import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { decryptOrNull } from '../../db/pii';
import { invalid } from '../../errors';
import type { IntegrationClient } from './authenticate';
import { clientUnitScope } from './client-scope';

interface Cursor {
  /** Last integration_changes id seen. */
  r: number;
  /** Last audit_log id of a certificate issued or revoked seen. */
  c: number;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(text: string | undefined): Cursor {
  if (!text) return { r: 0, c: 0 };
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isSafeInteger(v.r) && Number.isSafeInteger(v.c) && v.r >= 0 && v.c >= 0) return v;
  } catch {
    // falls through
  }
  throw invalid('cursor', '游标无效，请使用上次响应中的 nextCursor');
}

type Change = {
  type: 'record.created' | 'record.updated' | 'record.deleted' | 'certificate.issued' | 'certificate.revoked';
  at: string;
  externalId: string | null;
  recordId: number | null;
  idNumber: string | null;
  year: number;
  hours: number | null;
  certificateSerial: string | null;
};

/**
 * Changes since an opaque cursor: the records this client wrote (created, updated, deleted) and the
 * continuing-education certificates issued or revoked for people of its scope, oldest first. Two
 * streams, each read past its own position; the cursor carries both.
 */
export async function changesSince(db: Db, client: IntegrationClient, cursorText: string | undefined, limit: number) {
  const cur = decode(cursorText);
  const records = (
    await db.execute(sql`
      SELECT c.id, c.kind AS type, c.at, c.external_id, c.record_id, a.id_number_enc, c.year, c.hours::float8 AS hours
      FROM integration_changes c JOIN accounts a ON a.id = c.account_id
      WHERE c.client_id = ${client.id} AND c.id > ${cur.r} ORDER BY c.id LIMIT ${limit + 1}`)
  ).rows as Array<Record<string, unknown>>;
  const certs = (
    await db.execute(sql`
      SELECT l.id, CASE l.action WHEN 'certificate.issue' THEN 'certificate.issued' ELSE 'certificate.revoked' END AS type,
             l.at, a.id_number_enc, ce.year, ce.serial
      FROM audit_log l
      JOIN certificates ce ON ce.id::text = l.target_id AND ce.kind = 'ce'
      JOIN accounts a ON a.id = ce.account_id
      WHERE l.action IN ('certificate.issue', 'certificate.revoke') AND l.target_type = 'certificate' AND l.id > ${cur.c}
        AND ${clientUnitScope(client, sql`a.unit_id`)}
      ORDER BY l.id LIMIT ${limit + 1}`)
  ).rows as Array<Record<string, unknown>>;
  const merged = [
    ...records.map((r) => ({ stream: 'r' as const, id: Number(r.id), at: new Date(r.at as string), row: r })),
    ...certs.map((r) => ({ stream: 'c' as const, id: Number(r.id), at: new Date(r.at as string), row: r })),
  ].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.stream === b.stream ? a.id - b.id : a.stream === 'r' ? -1 : 1),
  );
  const page = merged.slice(0, limit);
  const next: Cursor = { ...cur };
  for (const m of page) next[m.stream] = Math.max(next[m.stream], m.id);
  const changes: Change[] = page.map(({ stream, at, row }) => ({
    type: row.type as Change['type'],
    at: at.toISOString(),
    externalId: stream === 'r' ? (row.external_id as string) : null,
    recordId: stream === 'r' && row.record_id != null ? Number(row.record_id) : null,
    idNumber: decryptOrNull(row.id_number_enc),
    year: Number(row.year),
    hours: stream === 'r' && row.hours != null ? Number(row.hours) : null,
    certificateSerial: stream === 'c' ? (row.serial as string) : null,
  }));
  return { changes, nextCursor: encode(next), hasMore: merged.length > limit };
}
