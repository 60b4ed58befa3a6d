import type { ClassRow } from '@ptce/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trainingClasses } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { classScope } from './class-scope';

export type ClassRecord = typeof trainingClasses.$inferSelect;

/** A class the caller reaches (404 otherwise); `lock` takes it FOR UPDATE (serializes writes to its trainees). */
export async function findClass(ctx: Caller, db: Db, id: number, opts: { lock?: boolean } = {}): Promise<ClassRecord> {
  const q = db
    .select()
    .from(trainingClasses)
    .where(and(eq(trainingClasses.id, id), classScope(ctx.actor)));
  const [c] = opts.lock ? await q.for('update') : await q;
  if (!c) throw notFound('培训班');
  return c;
}

export const classCounts = {
  traineeCount: sql<number>`(SELECT count(*)::int FROM training_class_trainees t WHERE t.class_id = training_classes.id)`,
  passedCount: sql<number>`(SELECT count(*)::int FROM training_class_trainees t WHERE t.class_id = training_classes.id AND t.result = 'passed')`,
};

export function toClassRow(c: ClassRecord, counts: { traineeCount: number; passedCount: number }): ClassRow {
  return {
    id: c.id,
    organiserKind: c.organiserKind,
    organiserName: c.organiserName,
    filingId: c.filingId,
    filingNumber: c.filingNumber,
    title: c.title,
    category: c.category,
    place: c.place,
    startDate: c.startDate,
    startHalf: c.startHalf,
    endDate: c.endDate,
    endHalf: c.endHalf,
    year: c.year,
    hours: c.hours,
    traineeCount: Number(counts.traineeCount),
    passedCount: Number(counts.passedCount),
    createdAt: c.createdAt.toISOString(),
  };
}
