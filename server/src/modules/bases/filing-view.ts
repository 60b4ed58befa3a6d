import type { Filing, FilingInput } from '@ptce/contracts';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  industries,
  trainingBases,
  trainingFilingChanges,
  trainingFilings,
  trainingFilingSessions,
  trainingFilingTeachers,
} from '../../db/schema/index';
import { notFound } from '../../errors';

export type FilingRecord = typeof trainingFilings.$inferSelect;

export const FILING = '培训备案';

/** The filing `id` if `where` holds for it (the caller's scope); otherwise 404, whether or not it exists. */
export async function findFiling(db: Db, id: number, where: SQL = sql`true`): Promise<FilingRecord> {
  const [f] = await db
    .select()
    .from(trainingFilings)
    .where(and(eq(trainingFilings.id, id), where));
  if (!f) throw notFound(FILING);
  return f;
}

/** The filing `id` locked for a state change in the transaction `tx`, if `where` holds for it. */
export async function lockFiling(tx: Db, id: number, where: SQL = sql`true`): Promise<FilingRecord> {
  const [f] = await tx
    .select()
    .from(trainingFilings)
    .where(and(eq(trainingFilings.id, id), where))
    .for('update');
  if (!f) throw notFound(FILING);
  return f;
}

/** The schedule and teachers of a filing, in order. */
export async function contentOf(db: Db, id: number): Promise<Pick<Filing, 'sessions' | 'teachers'>> {
  const sessions = await db
    .select({
      date: trainingFilingSessions.date,
      half: trainingFilingSessions.half,
      topic: trainingFilingSessions.topic,
      teacher: trainingFilingSessions.teacher,
    })
    .from(trainingFilingSessions)
    .where(eq(trainingFilingSessions.filingId, id))
    .orderBy(asc(trainingFilingSessions.date), asc(trainingFilingSessions.half));
  const teachers = await db
    .select({
      name: trainingFilingTeachers.name,
      title: trainingFilingTeachers.title,
      employer: trainingFilingTeachers.employer,
    })
    .from(trainingFilingTeachers)
    .where(eq(trainingFilingTeachers.filingId, id))
    .orderBy(asc(trainingFilingTeachers.position));
  return { sessions, teachers };
}

/** The form's fields of a stored filing: what a 变更 starts from and what its audit entry compares. */
export function inputOf(f: FilingRecord, content: Pick<Filing, 'sessions' | 'teachers'>): FilingInput {
  return {
    name: f.name,
    industryCode: f.industryCode,
    field: f.field,
    form: f.form,
    startDate: f.startDate,
    startHalf: f.startHalf,
    endDate: f.endDate,
    endHalf: f.endHalf,
    place: f.place,
    plannedTrainees: f.plannedTrainees,
    organiser: f.organiser,
    coOrganiser: f.coOrganiser,
    feePerPerson: f.feePerPerson,
    feeNote: f.feeNote,
    enrolment: f.enrolment,
    needsApproval: f.needsApproval,
    teachers: content.teachers,
    sessions: content.sessions,
  };
}

/** The whole filing: its fields, base, schedule, teachers and its open or last 变更. */
export async function filingView(db: Db, f: FilingRecord): Promise<Filing> {
  const [names] = await db
    .select({ baseName: trainingBases.name, industryName: industries.name })
    .from(trainingBases)
    .innerJoin(industries, eq(industries.code, f.industryCode))
    .where(eq(trainingBases.id, f.baseId));
  const [change] = await db
    .select()
    .from(trainingFilingChanges)
    .where(eq(trainingFilingChanges.filingId, f.id))
    .orderBy(desc(trainingFilingChanges.id))
    .limit(1);
  return {
    id: f.id,
    status: f.status,
    filingNo: f.filingNo,
    baseId: f.baseId,
    baseName: names?.baseName ?? '',
    industryName: names?.industryName ?? '',
    ...inputOf(f, await contentOf(db, f.id)),
    year: f.year,
    hours: f.hours,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    submittedAt: f.submittedAt?.toISOString() ?? null,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    decidedByName: f.decidedByName,
    returnReason: f.returnReason,
    filedAt: f.filedAt?.toISOString() ?? null,
    change: change
      ? {
          id: change.id,
          status: change.status,
          reason: change.reason,
          submittedAt: change.submittedAt.toISOString(),
          decidedAt: change.decidedAt?.toISOString() ?? null,
          returnReason: change.returnReason,
          proposed: change.proposed as NonNullable<Filing['change']>['proposed'],
        }
      : null,
  };
}
