import type { TraineeListQuery, TraineeRow } from '@ptce/contracts';
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { idNumberIs } from '../../db/pii-lookup';
import { accounts, trainingClassTrainees } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { findClass } from './find-class';

const selection = {
  t: trainingClassTrainees,
  name: accounts.name,
  idNumber: accounts.idNumber,
  registered: sql<boolean>`${accounts.passwordHash} <> ''`,
};

function toRow(x: {
  t: typeof trainingClassTrainees.$inferSelect;
  name: string;
  idNumber: string | null;
  registered: boolean;
}): TraineeRow {
  return {
    id: x.t.id,
    accountId: x.t.accountId,
    name: x.name,
    idNumberMasked: maskIdNumber(x.idNumber ?? ''),
    unitName: x.t.unitName,
    hours: x.t.hours,
    result: x.t.result,
    recordId: x.t.recordId,
    registered: Boolean(x.registered),
    overlaps: x.t.overlaps,
    updatedAt: x.t.updatedAt.toISOString(),
  };
}

/** A class's trainees (ID numbers masked; the full numbers are in the organiser's roster export). */
export async function listTrainees(ctx: Caller, classId: number, q: z.infer<typeof TraineeListQuery>) {
  await findClass(ctx, ctx.db, classId);
  const where: SQL[] = [eq(trainingClassTrainees.classId, classId)];
  if (q.q) {
    const v = q.q.trim();
    where.push((/^\d{17}[\dXx]$/.test(v) ? or(eq(accounts.name, v), idNumberIs(v)) : eq(accounts.name, v)) as SQL);
  }
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select(selection)
      .from(trainingClassTrainees)
      .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
      .where(cond)
      .orderBy(asc(trainingClassTrainees.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingClassTrainees)
      .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
      .where(cond),
  ]);
  return { items: rows.map(toRow), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getTrainee(db: Db, classId: number, accountId: number): Promise<TraineeRow> {
  const [r] = await db
    .select(selection)
    .from(trainingClassTrainees)
    .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
    .where(and(eq(trainingClassTrainees.classId, classId), eq(trainingClassTrainees.accountId, accountId)));
  if (!r) throw notFound('学员');
  return toRow(r);
}
