import type { FilingQuery, FilingRow } from '@ptce/contracts';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { now } from '../../clock';
import { trainingBases, trainingFilings } from '../../db/schema/index';
import { escapeLike } from '../../db/sql-helpers';
import type { Caller } from '../auth/index';
import { filingScope } from './filing-scope';

const DAY_MS = 86_400_000;

const openChangeAt = sql<Date | null>`(SELECT c.submitted_at FROM training_filing_changes c WHERE c.filing_id = ${trainingFilings.id} AND c.status = 'pending')`;

/**
 * The filings a caller reaches (filing-scope.ts): a base's own list, the reviewers' queue. Filters: status, a
 * 变更 awaiting review, base, year, name or 备案号. Each row's age is the days since it (or its 变更) was
 * submitted while it waits; the queue lists the oldest waiting first.
 */
export async function listFilings(ctx: Caller, q: FilingQuery) {
  const where: SQL[] = [filingScope(ctx.actor)];
  if (q.status) where.push(eq(trainingFilings.status, q.status));
  if (q.changePending === 'true') where.push(sql`${openChangeAt} IS NOT NULL`);
  if (q.baseId) where.push(eq(trainingFilings.baseId, q.baseId));
  if (q.year) where.push(eq(trainingFilings.year, q.year));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(
      or(ilike(trainingFilings.name, like), ilike(trainingFilings.filingNo, like), ilike(trainingBases.name, like))!,
    );
  }
  const cond = and(...where);
  const waitingSince = sql<Date | null>`CASE WHEN ${trainingFilings.status} = 'pending' THEN ${trainingFilings.submittedAt} ELSE ${openChangeAt} END`;
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({
        id: trainingFilings.id,
        status: trainingFilings.status,
        filingNo: trainingFilings.filingNo,
        baseId: trainingFilings.baseId,
        baseName: trainingBases.name,
        name: trainingFilings.name,
        form: trainingFilings.form,
        startDate: trainingFilings.startDate,
        endDate: trainingFilings.endDate,
        hours: trainingFilings.hours,
        plannedTrainees: trainingFilings.plannedTrainees,
        enrolment: trainingFilings.enrolment,
        submittedAt: trainingFilings.submittedAt,
        waitingSince,
      })
      .from(trainingFilings)
      .innerJoin(trainingBases, eq(trainingBases.id, trainingFilings.baseId))
      .where(cond)
      .orderBy(sql`${waitingSince} ASC NULLS LAST`, desc(trainingFilings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingFilings)
      .innerJoin(trainingBases, eq(trainingBases.id, trainingFilings.baseId))
      .where(cond),
  ]);
  const at = now().getTime();
  const items: FilingRow[] = rows.map(({ waitingSince: w, ...r }) => {
    const since = w ? new Date(w) : null;
    return {
      ...r,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      ageDays: since ? Math.floor((at - since.getTime()) / DAY_MS) : null,
      changePending: r.status === 'filed' && since !== null,
    };
  });
  return { items, total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
