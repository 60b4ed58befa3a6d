import { helpdeskSearchKind, type HelpdeskSearchResult } from '@ptce/contracts';
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import { personScope } from '../../auth/scope';
import { accounts, departments, units } from '../../db/schema/index';
import { idNumberIs, phoneIs } from '../../db/pii-lookup';
import { escapeLike } from '../../db/sql-helpers';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';

/** A name matches more people than a clerk can read on the phone: past this many, type more of it. */
export const SEARCH_LIMIT = 50;

/**
 * 人员查询: professionals by ID number (exact, through its keyed hash), mobile number (exact, the same
 * way) or name (those starting with it first, then those containing it), with unit and department to tell
 * namesakes apart. The ID number is masked in the list; the person's page shows it whole.
 */
export async function findPeople(ctx: Caller, q: string): Promise<HelpdeskSearchResult> {
  const s = q.trim();
  const kind = helpdeskSearchKind(s);
  const match: SQL =
    kind === 'idNumber' ? idNumberIs(s) : kind === 'phone' ? phoneIs(s) : like(accounts.name, `%${escapeLike(s)}%`);
  const rows = await ctx.db
    .select({ a: accounts, unitName: units.name, departmentName: departments.name })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(departments, eq(departments.id, accounts.departmentId))
    .where(and(eq(accounts.kind, 'professional'), personScope(ctx.actor), match))
    .orderBy(
      kind === 'name' ? sql`(${accounts.name} LIKE ${`${escapeLike(s)}%`}) DESC` : asc(accounts.id),
      asc(accounts.name),
      asc(accounts.id),
    )
    .limit(SEARCH_LIMIT + 1);
  return {
    kind,
    truncated: rows.length > SEARCH_LIMIT,
    items: rows.slice(0, SEARCH_LIMIT).map(({ a, unitName, departmentName }) => ({
      id: a.id,
      name: a.name,
      idNumberMasked: maskIdNumber(a.idNumber ?? ''),
      gender: a.gender,
      unitName,
      departmentName,
      loginEnabled: a.loginEnabled,
      newRegistration: a.pendingConfirmation,
    })),
  };
}
