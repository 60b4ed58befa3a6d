import { metCondition, type PlanNumbers, type YearHours } from '@ptce/rules';
import { inArray, sql, type SQL } from 'drizzle-orm';

/**
 * The one query of a person-year's hours: public credits by kind and professional records by
 * status, one row per (account_id, year) that has any. Compliance, certificates, 学时查询 and the
 * exports embed it instead of summing hours themselves. It reads person_year_hours, which triggers keep equal to
 * the sums of the records and credits in the same transaction (migration 0042).
 *
 * Columns: account_id, year, compulsory, elective, public_hours, professional (approved),
 * pending (count of 待初审), pending_hours, drafts (count of 待提交), records (all records).
 */
export interface PersonYearHoursFilter {
  /** The people: their ids, or a subquery that selects account ids. */
  accounts: readonly number[] | SQL;
  /** One year; all years when absent. */
  year?: number;
}

export function personYearHours(f: PersonYearHoursFilter): SQL {
  const who = Array.isArray(f.accounts)
    ? inArray(sql`account_id`, [...f.accounts] as number[])
    : sql`account_id IN (${f.accounts as SQL})`;
  const year = f.year === undefined ? sql`` : sql`AND year = ${f.year}`;
  return sql`
    SELECT account_id, year, compulsory, elective, compulsory + elective AS public_hours, professional, pending,
           pending_hours, drafts, records
    FROM person_year_hours WHERE ${who} ${year} AND (records > 0 OR credits > 0)`;
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
