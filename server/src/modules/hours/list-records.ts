import type { RecordListQuery, RecordRow } from '@ptce/contracts';
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import {
  accounts,
  authorities,
  departments,
  hourRecords,
  integrationClients,
  trainingClasses,
  units,
} from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { decodeCursor, encodeCursor, listTotal } from '../../db/paging';
import type { Caller } from '../auth/index';
import { personSearch } from '../org/index';
import { recordScope, reviewScope } from './record-scope';

/**
 * The record lists of both sides, one query:
 * - mine:          我的学时 — 学时登记 / 培训登记详情 (the professional's own records)
 * - registrations: 专业科目学时登记 (records registered on the unit side)
 * - queue:         专业科目学时审核 (待初审, submitted to this unit or authority)
 * - results:       专业科目学时审核结果 (by status, searched by name or ID number)
 */
export type RecordListKind = 'mine' | 'registrations' | 'queue' | 'results';

export function recordListWhere(ctx: Caller, kind: RecordListKind, q: Partial<z.infer<typeof RecordListQuery>>): SQL {
  const where: SQL[] = [kind === 'queue' ? reviewScope(ctx.actor) : recordScope(ctx.actor)];
  if (kind === 'mine') where.push(eq(hourRecords.accountId, ctx.actor.id));
  if (kind === 'registrations') where.push(inArray(hourRecords.source, ['unit', 'import', 'base', 'integration']));
  if (kind === 'queue') where.push(eq(hourRecords.status, 'pending'));
  else if (q.status) where.push(eq(hourRecords.status, q.status));
  if (q.year) where.push(eq(hourRecords.year, q.year));
  // Records 待初审 carry their person's name (migration 0041): the queue's search needs no person lookup.
  const pending = kind === 'queue' || q.status === 'pending';
  if (q.q && kind !== 'mine') where.push(personSearch(q.q, pending ? hourRecords.personName : accounts.name));
  if (q.departmentId && kind !== 'mine') where.push(eq(accounts.departmentId, q.departmentId));
  return and(...where) as SQL;
}

export const recordSelection = {
  r: hourRecords,
  personName: accounts.name,
  personNewRegistration: accounts.pendingConfirmation,
  idNumber: accounts.idNumber,
  departmentName: departments.name,
  unitName: units.name,
  authorityName: authorities.name,
  sourceName: integrationClients.name,
  evidenceCount: sql<number>`(SELECT count(*)::int FROM hour_evidence e WHERE e.record_id = ${hourRecords.id})`,
  classTitle: trainingClasses.title,
  classOrganiser: trainingClasses.organiserName,
  classFiling: trainingClasses.filingNumber,
};

export function recordQuery(db: Db) {
  return db
    .select(recordSelection)
    .from(hourRecords)
    .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
    .leftJoin(departments, eq(departments.id, accounts.departmentId))
    .leftJoin(units, eq(units.id, hourRecords.unitId))
    .leftJoin(authorities, eq(authorities.id, hourRecords.authorityId))
    .leftJoin(integrationClients, eq(integrationClients.id, hourRecords.integrationClientId))
    .leftJoin(trainingClasses, eq(trainingClasses.id, hourRecords.trainingClassId));
}

type Selected = {
  r: typeof hourRecords.$inferSelect;
  personName: string;
  personNewRegistration: boolean;
  idNumber: string | null;
  departmentName: string | null;
  unitName: string | null;
  authorityName: string | null;
  sourceName: string | null;
  evidenceCount: number;
  classTitle: string | null;
  classOrganiser: string | null;
  classFiling: string | null;
};

export function toRecordRow(x: Selected): RecordRow {
  const r = x.r;
  return {
    id: r.id,
    accountId: r.accountId,
    personName: x.personName,
    personNewRegistration: x.personNewRegistration,
    idNumberMasked: maskIdNumber(x.idNumber ?? ''),
    departmentName: x.departmentName,
    year: r.year,
    activityType: r.activityType,
    title: r.title,
    organizer: r.organizer,
    place: r.place,
    startDate: r.startDate,
    startHalf: r.startHalf,
    endDate: r.endDate,
    endHalf: r.endHalf,
    hours: r.hours,
    remarks: r.remarks,
    status: r.status,
    source: r.source,
    sourceName: x.sourceName,
    credit: r.creditType && r.credits !== null ? { type: r.creditType, credits: r.credits } : null,
    classSource:
      r.trainingClassId && x.classTitle
        ? {
            classId: r.trainingClassId,
            title: x.classTitle,
            organiserName: x.classOrganiser ?? '',
            filingNumber: x.classFiling,
          }
        : null,
    reviewTarget: r.reviewTarget,
    reviewerName: r.reviewTarget === 'authority' ? x.authorityName : r.reviewTarget === 'unit' ? x.unitName : null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    opinion: r.opinion,
    evidenceCount: x.evidenceCount,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * One page, newest first. The total is capped (see listTotal) unless `exactTotal=true`; `nextCursor` (the
 * last id) fetches the following page by keyset, as cheap at row 1,000,000 as at row 20.
 */
export async function listRecords(ctx: Caller, kind: RecordListKind, q: z.infer<typeof RecordListQuery>) {
  const where = recordListWhere(ctx, kind, q);
  const after = q.cursor ? decodeCursor(q.cursor, ['number'])[0] : null;
  // The page's ids first, then their joined rows: the planner otherwise joins every match before sorting.
  const pageIds = ctx.db
    .select({ id: hourRecords.id })
    .from(hourRecords)
    .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
    .where(after === null ? where : and(where, lt(hourRecords.id, after)))
    .orderBy(desc(hourRecords.id))
    .limit(q.pageSize)
    .offset(after === null ? (q.page - 1) * q.pageSize : 0);
  const [rows, count] = await Promise.all([
    recordQuery(ctx.db).where(inArray(hourRecords.id, pageIds)).orderBy(desc(hourRecords.id)),
    listTotal(
      ctx.db,
      q,
      ctx.db
        .select({ one: sql`1` })
        .from(hourRecords)
        .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
        .where(where)
        .getSQL(),
    ),
  ]);
  const last = rows.length === q.pageSize ? rows[rows.length - 1] : undefined;
  return {
    items: rows.map(toRecordRow),
    ...count,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: last ? encodeCursor([last.r.id]) : null,
  };
}
