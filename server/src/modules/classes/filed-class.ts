import type { ClassInput } from '@ptce/contracts';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { getFiling, type Filing } from '../bases/index';

/**
 * A base's filing 已备案 as the fields of its class: name, 项目类目, place, dates, 项目学时 (from its 课程安排) and
 * 备案号. Another base's filing, or one not (yet) filed, is refused like a missing one.
 */
export async function filedClassOf(
  db: Db,
  baseId: number,
  filingId: number,
): Promise<ClassInput & { filingId: number; filingNumber: string; hours: number }> {
  const f = await getFiling(db, filingId);
  if (!f || f.baseId !== baseId) throw new AppError('NOT_FOUND', '培训备案不存在或无权访问');
  if (f.status !== 'filed' || !f.filingNo)
    throw new AppError('VALIDATION', '该项目尚未备案：培训备案审核通过（已备案）后才能建立培训班', [
      { field: 'filingId', reason: '该项目尚未备案' },
    ]);
  return { ...classFieldsOf(f), filingId: f.id, filingNumber: f.filingNo };
}

/** The fields of a 培训班 that come from its filing (at creation, and again after each approved 变更). */
export function classFieldsOf(f: Filing): ClassInput & { hours: number } {
  return {
    title: f.name,
    category: `${f.industryName}·${f.field}`.slice(0, 60),
    place: f.place,
    startDate: f.startDate,
    startHalf: f.startHalf,
    endDate: f.endDate,
    endHalf: f.endHalf,
    hours: f.hours,
  };
}
