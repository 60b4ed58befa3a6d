import { eq, max } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { hourRecords, trainingClasses, trainingClassTrainees } from '../../db/schema/index';
import { AppError } from '../../errors';
import { classFieldsOf } from './filed-class';
import { getFiling } from '../bases/index';

/**
 * A 变更 of a filed class may not lower its 项目学时 below what a trainee of its 培训班 already holds: the
 * organiser corrects those trainees first (实际学时 ≤ 项目学时 holds for every trainee).
 */
export async function assertTraineesFit(db: Db, filingId: number, hours: number): Promise<void> {
  const [row] = await db
    .select({ most: max(trainingClassTrainees.hours) })
    .from(trainingClassTrainees)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingClassTrainees.classId))
    .where(eq(trainingClasses.filingId, filingId));
  const most = row?.most == null ? 0 : Number(row.most);
  if (most > hours)
    throw new AppError(
      'VALIDATION',
      `培训班已导入的学员实际学时最多为${most}学时，超过变更后的项目学时（${hours}学时）：请先更正这些学员的学时`,
      [{ field: 'sessions', reason: `变更后的项目学时${hours}学时少于学员已有的实际学时${most}学时` }],
    );
}

/**
 * After an approved 变更, the filing's 培训班 (if one was created) and its trainees' records follow the filed
 * content: name, 项目类目, place, dates and 项目学时; the trainees' own 实际学时 stay. Returns the class and the
 * number of records moved along, for the audit entry of the change.
 */
export async function followFiling(tx: Db, filingId: number): Promise<{ classId: number; records: number } | null> {
  const f = await getFiling(tx, filingId);
  if (!f) return null;
  await assertTraineesFit(tx, filingId, f.hours);
  const fields = classFieldsOf(f);
  // The records carry the class's name, place and dates (not its 项目类目 or 项目学时: each keeps its 实际学时).
  const { category: _category, hours: _hours, ...recordFields } = fields;
  const at = now();
  const [c] = await tx
    .update(trainingClasses)
    .set({ ...fields, updatedAt: at })
    .where(eq(trainingClasses.filingId, filingId))
    .returning({ id: trainingClasses.id });
  if (!c) return null;
  const moved = await tx
    .update(hourRecords)
    .set({ ...recordFields, updatedAt: at })
    .where(eq(hourRecords.trainingClassId, c.id))
    .returning({ id: hourRecords.id });
  return { classId: c.id, records: moved.length };
}
