import { dateText, registrationRefusal } from '@ptce/rules';
import { shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { AppError, ERROR_OF_RULE } from '../../errors';
import { yearClosedIn } from '../hours/index';
import { plansSnapshot } from '../plans/index';
import type { ClassRecord } from './find-class';

/**
 * Trainees' hours are recorded after the class (its end not after today) and while professional hours of
 * its year may still be registered (the plan's deadline, 不能跨年登记's year window).
 */
export async function assertTraineesOpen(db: Db, cls: ClassRecord): Promise<void> {
  if (cls.endDate > shanghaiDate())
    throw new AppError('VALIDATION', `培训班结束（${dateText(cls.endDate)}）后才能登记学员学时`, [
      { field: 'classId', reason: '培训班尚未结束' },
    ]);
  const closed = yearClosedIn(await plansSnapshot(db), cls.year);
  if (closed)
    throw new AppError(ERROR_OF_RULE[closed.code], registrationRefusal(closed), [
      { field: 'classId', reason: closed.reason },
    ]);
}
