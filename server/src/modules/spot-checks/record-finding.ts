import type { SpotCheckFindingInput } from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockRecordById, removeRecord } from '../hours/index';
import { findItem } from './campaign-scope';

/**
 * 核查结论 of one sampled record, by one of its unit's drawn inspectors, once the unit has answered or its
 * answer is overdue. 不属实 is final: the record is sent back — deleted by the hours area's own deletion
 * (audited, and approved hours revoke that year's certificate) in the same transaction — and the person and
 * the unit find it among their 待办 until they open it.
 */
export async function recordFinding(ctx: Caller, itemId: number, input: SpotCheckFindingInput) {
  return ctx.db.transaction(async (tx) => {
    const a = await findItem(tx, ctx.actor, itemId, true);
    if (!a.inspector) throw new AppError('FORBIDDEN', '只有抽中该单位的检查人员可以记录核查结论');
    if (a.status !== 'open') throw new AppError('STATE_CHANGED', '该抽查已结束');
    if (!a.answered && shanghaiDate() <= a.answer_due)
      throw new AppError('STATE_CHANGED', `单位尚未答复，答复截止日期（${a.answer_due}）前不能记录结论`);
    if (a.finding === 'false') throw new AppError('STATE_CHANGED', '该记录已核查为不属实，学时已核减，结论不能再修改');
    const at = now();
    let removed = false;
    const item = (
      await tx.execute(sql`SELECT record_id::int AS record_id, account_id, title, hours::float8 AS hours
        FROM spot_check_items WHERE id = ${itemId}`)
    ).rows[0] as { record_id: number; account_id: number; title: string; hours: number };
    if (input.finding === 'false') {
      const record = await lockRecordById(tx, Number(item.record_id));
      if (record && record.accountId === Number(item.account_id)) {
        await removeRecord(tx, ctx, record, `抽查核查不属实：${input.note}`);
        removed = true;
      }
    }
    await tx.execute(sql`UPDATE spot_check_items SET finding = ${input.finding}, finding_note = ${input.note || null},
      found_by = ${ctx.actor.id}, found_by_name = ${ctx.actor.name}, found_at = ${at},
      hours_removed_at = ${removed ? at : null}
      WHERE id = ${itemId}`);
    await writeAudit(tx, ctx, {
      action: 'spotcheck.finding',
      targetType: 'spot_check_item',
      targetId: itemId,
      detail: {
        campaignId: Number(a.campaign_id),
        recordId: Number(item.record_id),
        accountId: Number(item.account_id),
        before: a.finding ? SPOT_CHECK_FINDING_LABELS[a.finding as keyof typeof SPOT_CHECK_FINDING_LABELS] : null,
        finding: SPOT_CHECK_FINDING_LABELS[input.finding],
        note: input.note,
        hoursRemoved: removed ? Number(item.hours) : 0,
      },
    });
    return { removed };
  });
}
