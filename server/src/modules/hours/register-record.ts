import type { ActivityType, HalfDay, RecordInput } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { now } from '../../clock';
import { personScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { queryPrepared } from '../../db/prepared';
import { accounts } from '../../db/schema/index';
import { invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { auditEntriesSql, type AuditContext } from '../audit/index';
import { refuseDuplicate } from './duplicate-record';
import { validateRecord } from './validate-record';

/** The person a record is for: the professional themselves, or a staff member within the admin's scope. */
export async function personFor(ctx: Caller, db: Db, accountId: number | undefined) {
  const id = ctx.actor.kind === 'professional' ? ctx.actor.id : accountId;
  if (!id) throw invalid('accountId', '请选择专业技术人员');
  const [p] = await db
    .select({ id: accounts.id, name: accounts.name, unitId: accounts.unitId })
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.kind, 'professional'), personScope(ctx.actor)));
  if (!p) throw invalid('accountId', '该人员不存在或不在您的管理范围内');
  return p;
}

/** A record to create: who it is for, its year and hours as validated, and what the form or the file says. */
export interface NewRecord {
  accountId: number;
  unitId: number | null;
  year: number;
  hours: number;
  activityType: ActivityType;
  title: string;
  organizer: string;
  place: string;
  startDate: string;
  startHalf: HalfDay;
  endDate: string;
  endHalf: HalfDay;
  remarks: string;
}

const RECORDS_SQL = (auditEach: boolean) => `
WITH ins AS (
  INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date, end_half,
                            hours, remarks, declared_at, status, source, unit_id, created_by, created_at, updated_at)
  SELECT x.account_id, x.year, x.activity_type, x.title, x.organizer, x.place, x.start_date, x.start_half, x.end_date, x.end_half,
         x.hours, x.remarks, $2::timestamptz, 'draft', $3::text, x.unit_id, $4::integer, $2::timestamptz, $2::timestamptz
  FROM jsonb_to_recordset($1::jsonb) AS x(account_id integer, year integer, activity_type text, title text, organizer text, place text,
       start_date date, start_half text, end_date date, end_half text, hours numeric, remarks text, unit_id integer)
  RETURNING id, account_id, year, hours),
history AS (
  INSERT INTO hour_record_events (record_id, at, action, actor_id, actor_name)
  SELECT ins.id, $2::timestamptz, 'create', $4::integer, $5::text FROM ins)${
    auditEach
      ? `,
audit AS (
  ${auditEntriesSql('ins', {
    at: '$2::timestamptz',
    actorId: '$4::integer',
    actorName: '$5::text',
    actorKind: '$6::text',
    ip: '$7::text',
    action: `'hours.record.create'`,
    targetType: `'hour_record'`,
    targetId: 'ins.id::text',
    detail: `jsonb_build_object('accountId', ins.account_id, 'year', ins.year, 'hours', ins.hours::float8)`,
  })})`
      : ''
  }
SELECT ins.id FROM ins`;
const RECORDS_AUDITED_SQL = RECORDS_SQL(true);
const RECORDS_UNAUDITED_SQL = RECORDS_SQL(false);

/**
 * Creates records as 待提交 (draft), each with its 'create' history entry (培训登记详情) and its own
 * hours.record.create audit entry — one statement for any number of records. The one place a record
 * is created: 新登记培训 passes one, the Excel import a batch of thousands. The import audits the
 * whole file in one entry instead (imports.hours-registration, written by run-import.ts): `auditEach: false`.
 * `at` dates a batch written in parts as one. Returns the new records' ids (in no particular order for a batch).
 */
export async function registerRecords(
  tx: Db,
  who: AuditContext & { actor: Pick<Actor, 'id' | 'name' | 'kind'> },
  records: readonly NewRecord[],
  opts: { source: 'self' | 'unit' | 'import'; auditEach: boolean; at?: Date },
): Promise<number[]> {
  if (!records.length) return [];
  // Spelled out: only the columns travel in the JSON (an import row holds more), under the statement's names.
  const json = JSON.stringify(
    records.map((r) => ({
      account_id: r.accountId,
      year: r.year,
      activity_type: r.activityType,
      title: r.title,
      organizer: r.organizer,
      place: r.place,
      start_date: r.startDate,
      start_half: r.startHalf,
      end_date: r.endDate,
      end_half: r.endHalf,
      hours: r.hours,
      remarks: r.remarks,
      unit_id: r.unitId,
    })),
  );
  const at = opts.at ?? now();
  const common = [json, at, opts.source, who.actor.id, who.actor.name];
  const rows = opts.auditEach
    ? await queryPrepared<{ id: number }>(tx, 'ptce_register_records_audited', RECORDS_AUDITED_SQL, [
        ...common,
        who.actor.kind,
        who.ip ?? null,
      ])
    : await queryPrepared<{ id: number }>(tx, 'ptce_register_records', RECORDS_UNAUDITED_SQL, common);
  return rows.map((r) => Number(r.id));
}

/** 新登记培训 / 专业科目学时登记: a draft (待提交) for oneself or, on the unit side, for a staff member. */
export async function registerRecord(
  ctx: Caller,
  input: RecordInput & { accountId?: number },
): Promise<{ id: number; hours: number }> {
  return ctx.db.transaction(async (tx) => {
    const person = await personFor(ctx, tx, input.accountId);
    const { year, hours } = await validateRecord(tx, input, { personId: person.id, unitId: person.unitId });
    await refuseDuplicate(tx, person, input);
    const [id] = await registerRecords(
      tx,
      ctx,
      [
        {
          accountId: person.id,
          unitId: person.unitId,
          year,
          hours,
          activityType: input.activityType,
          title: input.title,
          organizer: input.organizer,
          place: input.place,
          startDate: input.startDate,
          startHalf: input.startHalf,
          endDate: input.endDate,
          endHalf: input.endHalf,
          remarks: input.remarks,
        },
      ],
      { source: ctx.actor.kind === 'professional' ? 'self' : 'unit', auditEach: true },
    );
    return { id: id!, hours };
  });
}
