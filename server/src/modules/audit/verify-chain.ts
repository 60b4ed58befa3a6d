import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export const GENESIS_HASH = '0'.repeat(64);

export interface BrokenEntry {
  /** The audit_log id of the first entry whose link no longer holds (null: entries at the end are gone). */
  id: number | null;
  chainSeq: number;
  reason: string;
}

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; broken: BrokenEntry };

type Row = {
  id: number;
  chain_seq: number;
  prev_hash: string;
  hash: string;
  expected: string;
};

/**
 * Recomputes the audit chain (migration 0012) in chain order and returns the first entry that no
 * longer fits: an edited entry (its hash differs from its content), a removed one (a gap in the
 * sequence, or a link to a hash that is not its predecessor's), entries removed from the end (the
 * chain head is ahead of the last entry), or an entry written around the chain (no hash).
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  const { rows: unchained } = await db.execute<{ id: number }>(
    sql`SELECT id FROM audit_log WHERE hash IS NULL OR chain_seq IS NULL ORDER BY id LIMIT 1`,
  );
  let entries = 0;
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const { rows } = await db.execute<Row>(sql`
      SELECT a.id::int AS id, a.chain_seq::bigint AS chain_seq, a.prev_hash, a.hash, audit_entry_hash(a.prev_hash, a) AS expected
        FROM audit_log a
       WHERE a.chain_seq > ${prevSeq}
       ORDER BY a.chain_seq
       LIMIT ${batchSize}`);
    for (const r of rows as Row[]) {
      const seq = Number(r.chain_seq);
      const at = { id: Number(r.id), chainSeq: seq };
      if (seq !== prevSeq + 1) {
        const missing = seq - prevSeq - 1;
        return {
          ok: false,
          entries,
          broken: {
            ...at,
            reason: `${missing} entr${missing === 1 ? 'y' : 'ies'} before it removed (chain_seq ${prevSeq + 1}${missing > 1 ? `–${seq - 1}` : ''} missing)`,
          },
        };
      }
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          entries,
          broken: {
            ...at,
            reason: 'its link does not match the hash of the entry before it (an entry was replaced or removed)',
          },
        };
      }
      if (r.expected !== r.hash) {
        return {
          ok: false,
          entries,
          broken: { ...at, reason: 'its content was changed after it was written (hash mismatch)' },
        };
      }
      entries++;
      prevSeq = seq;
      prevHash = r.hash;
    }
    if (rows.length < batchSize) break;
  }
  const unchainedRow = (unchained as Array<{ id: number }>)[0];
  if (unchainedRow) {
    return {
      ok: false,
      entries,
      broken: { id: Number(unchainedRow.id), chainSeq: 0, reason: 'it was written around the chain (no hash)' },
    };
  }
  const { rows: heads } = await db.execute<{ seq: number; hash: string }>(
    sql`SELECT seq::bigint AS seq, hash FROM audit_chain_head WHERE id = 1`,
  );
  const head = (heads as Array<{ seq: number; hash: string }>)[0];
  if (!head) return { ok: false, entries, broken: { id: null, chainSeq: 0, reason: 'the chain head is missing' } };
  if (Number(head.seq) !== prevSeq || head.hash !== prevHash) {
    return {
      ok: false,
      entries,
      broken: {
        id: null,
        chainSeq: prevSeq + 1,
        reason: `entries after chain_seq ${prevSeq} removed (the chain head records ${head.seq} entries)`,
      },
    };
  }
  return { ok: true, entries };
}
