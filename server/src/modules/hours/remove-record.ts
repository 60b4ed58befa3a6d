import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hourRecords } from '../../db/schema/index';
import { emitDomainEvent } from '../../events/domain-events';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';

type HourRecord = typeof hourRecords.$inferSelect;

/**
 * The deletion itself, inside the caller's transaction, once the caller's command has decided it may happen
 * (删除 by unit staff, a 不属实 finding of a spot check): the row goes, the deletion is audited with what the
 * record said, and approved hours raise `hours.approved-deleted`, which revokes that year's certificate.
 */
export async function removeRecord(
  tx: Db,
  ctx: Pick<Caller, 'actor' | 'ip'>,
  r: HourRecord,
  reason: string | undefined,
): Promise<void> {
  await tx.delete(hourRecords).where(eq(hourRecords.id, r.id));
  await writeAudit(tx, ctx, {
    action: 'hours.record.delete',
    targetType: 'hour_record',
    targetId: r.id,
    detail: {
      accountId: r.accountId,
      year: r.year,
      hours: r.hours,
      status: r.status,
      title: r.title,
      startDate: r.startDate,
      endDate: r.endDate,
      reason: reason ?? null,
    },
  });
  if (r.status === 'approved') {
    await emitDomainEvent(tx, {
      type: 'hours.approved-deleted',
      accountId: r.accountId,
      year: r.year,
      payload: { recordId: r.id, hours: r.hours, reason, by: ctx.actor.id },
    });
  }
}

/** The record with that id, locked for the caller's transaction, whoever's scope it is in (or null). */
export async function lockRecordById(tx: Db, id: number): Promise<HourRecord | null> {
  const [r] = await tx.select().from(hourRecords).where(eq(hourRecords.id, id)).for('update');
  return r ?? null;
}
