import type { OrganiserTraineeQuery, OrganiserTraineeRow } from '@ptce/contracts';
import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { idNumberIs } from '../../db/pii-lookup';
import { accounts, trainingClasses, trainingClassTrainees } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import { classScope } from './class-scope';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * 学员: the trainees of every class the caller reaches (class-scope.ts: an organiser its own classes only),
 * newest class first, ID numbers masked. Filters: the class's year, 考核结果, a name (from its start) or a
 * full ID number.
 */
export async function listOrganiserTrainees(ctx: Caller, q: OrganiserTraineeQuery) {
  const where: SQL[] = [classScope(ctx.actor)];
  if (q.year) where.push(eq(trainingClasses.year, q.year));
  if (q.result) where.push(eq(trainingClassTrainees.result, q.result));
  if (q.q) {
    const v = q.q;
    const byName = like(accounts.name, `${escapeLike(v)}%`);
    where.push((/^\d{17}[\dXx]$/.test(v) ? or(byName, idNumberIs(v)) : byName) as SQL);
  }
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({ t: trainingClassTrainees, c: trainingClasses, name: accounts.name, idNumber: accounts.idNumber })
      .from(trainingClassTrainees)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingClassTrainees.classId))
      .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
      .where(cond)
      .orderBy(desc(trainingClasses.startDate), desc(trainingClasses.id), desc(trainingClassTrainees.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingClassTrainees)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingClassTrainees.classId))
      .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
      .where(cond),
  ]);
  const items: OrganiserTraineeRow[] = rows.map(({ t, c, name, idNumber }) => ({
    id: t.id,
    name,
    idNumberMasked: maskIdNumber(idNumber ?? ''),
    unitName: t.unitName,
    hours: t.hours,
    result: t.result,
    classId: c.id,
    classTitle: c.title,
    filingNumber: c.filingNumber,
    startDate: c.startDate,
    startHalf: c.startHalf,
    endDate: c.endDate,
    endHalf: c.endHalf,
    year: c.year,
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
