import type { FilingInput } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trainingFilingSessions, trainingFilingTeachers } from '../../db/schema/index';

/** The columns of a filing's form (项目学时 and year computed by checkFiling). */
export function filingColumns(input: FilingInput, computed: { hours: number; year: number }) {
  return {
    name: input.name,
    industryCode: input.industryCode,
    field: input.field,
    form: input.form,
    startDate: input.startDate,
    startHalf: input.startHalf,
    endDate: input.endDate,
    endHalf: input.endHalf,
    place: input.place,
    plannedTrainees: input.plannedTrainees,
    organiser: input.organiser,
    coOrganiser: input.coOrganiser,
    feePerPerson: input.feePerPerson,
    feeNote: input.feeNote,
    enrolment: input.enrolment,
    needsApproval: input.needsApproval,
    hours: computed.hours,
    year: computed.year,
  };
}

/** Replaces a filing's schedule (课程安排) and teachers (师资) with the form's. */
export async function writeContent(tx: Db, filingId: number, input: FilingInput): Promise<void> {
  await tx.delete(trainingFilingSessions).where(eq(trainingFilingSessions.filingId, filingId));
  await tx.delete(trainingFilingTeachers).where(eq(trainingFilingTeachers.filingId, filingId));
  await tx.insert(trainingFilingSessions).values(input.sessions.map((s) => ({ filingId, ...s })));
  await tx.insert(trainingFilingTeachers).values(input.teachers.map((t, position) => ({ filingId, position, ...t })));
}
