import { eq } from 'drizzle-orm';
import { hourRecords } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { emitDomainEvent } from '../../events/domain-events';
import { writeAudit } from '../audit/index';
import { findRecord } from './find-record';
import { openPlan } from './plan-window';

/**
 * 删除. The owner deletes a draft, a rejected record, or one still 待初审 that went to the wrong unit.
 * Unit staff delete records of their scope, including approved ones — only with a reason, audited,
 * and raising `hours.approved-deleted` (which revokes that year's continuing-education certificate).
 */
export async function deleteRecord(ctx: Caller, id: number, reason: string | undefined): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await findRecord(ctx, tx, id, { lock: true });
    const isOwner = ctx.actor.kind === 'professional';
    if (r.status === 'approved') {
      if (isOwner) throw new AppError('FORBIDDEN', '已通过认定的记录需由单位管理员删除');
      if (!reason) throw invalid('reason', '删除已通过认定的学时须填写删除原因');
    }
    if (ctx.actor.kind === 'authority') throw new AppError('FORBIDDEN', '主管部门不能删除学时记录');
    await openPlan(tx, r.year, 'year', { personId: r.accountId });
    await tx.delete(hourRecords).where(eq(hourRecords.id, id));
    const snapshot = {
      accountId: r.accountId,
      year: r.year,
      hours: r.hours,
      status: r.status,
      title: r.title,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    await writeAudit(tx, ctx, {
      action: 'hours.record.delete',
      targetType: 'hour_record',
      targetId: id,
      detail: { ...snapshot, reason: reason ?? null },
    });
    if (r.status === 'approved') {
      await emitDomainEvent(tx, {
        type: 'hours.approved-deleted',
        accountId: r.accountId,
        year: r.year,
        payload: { recordId: id, hours: r.hours, reason, by: ctx.actor.id },
      });
    }
  });
}
