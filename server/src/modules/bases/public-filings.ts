import type { PublicFiling, PublicFilingQuery } from '@ptce/contracts';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { industries, trainingBases, trainingFilings } from '../../db/schema/index';
import { escapeLike } from '../../db/sql-helpers';

/**
 * 培训项目公示: filed classes open to everyone (招生范围 公开), searchable by name, base, 备案号 or place, by
 * industry and year; newest classes first. No login; internal classes and anything not yet filed never show.
 */
export async function listPublicFilings(db: Db, q: PublicFilingQuery) {
  const where: SQL[] = [eq(trainingFilings.status, 'filed'), eq(trainingFilings.enrolment, 'public')];
  if (q.industryCode) where.push(eq(trainingFilings.industryCode, q.industryCode));
  if (q.year) where.push(eq(trainingFilings.year, q.year));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(
      or(
        ilike(trainingFilings.name, like),
        ilike(trainingBases.name, like),
        ilike(trainingFilings.filingNo, like),
        ilike(trainingFilings.place, like),
        ilike(trainingFilings.field, like),
      )!,
    );
  }
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: trainingFilings.id,
        filingNo: sql<string>`${trainingFilings.filingNo}`,
        name: trainingFilings.name,
        baseName: trainingBases.name,
        basePhone: trainingBases.phone,
        industryName: industries.name,
        field: trainingFilings.field,
        form: trainingFilings.form,
        startDate: trainingFilings.startDate,
        endDate: trainingFilings.endDate,
        place: trainingFilings.place,
        hours: trainingFilings.hours,
        plannedTrainees: trainingFilings.plannedTrainees,
        organiser: trainingFilings.organiser,
        coOrganiser: trainingFilings.coOrganiser,
        feePerPerson: trainingFilings.feePerPerson,
        feeNote: trainingFilings.feeNote,
      })
      .from(trainingFilings)
      .innerJoin(trainingBases, eq(trainingBases.id, trainingFilings.baseId))
      .innerJoin(industries, eq(industries.code, trainingFilings.industryCode))
      .where(cond)
      .orderBy(desc(trainingFilings.startDate), desc(trainingFilings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingFilings)
      .innerJoin(trainingBases, eq(trainingBases.id, trainingFilings.baseId))
      .where(cond),
  ]);
  const items: PublicFiling[] = rows;
  return { items, total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
