import type { BaseDetail, BaseListQuery, BaseLogin, BaseRow, BaseValidity } from '@ptce/contracts';
import { and, asc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, authorities, regions, trainingBases } from '../../db/schema/index';
import { escapeLike } from '../../db/sql-helpers';
import { notFound } from '../../errors';
import { levelOf } from './base-level';

const rowSelect = {
  id: trainingBases.id,
  name: trainingBases.name,
  national: trainingBases.national,
  regionalBatch: trainingBases.regionalBatch,
  phone: trainingBases.phone,
  cityCode: trainingBases.cityCode,
  cityName: sql<string>`coalesce(${regions.name}, '')`,
  status: trainingBases.status,
  suspendedReason: trainingBases.suspendedReason,
  validFrom: trainingBases.validFrom,
  validTo: trainingBases.validTo,
  contactName: trainingBases.contactName,
  contactPhone: trainingBases.contactPhone,
  address: trainingBases.address,
  supervisingAuthorityId: trainingBases.supervisingAuthorityId,
  supervisingAuthorityName: authorities.name,
  logins: sql<number>`(SELECT count(*)::int FROM accounts a WHERE a.base_id = ${trainingBases.id} AND a.kind = 'base')`,
  filed: sql<number>`(SELECT count(*)::int FROM training_filings f WHERE f.base_id = ${trainingBases.id} AND f.status = 'filed')`,
};

type Selected = Awaited<ReturnType<typeof baseQuery>>[number];

function toRow({ national, ...r }: Selected): BaseRow {
  return {
    ...r,
    level: levelOf({ national, regionalBatch: r.regionalBatch }),
    logins: Number(r.logins),
    filed: Number(r.filed),
  };
}

function baseQuery(db: Db) {
  return db
    .select(rowSelect)
    .from(trainingBases)
    .leftJoin(regions, eq(regions.code, trainingBases.cityCode))
    .leftJoin(authorities, eq(authorities.id, trainingBases.supervisingAuthorityId));
}

/** 基地管理: the directory, filtered by name, level, batch, validity and status, in the notice's order. */
/** 有效期内 (no bound passed), 已届满 (its end before today), 未开始 (its start after today). */
function validityCondition(v: BaseValidity, today: string): SQL {
  if (v === 'expired') return sql`${trainingBases.validTo} IS NOT NULL AND ${trainingBases.validTo} < ${today}`;
  if (v === 'future') return sql`${trainingBases.validFrom} IS NOT NULL AND ${trainingBases.validFrom} > ${today}`;
  return sql`(${trainingBases.validFrom} IS NULL OR ${trainingBases.validFrom} <= ${today}) AND (${trainingBases.validTo} IS NULL OR ${trainingBases.validTo} >= ${today})`;
}

export async function listBases(db: Db, q: BaseListQuery, today = shanghaiDate()) {
  const where: SQL[] = [];
  if (q.q) where.push(ilike(trainingBases.name, `%${escapeLike(q.q)}%`));
  if (q.status) where.push(eq(trainingBases.status, q.status));
  if (q.level === 'national') where.push(and(eq(trainingBases.national, true), isNull(trainingBases.regionalBatch))!);
  if (q.level === 'regional') where.push(eq(trainingBases.national, false));
  if (q.level === 'dual') where.push(and(eq(trainingBases.national, true), isNotNull(trainingBases.regionalBatch))!);
  if (q.batch) where.push(eq(trainingBases.regionalBatch, q.batch));
  if (q.validity) where.push(validityCondition(q.validity, today));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(asc(trainingBases.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingBases)
      .where(cond),
  ]);
  return { items: rows.map((r) => toRow(r)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** One base as a row, or 404. */
export async function baseRow(db: Db, id: number): Promise<BaseRow> {
  const [r] = await baseQuery(db).where(eq(trainingBases.id, id));
  if (!r) throw notFound('继续教育基地');
  return toRow(r);
}

/** The logins of a base (管理部门 tab). */
export async function baseLogins(db: Db, baseId: number): Promise<BaseLogin[]> {
  const rows = await db
    .select({
      id: accounts.id,
      username: accounts.username,
      name: accounts.name,
      loginEnabled: accounts.loginEnabled,
      mustChangePassword: accounts.mustChangePassword,
      lastLoginAt: accounts.lastLoginAt,
    })
    .from(accounts)
    .where(and(eq(accounts.baseId, baseId), eq(accounts.kind, 'base')))
    .orderBy(asc(accounts.id));
  return rows.map((r) => ({ ...r, lastLoginAt: r.lastLoginAt?.toISOString() ?? null }));
}

export async function baseDetail(db: Db, id: number): Promise<BaseDetail> {
  return { ...(await baseRow(db, id)), accounts: await baseLogins(db, id) };
}
