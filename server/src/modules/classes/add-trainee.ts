import type { TraineeInput } from '@ptce/contracts';
import { now, shanghaiDate } from '../../clock';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { findClass } from './find-class';
import { assertTraineesOpen } from './importable';
import { getTrainee } from './list-trainees';
import { resolveTrainees } from './trainee-checks';
import { flagOverlaps, writeTrainees } from './write-trainees';

const FIELD: Record<string, string> = {
  name: 'name',
  idNumber: 'idNumber',
  unit: 'unit',
  hours: 'hours',
  result: 'result',
};

/** 添加学员: one trainee, with the checks of a template row; overlapping classes are reported back. */
export async function addTrainee(ctx: Caller, classId: number, input: TraineeInput) {
  return ctx.db.transaction(async (tx) => {
    const cls = await findClass(ctx, tx, classId, { lock: true });
    await assertTraineesOpen(tx, cls);
    const [checked] = await resolveTrainees(
      tx,
      ctx.actor,
      cls,
      [{ rowNumber: 1, ...input }],
      shanghaiDate(),
      new Map(),
    );
    if (!checked || 'problems' in checked) {
      const problems = checked && 'problems' in checked ? checked.problems : [];
      throw new AppError(
        problems.some((p) => p.reason.includes('重复登记')) ? 'CONFLICT' : 'VALIDATION',
        problems[0]?.reason ?? '学员信息有误',
        problems.map((p) => ({ field: FIELD[p.field]!, reason: p.reason })),
      );
    }
    const at = now();
    const ids = await writeTrainees(tx, ctx.actor, cls, [checked.value], at);
    const accountId = ids.get(1)!;
    const overlaps = await flagOverlaps(tx, cls, [accountId]);
    const trainee = await getTrainee(tx, cls.id, accountId);
    await writeAudit(tx, ctx, {
      action: 'classes.trainee.add',
      targetType: 'training_class',
      targetId: cls.id,
      detail: {
        accountId,
        name: checked.value.name,
        hours: input.hours,
        result: input.result,
        newPerson: checked.value.accountId === null,
        overlaps: overlaps.get(accountId) ?? [],
      },
    });
    return { trainee, overlapsWith: overlaps.get(accountId) ?? [] };
  });
}
