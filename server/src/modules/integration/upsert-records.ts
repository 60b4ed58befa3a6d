import { IntegrationRecordInput, type IntegrationBatchResponse, type IntegrationItemResult } from '@ptce/contracts';
import { checkRecord, creditHours, recordRulesOf, registrationRefusal } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { idNumberHashes } from '../../db/pii';
import { idNumberIn } from '../../db/pii-lookup';
import { validateIdNumber } from '../../domain/id-number';
import { INTEGRATION_MESSAGES } from '../../errors';
import { emitDomainEvent } from '../../events/domain-events';
import { createUnclaimedPeople } from '../accounts/index';
import { writeAudit } from '../audit/index';
import { planOf, yearClosedIn } from '../hours/index';
import { plansSnapshot, type Plan } from '../plans/index';
import { actorOf, type IntegrationClient } from './authenticate';
import { clientUnitScope } from './client-scope';

type Item = IntegrationRecordInput;
type Problem = { field: string; code: string; reason: string };

interface Existing {
  id: number;
  account_id: number;
  year: number;
  hours: number;
  title: string;
  activity_type: string;
  organizer: string;
  place: string;
  start_date: string;
  start_half: string;
  end_date: string;
  end_half: string;
  credit_type: string | null;
  credits: number | null;
}

const SAME_FIELDS = (e: Existing, i: Item, year: number, hours: number) =>
  e.year === year &&
  Number(e.hours) === hours &&
  e.credit_type === (i.creditType ?? null) &&
  (e.credits === null ? null : Number(e.credits)) === (i.creditType ? (i.credits ?? null) : null) &&
  e.title === i.title &&
  e.activity_type === i.category &&
  e.organizer === i.organizer &&
  e.place === i.place &&
  e.start_date === i.startDate &&
  e.start_half === i.startHalf &&
  e.end_date === i.endDate &&
  e.end_half === i.endHalf;

/** The shape problems of an item, named by field (zod's paths), each with the machine code VALIDATION. */
function parseItem(raw: unknown): { item: Item } | { problems: Problem[] } {
  const r = IntegrationRecordInput.safeParse(raw);
  if (r.success) return { item: r.data };
  return {
    problems: r.error.issues.map((i) => ({
      field: i.path.join('.') || 'item',
      code: 'VALIDATION',
      reason: i.message,
    })),
  };
}

/**
 * POST /api/integration/v1/hour-records:batch — upserts up to 1,000 records by (client, externalId).
 * Each item is answered alone (created / updated / unchanged / rejected with field, code and reason);
 * the valid ones are written even when others are rejected, all of them in one transaction of
 * set-based statements. Records are 通过认定 with the client as their source. People not yet in the
 * system are created (no password) in the unit the item names; their 注册 claims them. An update that
 * lowers a person's approved hours of a year raises hours.approved-deleted (certificate revocation).
 */
