import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments } from '../db/schema/index';
import { NEEDS_CONTACT, rolesOf, type Actor } from './actor';

/** The account's columns an actor is made of (the session load selects them with the session). */
export interface ActorRow {
  id: number;
  kind: Actor['kind'];
  name: string;
  unit_id: number | null;
  department_id: number | null;
  authority_id: number | null;
  base_id: number | null;
  must_change_password: boolean;
  has_contact: boolean;
  region_code: string | null;
  industry_code: string | null;
}

/** The actor of an account row: its roles and scope, and a department admin's departments. */
export async function actorFromRow(db: Db, row: ActorRow, session: { id: string; csrfToken: string }): Promise<Actor> {
  const { roles, scope } = rolesOf(row.kind, row.department_id);
  let departmentScopeIds: number[] | null = null;
  if (row.kind === 'unit_admin' && row.department_id !== null) {
    const depts = await db
      .select({ id: departments.id })
      .from(departments)
      .where(or(eq(departments.id, row.department_id), eq(departments.parentId, row.department_id)));
    departmentScopeIds = depts.map((d) => d.id);
  }
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    roles,
    scope,
    unitId: row.unit_id,
    departmentId: row.department_id,
    departmentScopeIds,
    authorityId: row.authority_id,
    baseId: row.base_id,
    regionCode: row.region_code,
    industryCode: row.industry_code,
    mustChangePassword: row.must_change_password,
    profileComplete: !NEEDS_CONTACT.has(row.kind) || row.has_contact,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

/**
 * An account acting without a request — work it started that another instance carries on (an import resumed after
 * its process died): the actor its session would load, as the account is now, with no session. Null when the account
 * is gone or may no longer log in, so the work is not done in the name of someone shut out since.
 */
export async function actorOfAccount(db: Db, accountId: number): Promise<Actor | null> {
  const { rows } = await db.execute(sql`
    SELECT a.id, a.kind, a.name, a.unit_id, a.department_id, a.authority_id, a.base_id, a.must_change_password,
           (a.phone_enc IS NOT NULL AND a.email IS NOT NULL AND a.email <> '') AS has_contact,
           au.region_code, au.industry_code
      FROM accounts a LEFT JOIN authorities au ON au.id = a.authority_id
     WHERE a.id = ${accountId} AND a.login_enabled`);
  const row = rows[0] as ActorRow | undefined;
  return row ? actorFromRow(db, row, { id: '', csrfToken: '' }) : null;
}
