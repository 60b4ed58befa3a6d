import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idNumberIs } from '../../db/pii-lookup';
import { AppError, INTEGRATION_MESSAGES, notFound } from '../../errors';
import { complianceFor } from '../compliance/index';
import type { IntegrationClient } from './authenticate';
import { clientUnitScope } from './client-scope';

/** A person's year for title-application systems: 公需必修, 达标 and the hours, for a person in the client's scope. */
export async function personCompliance(db: Db, client: IntegrationClient, idNumber: string, year: number) {
  const [p] = (
    await db.execute(sql`
      SELECT accounts.id, accounts.name, (${clientUnitScope(client, sql`accounts.unit_id`)}) AS in_scope
      FROM accounts WHERE accounts.kind = 'professional' AND ${idNumberIs(idNumber)}`)
  ).rows as Array<{ id: number; name: string; in_scope: boolean | null }>;
  if (!p) throw notFound('该身份证号码的人员');
  if (!p.in_scope) throw new AppError('OUT_OF_SCOPE', INTEGRATION_MESSAGES.OUT_OF_SCOPE);
  const c = await complianceFor(db, p.id, year);
  return {
    name: p.name,
    year: c.year,
    publicHours: c.publicHours,
    compulsoryHours: c.compulsoryHours,
    electiveHours: c.electiveHours,
    professionalHours: c.professionalHours,
    totalHours: c.totalHours,
    pendingHours: c.pendingHours,
    requiredTotal: c.requiredTotal,
    requiredProfessional: c.requiredProfessional,
    compulsoryDone: c.compulsoryDone,
    met: c.met,
    mayBeExcellent: c.mayBeExcellent,
  };
}
