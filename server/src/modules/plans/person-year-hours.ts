import { metCondition, type PlanNumbers, type YearHours } from '@ptce/rules';
import { inArray, sql, type SQL } from 'drizzle-orm';

/**
 * The one query of a person-year's hours: public credits by kind and professional records by
 * status, one row per (account_id, year) that has any. Compliance, certificates, 学时查询 and the
 * exports embed it instead of summing hours themselves.
 *
 * Columns: account_id, year, compulsory, elective, public_hours, professional (approved),
 * pending (count of 待初审), pending_hours, drafts (count of 待提交), records (all records).
 */
export interface PersonYearHoursFilter {
  /**
   * The people: their ids, a subquery that selects account ids, or `{ one }`: one account id as an expression (an
   * outer query's column, for a LATERAL join that sums one person at a time through the (account_id, year) index).
   */
  accounts: readonly number[] | SQL | { one: SQL };
  /** One year; all years when absent. */
  year?: number;
}

export function personYearHours(f: PersonYearHoursFilter): SQL {
  const who = Array.isArray(f.accounts)
    ? inArray(sql`account_id`, [...f.accounts] as number[])
    : 'one' in f.accounts
      ? sql`account_id = ${f.accounts.one}`
      : sql`account_id IN (${f.accounts as SQL})`;
  const year = f.year === undefined ? sql`` : sql`AND year = ${f.year}`;
  return sql`
    SELECT coalesce(prof.account_id, pub.account_id) AS account_id, coalesce(prof.year, pub.year) AS year,
           coalesce(pub.compulsory, 0) AS compulsory, coalesce(pub.elective, 0) AS elective,
           coalesce(pub.compulsory, 0) + coalesce(pub.elective, 0) AS public_hours,
           coalesce(prof.professional, 0) AS professional, coalesce(prof.pending, 0) AS pending,
           coalesce(prof.pending_hours, 0) AS pending_hours, coalesce(prof.drafts, 0) AS drafts,
           coalesce(prof.records, 0) AS records
    FROM (
      SELECT account_id, year,
             sum(hours) FILTER (WHERE status = 'approved') AS professional,
             count(*) FILTER (WHERE status = 'pending') AS pending,
             sum(hours) FILTER (WHERE status = 'pending') AS pending_hours,
             count(*) FILTER (WHERE status = 'draft') AS drafts,
             count(*) AS records
      FROM hour_records WHERE ${who} ${year} GROUP BY account_id, year) prof
    FULL JOIN (
      SELECT account_id, year,
             sum(hours) FILTER (WHERE kind = 'compulsory') AS compulsory,
             sum(hours) FILTER (WHERE kind = 'elective') AS elective
      FROM public_credits WHERE ${who} ${year} GROUP BY account_id, year) pub
      ON pub.account_id = prof.account_id AND pub.year = prof.year`;
}

/**
 * 达标 of a person-year as a SQL condition: the comparison computeCompliance makes, in tenths of an hour
 * (metCondition), for queries that filter, count or sort by it. `total` and `professional` are SQL expressions.
 */
export function metSql(
  plan: Pick<PlanNumbers, 'totalHours' | 'professionalRatioNum' | 'professionalRatioDen'>,
  total: SQL,
  professional: SQL,
): SQL {
  const m = metCondition(plan);
  return sql`(round(${total} * 10) >= ${m.minTotalTenths}
    AND round(${professional} * 10) * ${m.ratioDen} >= round(${total} * 10) * ${m.ratioNum})`;
}

export interface PersonYearHoursRow extends Required<YearHours> {
  accountId: number;
  year: number;
  publicHours: number;
  records: number;
}

const num = (v: unknown) => Number(v ?? 0);

/** A row of personYearHours as numbers; a missing row (no hours at all) reads as zeros. */
export function personYearHoursRow(
  r: Record<string, unknown> | undefined,
  accountId = 0,
  year = 0,
): PersonYearHoursRow {
  return {
    accountId: r ? num(r.account_id) : accountId,
    year: r ? num(r.year) : year,
    compulsory: num(r?.compulsory),
    elective: num(r?.elective),
    publicHours: num(r?.public_hours),
    professional: num(r?.professional),
    pending: num(r?.pending),
    pendingHours: num(r?.pending_hours),
    drafts: num(r?.drafts),
    records: num(r?.records),
  };
}
