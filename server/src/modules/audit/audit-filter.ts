import type { AuditFilter } from '@ptce/contracts';
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { endOfShanghaiDay } from '../../clock';
import { idNumberIs } from '../../db/pii-lookup';
import { storedUsernames } from '../../db/pii';
import { accounts, auditLog } from '../../db/schema/index';

const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * Targets that belong to a person: an entry about one of these is about its owner too, so 对象 = a
 * person finds their account's entries and their records', attempts', certificates' …
 */
export const PERSON_OWNED_TARGETS: ReadonlyArray<{ type: string; table: string }> = [
  { type: 'hour_record', table: 'hour_records' },
  { type: 'exam_attempt', table: 'exam_attempts' },
  { type: 'certificate', table: 'certificates' },
  { type: 'makeup_request', table: 'makeup_requests' },
];

/** 操作人: the name written with the entry, or a login name (an ID number only through its hash). */
function actorIs(q: string): SQL {
  const byLogin = sql`${auditLog.actorAccountId} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${inArray(accounts.username, storedUsernames(q))})`;
  const n = Number(q);
  return or(
    eq(auditLog.actorName, q),
    byLogin,
    Number.isInteger(n) && n > 0 && n < 2 ** 31 ? eq(auditLog.actorAccountId, n) : undefined,
  ) as SQL;
}

/** 对象: a person by name or whole ID number (and what they own), or a unit by name. */
function targetIs(q: string): SQL {
  const people = ID_NUMBER.test(q)
    ? sql`SELECT ${accounts.id} FROM ${accounts} WHERE ${idNumberIs(q)}`
    : sql`SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.name} = ${q}`;
  const owned = PERSON_OWNED_TARGETS.map(
    (t) =>
      sql`(${auditLog.targetType} = ${t.type} AND ${auditLog.targetId} IN (SELECT o.id::text FROM ${sql.identifier(t.table)} o WHERE o.account_id IN (${people})))`,
  );
  return or(
    sql`(${auditLog.targetType} = 'account' AND ${auditLog.targetId} IN (SELECT p.id::text FROM (${people}) p))`,
    ...owned,
    ID_NUMBER.test(q)
      ? undefined
      : sql`(${auditLog.targetType} = 'unit' AND ${auditLog.targetId} IN (SELECT u.id::text FROM units u WHERE u.name = ${q}))`,
  ) as SQL;
}

/** The WHERE of the 审计日志's filters (the list and its export alike). */
export function auditWhere(f: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  const action = f.action?.trim();
  const actor = f.actor?.trim();
  const target = f.target?.trim();
  if (action) where.push(eq(auditLog.action, action));
  if (actor) where.push(actorIs(actor));
  if (target) where.push(targetIs(target));
  if (f.targetType?.trim()) where.push(eq(auditLog.targetType, f.targetType.trim()));
  if (f.targetId?.trim()) where.push(eq(auditLog.targetId, f.targetId.trim()));
  // Dates are Shanghai calendar days.
  if (f.from) where.push(gte(auditLog.at, new Date(endOfShanghaiDay(f.from).getTime() - 86_400_000)));
  if (f.to) where.push(lt(auditLog.at, endOfShanghaiDay(f.to)));
  return where.length ? and(...where) : undefined;
}
