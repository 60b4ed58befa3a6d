import type { TraineeCorrection, TraineeRow, TraineeWithdrawal } from '@ptce/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, hourRecordEvents, hourRecords, trainingClassTrainees } from '../../db/schema/index';
import { emitDomainEvent } from '../../events/domain-events';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { findClass, type ClassRecord } from './find-class';
import { assertTraineesOpen } from './importable';
import { getTrainee } from './list-trainees';
import { insertClassRecords } from './write-trainees';

async function lockedTrainee(ctx: Caller, tx: Db, classId: number, traineeId: number) {
  const cls = await findClass(ctx, tx, classId, { lock: true });
  if (ctx.actor.kind === 'operator') throw new AppError('FORBIDDEN', '学员学时由培训班的举办方更正或撤销');
  const [t] = await tx
    .select()
    .from(trainingClassTrainees)
    .where(and(eq(trainingClassTrainees.id, traineeId), eq(trainingClassTrainees.classId, classId)))
    .for('update');
  if (!t) throw notFound('学员');
  await assertTraineesOpen(tx, cls);
  return { cls, t };
}

/** A year's approved hours went down: the certificate revocation rule, as for any approved hours (events/wiring.ts). */
async function lowered(tx: Db, ctx: Caller, cls: ClassRecord, accountId: number, reason: string) {
  await emitDomainEvent(tx, {
    type: 'hours.approved-deleted',
    accountId,
    year: cls.year,
    payload: {
      reason: `${cls.organiserName}更正了培训班“${cls.title}”的学时：${reason}`,
      by: ctx.actor.id,
      source: 'class',
    },
  });
}

/**
 * 更正: the organiser changes a trainee's 实际学时 or 考核结果 (≤ 项目学时, with a reason). The approved record
 * follows: its hours change, it is created (不合格 → 合格) or removed (合格 → 不合格); any fall of the year's
 * approved hours applies the certificate revocation rule. Audited with before and after.
 */
export async function correctTrainee(
  ctx: Caller,
  classId: number,
  traineeId: number,
  input: z.infer<typeof TraineeCorrection>,
): Promise<TraineeRow> {
  return ctx.db.transaction(async (tx) => {
    const { cls, t } = await lockedTrainee(ctx, tx, classId, traineeId);
    if (Math.round(input.hours * 10) !== input.hours * 10)
      throw new AppError('VALIDATION', '实际学时最多保留1位小数', [
        { field: 'hours', reason: '实际学时最多保留1位小数' },
      ]);
    if (input.hours > cls.hours) {
      const reason = `实际学时不能超过项目学时（${cls.hours}学时）`;
      throw new AppError('VALIDATION', reason, [{ field: 'hours', reason }]);
    }
    const at = now();
    const before = { hours: t.hours, result: t.result };
    let recordId = t.recordId;
    const credited = t.result === 'passed' && t.recordId ? t.hours : 0;
    const after = input.result === 'passed' ? input.hours : 0;
    if (input.result === 'passed' && recordId) {
      await tx.update(hourRecords).set({ hours: input.hours, updatedAt: at }).where(eq(hourRecords.id, recordId));
      await tx.insert(hourRecordEvents).values({
        recordId,
        at,
        action: 'update',
        actorId: ctx.actor.id,
        actorName: cls.organiserName,
        opinion: input.reason,
      });
    } else if (input.result === 'passed') {
      const [who] = await tx.select({ unitId: accounts.unitId }).from(accounts).where(eq(accounts.id, t.accountId));
      const made = await insertClassRecords(
        tx,
        ctx.actor,
        cls,
        [{ accountId: t.accountId, unitId: who?.unitId ?? null, hours: input.hours }],
        at,
      );
      recordId = made.get(t.accountId) ?? null;
    } else if (recordId) {
      await tx.delete(hourRecords).where(eq(hourRecords.id, recordId));
      recordId = null;
    }
    await tx
      .update(trainingClassTrainees)
      .set({ hours: input.hours, result: input.result, recordId, updatedAt: at })
      .where(eq(trainingClassTrainees.id, t.id));
    if (after < credited) await lowered(tx, ctx, cls, t.accountId, input.reason);
    await writeAudit(tx, ctx, {
      action: 'classes.trainee.correct',
      targetType: 'training_class',
      targetId: cls.id,
      detail: {
        traineeId: t.id,
        accountId: t.accountId,
        before,
        after: { hours: input.hours, result: input.result },
        reason: input.reason,
      },
    });
    return getTrainee(tx, cls.id, t.accountId);
  });
}

/**
 * 撤销: the organiser withdraws a trainee from the class; the approved record goes with it (the certificate
 * revocation rule applies). Audited with what was removed.
 */
export async function withdrawTrainee(
  ctx: Caller,
  classId: number,
  traineeId: number,
  input: z.infer<typeof TraineeWithdrawal>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { cls, t } = await lockedTrainee(ctx, tx, classId, traineeId);
    await tx.delete(trainingClassTrainees).where(eq(trainingClassTrainees.id, t.id));
    if (t.recordId) {
      await tx.delete(hourRecords).where(eq(hourRecords.id, t.recordId));
      await lowered(tx, ctx, cls, t.accountId, input.reason);
    }
    // The flag of an overlap that involved only this class goes with it.
    await tx.execute(sql`
      UPDATE training_class_trainees o SET overlapping = false
      WHERE o.account_id = ${t.accountId} AND o.overlapping AND NOT EXISTS (
        SELECT 1 FROM training_class_trainees p JOIN training_classes pc ON pc.id = p.class_id
        JOIN training_classes oc ON oc.id = o.class_id
        WHERE p.account_id = o.account_id AND p.id <> o.id
          AND (pc.start_date, pc.start_half) <= (oc.end_date, oc.end_half)
          AND (pc.end_date, pc.end_half) >= (oc.start_date, oc.start_half))`);
    await writeAudit(tx, ctx, {
      action: 'classes.trainee.withdraw',
      targetType: 'training_class',
      targetId: cls.id,
      detail: {
        traineeId: t.id,
        accountId: t.accountId,
        hours: t.hours,
        result: t.result,
        recordId: t.recordId,
        reason: input.reason,
      },
    });
  });
}