export async function upsertRecords(
  db: Db,
  client: IntegrationClient,
  rawItems: readonly unknown[],
  ip: string | undefined,
): Promise<IntegrationBatchResponse> {
  const today = shanghaiDate();
  const results: IntegrationItemResult[] = rawItems.map((raw, index) => ({
    index,
    externalId:
      raw && typeof raw === 'object' && typeof (raw as { externalId?: unknown }).externalId === 'string'
        ? String((raw as { externalId: string }).externalId)
            .trim()
            .slice(0, 64)
        : null,
    status: 'rejected',
    recordId: null,
    errors: [],
  }));
  const reject = (index: number, p: Problem) => {
    results[index]!.status = 'rejected';
    results[index]!.errors.push(p);
  };

  // 1. Each item alone: its shape, the ID number (GB 11643), its year, the plan's rules (@ptce/rules).
  const snapshot = await plansSnapshot(db);
  const plans = new Map<number, Plan | null>();
  const valid: Array<{ index: number; item: Item; year: number; hours: number; gender: string; birthDate: string }> =
    [];
  const seen = new Set<string>();
  for (const [index, raw] of rawItems.entries()) {
    const parsed = parseItem(raw);
    if ('problems' in parsed) {
      for (const p of parsed.problems) reject(index, p);
      continue;
    }
    const item = parsed.item;
    const problems: Problem[] = [];
    if (seen.has(item.externalId)) {
      reject(index, { field: 'externalId', code: 'DUPLICATE_IN_BATCH', reason: '同一批次中外部记录编号重复' });
      continue;
    }
    seen.add(item.externalId);
    const id = validateIdNumber(item.idNumber, today);
    if (!id.ok) problems.push({ field: 'idNumber', code: 'INVALID_ID_NUMBER', reason: id.reason });
    if (item.startDate.slice(0, 4) !== String(item.year))
      problems.push({
        field: 'year',
        code: 'YEAR_MISMATCH',
        reason: `年度应与开始日期的年份（${item.startDate.slice(0, 4)}）一致`,
      });
    if (item.hours === undefined && !item.creditType)
      problems.push({ field: 'hours', code: 'VALIDATION', reason: '请提供学时，或提供学分类型和学分' });
    if (item.credits !== undefined && !item.creditType)
      problems.push({ field: 'creditType', code: 'VALIDATION', reason: '提供学分时须同时提供学分类型' });
    let hours = item.hours ?? 0;
    if (!problems.length) {
      const closed = yearClosedIn(snapshot, item.year);
      if (closed) problems.push({ field: 'year', code: closed.code, reason: registrationRefusal(closed) });
      else {
        if (!plans.has(item.year)) plans.set(item.year, await planOf(db, item.year));
        const plan = plans.get(item.year)!;
        // Credits of a type the year's plan defines become 学时 by its conversion; the record rules then apply.
        const converted =
          plan && item.creditType
            ? creditHours(plan.creditConversions, item.year, item.creditType, item.credits, item.hours)
            : null;
        if (converted && !converted.ok)
          problems.push({ field: converted.field, code: converted.code, reason: converted.reason });
        else if (converted) hours = converted.hours;
        const r =
          plan && !problems.length
            ? checkRecord({ ...item, activityType: item.category, hours }, recordRulesOf(plan, today))
            : null;
        if (r && !r.ok) for (const v of r.violations) problems.push({ field: v.field, code: v.code, reason: v.reason });
        else if (r) hours = r.hours;
      }
    }
    if (problems.length || !id.ok) {
      for (const p of problems) reject(index, p);
      continue;
    }
    valid.push({ index, item, year: item.year, hours, gender: id.gender, birthDate: id.birthDate });
  }

  const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  if (valid.length) {
    await db.transaction(async (tx) => {
      await writeValid(tx, client, valid, reject, results, ip);
    });
  }
  for (const r of results) summary[r.status]++;
  return { summary, items: results };
}

