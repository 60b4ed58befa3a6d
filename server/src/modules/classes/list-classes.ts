import type { ClassListQuery, ClassRow } from '@ptce/contracts';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { trainingClasses } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { classScope } from './class-scope';
import { classCounts, findClass, toClassRow } from './find-class';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** 培训班: the caller's classes (an organiser's own; the operator's all), newest first. */
export async function listClasses(ctx: Caller, q: z.infer<typeof ClassListQuery>) {
  const where: SQL[] = [classScope(ctx.actor)];
  if (q.year) where.push(eq(trainingClasses.year, q.year));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(
      or(
        ilike(trainingClasses.title, like),
        ilike(trainingClasses.organiserName, like),
        eq(trainingClasses.filingNumber, q.q),
      ) as SQL,
    );
  }
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({ c: trainingClasses, ...classCounts })
      .from(trainingClasses)
      .where(cond)
      .orderBy(desc(trainingClasses.startDate), desc(trainingClasses.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingClasses)
      .where(cond),
  ]);
  return {
    items: rows.map((r) => toClassRow(r.c, r)),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getClass(ctx: Caller, id: number): Promise<ClassRow> {
  const c = await findClass(ctx, ctx.db, id);
  const [counts] = await ctx.db.select(classCounts).from(trainingClasses).where(eq(trainingClasses.id, id));
  return toClassRow(c, counts!);
}
