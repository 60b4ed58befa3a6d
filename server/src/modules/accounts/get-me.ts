import type { Me } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { contactComplete, type Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { accounts, authorities, departments, trainingBases, units } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { notFound } from '../../errors';

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const [row] = await db
    .select({ a: accounts, unit: units, dept: departments, auth: authorities, base: trainingBases })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(departments, eq(departments.id, accounts.departmentId))
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(trainingBases, eq(trainingBases.id, accounts.baseId))
    .where(eq(accounts.id, actor.id));
  if (!row) throw notFound('账号');
  const a = row.a;
  return {
    id: a.id,
    kind: a.kind,
    roles: actor.roles,
    scope: actor.scope,
    username: a.idNumber && a.username === a.idNumberHmac ? maskIdNumber(a.idNumber) : a.username,
    name: a.name,
    idNumberMasked: a.idNumber ? maskIdNumber(a.idNumber) : null,
    gender: a.gender,
    birthDate: a.birthDate,
    phone: a.phone,
    email: a.email,
    unit: row.unit ? { id: row.unit.id, name: row.unit.name } : null,
    department: row.dept ? { id: row.dept.id, name: row.dept.name } : null,
    regionCode: row.auth?.regionCode ?? row.unit?.regionCode ?? null,
    organizationName: row.auth?.name ?? row.base?.name ?? row.unit?.name ?? null,
    mustChangePassword: a.mustChangePassword,
    profileComplete: contactComplete(a.kind, a.phone, a.email),
    csrfToken: actor.csrfToken,
  };
}
