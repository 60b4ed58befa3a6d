import { sql } from 'drizzle-orm';
import { idNumberHashes } from '../../db/pii';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { createUnclaimedPeople } from '../accounts/index';
import type { ClassRecord } from './find-class';
import type { ResolvedTrainee } from './trainee-checks';

/**
 * Writes checked trainees of a class, set-based (a batch of rows in a few statements): people not yet in
 * the system are created without a password — their 注册 claims them (accounts createUnclaimedPeople, the
 * path the industry systems' records take); each 合格 trainee's hours become an approved professional record
 * of source 'class' (the class, its organiser and 备案号), with its history; then the trainee rows. Runs
 * inside the caller's transaction, the class locked. Returns the trainees' account ids by row.
 */
export async function writeTrainees(
  tx: Db,
  actor: Actor,
  cls: ClassRecord,
  rows: readonly ResolvedTrainee[],
  at: Date,
): Promise<Map<number, number>> {
  const accountOfRow = new Map<number, number>();
  if (!rows.length) return accountOfRow;
  // A person may have been created (or registered) since the rows were checked: look them up again.
  const hashes = rows.flatMap((r) => idNumberHashes(r.idNumber));
  const found = (
    await tx.execute(sql`
      SELECT id, id_number_hmac AS hmac, unit_id FROM accounts
      WHERE kind = 'professional' AND id_number_hmac = ANY(${`{${hashes.join(',')}}`}::text[])`)
  ).rows as Array<{ id: number; hmac: string; unit_id: number | null }>;
  const byHash = new Map(
    found.map((f) => [f.hmac, { id: Number(f.id), unitId: f.unit_id === null ? null : Number(f.unit_id) }]),
  );
  const personOf = (r: ResolvedTrainee) => {
    for (const h of idNumberHashes(r.idNumber)) {
      const p = byHash.get(h);
      if (p) return p;
    }
    return undefined;
  };
  const created = await createUnclaimedPeople(
    tx,
    rows
      .filter((r) => !personOf(r))
      .map((r) => ({
        idNumber: r.idNumber,
        name: r.name,
        unitId: r.unitId!,
        gender: r.gender,
        birthDate: r.birthDate,
      })),
    at,
  );
  for (const [h, p] of created) byHash.set(h, p);

  const items = rows.map((r) => {
    const p = personOf(r)!;
    accountOfRow.set(r.rowNumber, p.id);
    return { account_id: p.id, unit_id: p.unitId, unit_name: r.unit, hours: r.hours, result: r.result };
  });
  const records = await insertClassRecords(
    tx,
    actor,
    cls,
    items
      .filter((i) => i.result === 'passed')
      .map((i) => ({ accountId: i.account_id, unitId: i.unit_id, hours: i.hours })),
    at,
  );
  const withRecords = items.map((i) => ({ ...i, record_id: records.get(i.account_id) ?? null }));
  await tx.execute(sql`
    INSERT INTO training_class_trainees (class_id, account_id, unit_name, hours, result, record_id, created_by, created_at, updated_at)
    SELECT ${cls.id}::int, x.account_id, x.unit_name, x.hours, x.result, x.record_id, ${actor.id}::int, ${at}::timestamptz,
           ${at}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(withRecords)}::jsonb)
      AS x(account_id integer, unit_name text, hours numeric, result text, record_id bigint)`);
  return accountOfRow;
}

/**
 * The approved records of a class's trainees (source 'class': the class, its organiser as 主办单位 and reviewer,
 * the 备案号 in the remarks), with their history (登记, 通过认定). Returns the record id by account.
 */
export async function insertClassRecords(
  tx: Db,
  actor: Actor,
  cls: ClassRecord,
  items: ReadonlyArray<{ accountId: number; unitId: number | null; hours: number }>,
  at: Date,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!items.length) return out;
  const remarks = cls.filingNumber ? `备案号：${cls.filingNumber}` : '';
  const json = items.map((i) => ({ account_id: i.accountId, unit_id: i.unitId, hours: i.hours }));
  const rows = (
    await tx.execute(sql`
    WITH rec AS (
      INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date,
                                end_half, hours, remarks, declared_at, status, source, unit_id, review_target, submitted_at,
                                submitted_by, decided_at, decided_by, decided_by_name, created_by, created_at, updated_at,
                                training_class_id)
      SELECT x.account_id, ${cls.year}::int, 'training', ${cls.title}::text, ${cls.organiserName}::text, ${cls.place}::text,
             ${cls.startDate}::date, ${cls.startHalf}::text, ${cls.endDate}::date, ${cls.endHalf}::text, x.hours,
             ${remarks}::text, ${at}::timestamptz, 'approved', 'class', x.unit_id, 'unit', ${at}::timestamptz, ${actor.id}::int,
             ${at}::timestamptz, ${actor.id}::int, ${cls.organiserName}::text, ${actor.id}::int, ${at}::timestamptz,
             ${at}::timestamptz, ${cls.id}::int
      FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS x(account_id integer, unit_id integer, hours numeric)
      RETURNING id, account_id),
    history AS (
      INSERT INTO hour_record_events (record_id, at, action, actor_id, actor_name)
      SELECT rec.id, ${at}::timestamptz, a.action, ${actor.id}::int, ${cls.organiserName}::text
      FROM rec, (VALUES ('create'), ('approve')) AS a(action))
    SELECT id, account_id FROM rec`)
  ).rows as Array<{ id: number; account_id: number }>;
  for (const r of rows) out.set(Number(r.account_id), Number(r.id));
  return out;
}

const ordinal = (date: string, half: string) =>
  (Date.parse(`${date}T00:00:00Z`) / 86_400_000) * 2 + (half === 'pm' ? 1 : 0);

/**
 * Marks the trainees of this class who also attend another class at an overlapping time (on both classes),
 * and returns the accounts among `accountIds` that overlap, with the other classes' titles.
 */
export async function flagOverlaps(
  tx: Db,
  cls: ClassRecord,
  accountIds: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!accountIds.length) return out;
  const start = ordinal(cls.startDate, cls.startHalf);
  const end = ordinal(cls.endDate, cls.endHalf);
  const hits = (
    await tx.execute(sql`
      WITH hit AS (
        SELECT m.id AS mine, o.id AS other, m.account_id, oc.title
        FROM training_class_trainees m
        JOIN training_class_trainees o ON o.account_id = m.account_id AND o.class_id <> m.class_id
        JOIN training_classes oc ON oc.id = o.class_id
        WHERE m.class_id = ${cls.id}
          AND m.account_id = ANY(${`{${accountIds.join(',')}}`}::int[])
          AND (oc.start_date - DATE '1970-01-01') * 2 + (oc.start_half = 'pm')::int <= ${end}
          AND (oc.end_date - DATE '1970-01-01') * 2 + (oc.end_half = 'pm')::int >= ${start}),
      upd AS (
        UPDATE training_class_trainees SET overlapping = true
        WHERE id IN (SELECT mine FROM hit UNION SELECT other FROM hit) AND NOT overlapping)
      SELECT account_id, title FROM hit ORDER BY account_id, title`)
  ).rows as Array<{ account_id: number; title: string }>;
  for (const h of hits) {
    const list = out.get(Number(h.account_id)) ?? [];
    if (!list.includes(h.title)) list.push(h.title);
    out.set(Number(h.account_id), list);
  }
  return out;
}
