import type { RecordInput } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { hourRecords } from '../../db/schema/index';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { refuseDuplicate } from './duplicate-record';
import { findRecord } from './find-record';
import { addHistory } from './history';
import { validateRecord } from './validate-record';

/**
 * 修改: the owner edits a draft or a rejected record (which becomes a draft again); unit staff edit
 * the drafts registered on the unit side.
 */
export async function updateRecord(ctx: Caller, id: number, input: RecordInput): Promise<{ hours: number }> {
  return ctx.db.transaction(async (tx) => {
    const r = await findRecord(ctx, tx, id, { lock: true });
    if (r.status !== 'draft' && r.status !== 'rejected') {
      throw new AppError(
        'STATE_CHANGED',
        r.status === 'pending' ? '记录待初审中，请先撤回再修改' : '记录已通过认定，不能修改',
      );
    }
    if (ctx.actor.kind !== 'professional' && r.source === 'self')
      throw new AppError('FORBIDDEN', '个人登记的记录只能由本人修改');
    const { year, hours } = await validateRecord(tx, input, { personId: r.accountId });
    await refuseDuplicate(tx, { id: r.accountId, unitId: r.unitId }, input, id);
    await tx
      .update(hourRecords)
      .set({
        ...input,
        year,
        hours,
        status: 'draft',
        opinion: null,
        decidedAt: null,
        decidedBy: null,
        decidedByName: null,
        declaredAt: now(),
        updatedAt: now(),
      })
      .where(eq(hourRecords.id, id));
    await addHistory(tx, [id], 'update', ctx.actor);
    await writeAudit(tx, ctx, {
      action: 'hours.record.update',
      targetType: 'hour_record',
      targetId: id,
      detail: { year, hours },
    });
    return { hours };
  });
}
