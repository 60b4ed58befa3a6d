import { RECORD_STATUS_LABEL, type RecordStatus } from '@ptce/contracts';
import { violation, type Span } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ruleError } from '../../errors';

/** Registration and the hours import of one unit exclude each other on this lock class (person or unit key). */
export const PERSON_RECORDS_LOCK = 7306;
export const UNIT_IMPORT_LOCK = 7305;

/**
 * Refuses the same training twice (same person, title, start and end; a 不予认定 record does not
 * count), naming the record already there. Two registrations of one person wait for each other on
 * a per-person lock, and a registration waits for an hours import into the person's unit (which
 * holds that unit's lock exclusively), so neither can pass the check while the other writes.
 */
export async function refuseDuplicate(
  tx: Db,
  person: { id: number; unitId: number | null },
  training: Span & { title: string },
  exceptId?: number,
): Promise<void> {
  const span = training;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${PERSON_RECORDS_LOCK}, ${person.id}), pg_advisory_xact_lock_shared(${UNIT_IMPORT_LOCK}, ${person.unitId ?? 0})`,
  );
  const { rows } = await tx.execute<{
    id: number;
    title: string;
    start_date: string;
    end_date: string;
    status: RecordStatus;
  }>(sql`
    SELECT id, title, start_date::text AS start_date, end_date::text AS end_date, status FROM hour_records
    WHERE account_id = ${person.id} AND status <> 'rejected' AND btrim(title) = ${training.title.trim()}
      AND start_date = ${span.startDate} AND start_half = ${span.startHalf} AND end_date = ${span.endDate} AND end_half = ${span.endHalf}
      ${exceptId === undefined ? sql`` : sql`AND id <> ${exceptId}`}
    ORDER BY id LIMIT 1`);
  const r = rows[0];
  if (!r) return;
  throw ruleError([
    violation('startDate', 'DUPLICATE_RECORD', {
      id: Number(r.id),
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      statusLabel: RECORD_STATUS_LABEL[r.status as RecordStatus],
    }),
  ]);
}