async function writeValid(
  tx: Db,
  client: IntegrationClient,
  valid: Array<{ index: number; item: Item; year: number; hours: number; gender: string; birthDate: string }>,
  reject: (index: number, p: Problem) => void,
  results: IntegrationItemResult[],
  ip: string | undefined,
) {
  const at = now();
  const actor = actorOf(client);
  // 2. The people, by the keyed hash of their ID number (one query); units of new people by credit code.
  const idNumbers = [...new Set(valid.map((v) => v.item.idNumber))];
  const people = (
    await tx.execute(sql`
      SELECT accounts.id, accounts.name, accounts.id_number_hmac AS hmac, accounts.unit_id,
             (${clientUnitScope(client, sql`accounts.unit_id`)}) AS in_scope
      FROM accounts WHERE accounts.kind = 'professional' AND ${idNumberIn(idNumbers)}`)
  ).rows as Array<{ id: number; name: string; hmac: string; unit_id: number | null; in_scope: boolean }>;
  const personByHash = new Map(people.map((p) => [p.hmac, p]));
  // The keyed hashes of each ID number, computed once per batch (an item is looked at in several steps).
  const hashes = new Map<string, string[]>();
  const hashesOf = (idNumber: string) => {
    let h = hashes.get(idNumber);
    if (!h) hashes.set(idNumber, (h = idNumberHashes(idNumber)));
    return h;
  };
  const personOf = (idNumber: string) => {
    for (const h of hashesOf(idNumber)) {
      const p = personByHash.get(h);
      if (p) return p;
    }
    return undefined;
  };
  const codes = [...new Set(valid.filter((v) => !personOf(v.item.idNumber)).map((v) => v.item.unitCreditCode ?? ''))];
  const unitRows = codes.filter(Boolean).length
    ? ((
        await tx.execute(sql`
          SELECT u.id, u.credit_code, (${clientUnitScope(client, sql`u.id`)}) AS in_scope FROM units u
          WHERE u.credit_code = ANY(${`{${codes.filter(Boolean).join(',')}}`}::text[])`)
      ).rows as Array<{ id: number; credit_code: string; in_scope: boolean }>)
    : [];
  const unitByCode = new Map(unitRows.map((u) => [u.credit_code, u]));

  // 3. Scope and identity per item; the new people to create (once each).
  const newPeople = new Map<
    string,
    { idNumber: string; name: string; unitId: number; gender: string; birthDate: string }
  >();
  const ok: typeof valid = [];
  for (const v of valid) {
    const p = personOf(v.item.idNumber);
    if (p) {
      if (p.name !== v.item.name) {
        reject(v.index, { field: 'name', code: 'NAME_MISMATCH', reason: '姓名与系统中该身份证号码的人员不一致' });
        continue;
      }
      if (!p.in_scope) {
        reject(v.index, { field: 'idNumber', code: 'OUT_OF_SCOPE', reason: INTEGRATION_MESSAGES.OUT_OF_SCOPE });
        continue;
      }
    } else {
      const code = v.item.unitCreditCode;
      const unit = code ? unitByCode.get(code) : undefined;
      if (!code) {
        reject(v.index, {
          field: 'unitCreditCode',
          code: 'UNIT_REQUIRED',
          reason: '该人员尚未在系统中，请提供其所在单位的统一社会信用代码',
        });
        continue;
      }
      if (!unit) {
        reject(v.index, { field: 'unitCreditCode', code: 'UNIT_NOT_FOUND', reason: '该统一社会信用代码的单位不存在' });
        continue;
      }
      if (!unit.in_scope) {
        reject(v.index, { field: 'unitCreditCode', code: 'OUT_OF_SCOPE', reason: INTEGRATION_MESSAGES.OUT_OF_SCOPE });
        continue;
      }
      const prior = newPeople.get(v.item.idNumber);
      if (prior && prior.name !== v.item.name) {
        reject(v.index, { field: 'name', code: 'NAME_MISMATCH', reason: '同一身份证号码在本批次中的姓名不一致' });
        continue;
      }
      if (!prior)
        newPeople.set(v.item.idNumber, {
          idNumber: v.item.idNumber,
          name: v.item.name,
          unitId: unit.id,
          gender: v.gender,
          birthDate: v.birthDate,
        });
    }
    ok.push(v);
  }

  // 4. New people: professional accounts without a password (注册 with the ID number claims them).
  const accountOf = new Map<string, { id: number; unitId: number | null }>();
  for (const v of ok) {
    const p = personOf(v.item.idNumber);
    if (p) accountOf.set(v.item.idNumber, { id: p.id, unitId: p.unit_id });
  }
  if (newPeople.size) {
    const created = await createUnclaimedPeople(tx, [...newPeople.values()], at);
    for (const p of newPeople.values()) accountOf.set(p.idNumber, created.get(hashesOf(p.idNumber)[0]!)!);
  }

  // 5. The client's records with these external ids, locked for the update.
  const existing = (
    await tx.execute(sql`
      SELECT id, account_id, year, hours::float8 AS hours, title, activity_type, organizer, place,
             to_char(start_date, 'YYYY-MM-DD') AS start_date, start_half, to_char(end_date, 'YYYY-MM-DD') AS end_date, end_half,
             credit_type, credits::float8 AS credits, external_id
      FROM hour_records
      WHERE integration_client_id = ${client.id}
        AND external_id = ANY(${`{${ok.map((v) => `"${v.item.externalId}"`).join(',')}}`}::text[])
      FOR UPDATE`)
  ).rows as Array<Existing & { external_id: string }>;
  const byExternal = new Map(existing.map((e) => [e.external_id, e]));

  const inserts: Array<Record<string, unknown>> = [];
  const updates: Array<Record<string, unknown>> = [];
  const lowered = new Map<string, { accountId: number; year: number; externalId: string }>();
  const changes: Array<Record<string, unknown>> = [];
  for (const v of ok) {
    const who = accountOf.get(v.item.idNumber)!;
    const e = byExternal.get(v.item.externalId);
    const row = {
      external_id: v.item.externalId,
      account_id: who.id,
      unit_id: who.unitId,
      year: v.year,
      activity_type: v.item.category,
      title: v.item.title,
      organizer: v.item.organizer,
      place: v.item.place,
      start_date: v.item.startDate,
      start_half: v.item.startHalf,
      end_date: v.item.endDate,
      end_half: v.item.endHalf,
      hours: v.hours,
      credit_type: v.item.creditType ?? null,
      credits: v.item.creditType ? (v.item.credits ?? null) : null,
    };
    if (!e) {
      inserts.push(row);
      results[v.index]!.status = 'created';
      continue;
    }
    results[v.index]!.recordId = Number(e.id);
    if (e.account_id !== who.id) {
      reject(v.index, {
        field: 'idNumber',
        code: 'PERSON_CHANGED',
        reason: '该外部记录编号已用于另一人员，请先删除原记录再提交',
      });
      results[v.index]!.recordId = null;
      continue;
    }
    if (SAME_FIELDS(e, v.item, v.year, v.hours)) {
      results[v.index]!.status = 'unchanged';
      continue;
    }
    updates.push({ ...row, id: Number(e.id) });
    results[v.index]!.status = 'updated';
    changes.push({
      kind: 'record.updated',
      external_id: v.item.externalId,
      record_id: Number(e.id),
      account_id: who.id,
      year: v.year,
      hours: v.hours,
    });
    if (e.year !== v.year || v.hours < Number(e.hours))
      lowered.set(`${who.id}:${e.year}`, { accountId: who.id, year: e.year, externalId: v.item.externalId });
  }

  if (inserts.length) {
    const created = (
      await tx.execute(sql`
        WITH ins AS (
          INSERT INTO hour_records (account_id, year, activity_type, title, organizer, place, start_date, start_half, end_date,
                                    end_half, hours, remarks, declared_at, status, source, unit_id, review_target, submitted_at,
                                    submitted_by, decided_at, decided_by, decided_by_name, created_by, created_at, updated_at,
                                    integration_client_id, external_id, credit_type, credits)
          SELECT x.account_id, x.year, x.activity_type, x.title, x.organizer, x.place, x.start_date, x.start_half, x.end_date,
                 x.end_half, x.hours, '', ${at}, 'approved', 'integration', x.unit_id, 'unit', ${at}, ${actor.id}, ${at},
                 ${actor.id}, ${client.name}, ${actor.id}, ${at}, ${at}, ${client.id}, x.external_id, x.credit_type, x.credits
          FROM jsonb_to_recordset(${JSON.stringify(inserts)}::jsonb) AS x(external_id text, account_id integer, unit_id integer,
               year integer, activity_type text, title text, organizer text, place text, start_date date, start_half text,
               end_date date, end_half text, hours numeric, credit_type text, credits numeric)
          RETURNING id, external_id, account_id, year, hours),
        history AS (
          INSERT INTO hour_record_events (record_id, at, action, actor_id, actor_name)
          SELECT ins.id, ${at}, a.action, ${actor.id}, ${client.name} FROM ins, (VALUES ('create'), ('approve')) AS a(action)),
        feed AS (
          INSERT INTO integration_changes (client_id, at, kind, external_id, record_id, account_id, year, hours)
          SELECT ${client.id}, ${at}, 'record.created', ins.external_id, ins.id, ins.account_id, ins.year, ins.hours FROM ins)
        SELECT id, external_id FROM ins`)
    ).rows as Array<{ id: number; external_id: string }>;
    const idOf = new Map(created.map((c) => [c.external_id, Number(c.id)]));
    for (const r of results) if (r.status === 'created') r.recordId = idOf.get(r.externalId!) ?? null;
  }
  if (updates.length) {
    await tx.execute(sql`
      WITH upd AS (
        UPDATE hour_records h SET year = x.year, activity_type = x.activity_type, title = x.title, organizer = x.organizer,
               place = x.place, start_date = x.start_date, start_half = x.start_half, end_date = x.end_date,
               end_half = x.end_half, hours = x.hours, credit_type = x.credit_type, credits = x.credits, unit_id = x.unit_id,
               decided_at = ${at}, updated_at = ${at}
        FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS x(id bigint, account_id integer, unit_id integer,
             year integer, activity_type text, title text, organizer text, place text, start_date date, start_half text,
             end_date date, end_half text, hours numeric, credit_type text, credits numeric)
        WHERE h.id = x.id
        RETURNING h.id)
      INSERT INTO hour_record_events (record_id, at, action, actor_id, actor_name)
      SELECT upd.id, ${at}, 'update', ${actor.id}, ${client.name} FROM upd`);
    await tx.execute(sql`
      INSERT INTO integration_changes (client_id, at, kind, external_id, record_id, account_id, year, hours)
      SELECT ${client.id}, ${at}, x.kind, x.external_id, x.record_id, x.account_id, x.year, x.hours
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
           AS x(kind text, external_id text, record_id bigint, account_id integer, year integer, hours numeric)`);
  }
  // A year's approved hours went down: the certificate revocation rule (events/wiring.ts).
  for (const l of lowered.values()) {
    await emitDomainEvent(tx, {
      type: 'hours.approved-deleted',
      accountId: l.accountId,
      year: l.year,
      payload: { reason: `${client.name}更正了学时记录 ${l.externalId}`, by: actor.id, source: 'integration' },
    });
  }
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.status]++;
  await writeAudit(
    tx,
    { actor, ip },
    {
      action: 'integration.records.upsert',
      targetType: 'integration_client',
      targetId: client.id,
      detail: { ...counts, newPeople: newPeople.size, items: results.length },
    },
  );
}
