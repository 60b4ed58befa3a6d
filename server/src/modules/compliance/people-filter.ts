import type { ComplianceListQuery } from '@ptce/contracts';
import { eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { personScope } from '../../auth/scope';
import { accounts } from '../../db/schema/index';
import { personSearch } from '../org/index';

/** The people a 达标情况 list is about: professionals in the caller's scope, by 姓名或身份证号码 and department. */
export function compliancePeople(actor: Actor, q: z.infer<typeof ComplianceListQuery>): SQL[] {
  const where: SQL[] = [eq(accounts.kind, 'professional'), personScope(actor)];
  if (q.q) where.push(personSearch(q.q));
  if (q.departmentId !== undefined)
    where.push(q.departmentId === 0 ? isNull(accounts.departmentId) : eq(accounts.departmentId, q.departmentId));
  return where;
}
