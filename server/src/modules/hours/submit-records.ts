import { RECORD_STATUS_LABEL, type BatchResult } from '@ptce/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts, authorities, hourRecords, units } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { addHistory } from './history';
import { recordScope } from './record-scope';
import { yearClosed } from './plan-window';

/**
 * 批量提交至本单位审核 / 提交至主管部门审核 (person side) and 批量提交审核 (unit side): drafts go to
 * 待初审 at the person's current unit, or at the chosen authority.
 */
export async function submitRecords(
  ctx: Caller,
  ids: number[],
  target: 'unit' | 'authority',
  authorityId?: number,
): Promise<BatchResult> {
  return ctx.db.transaction(async (tx) => {
    let authorityName: string | null = null;
    if (target === 'authority') {
      if (!authorityId) throw invalid('authorityId', '请选择主管部门');
      const [a] = await tx.select().from(authorities).where(eq(authorities.id, authorityId));
      if (!a) throw invalid('authorityId', '主管部门不存在');
      authorityName = a.name;
    }
    const rows = await tx
      .select({ r: hourRecords, personUnitId: accounts.unitId, unitName: units.name })
      .from(hourRecords)
      .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
      .leftJoin(units, eq(units.id, accounts.unitId))
      .where(and(inArray(hourRecords.id, ids), recordScope(ctx.actor)))
      .for('update', { of: hourRecords });
    const found = new Map(rows.map((x) => [x.r.id, x]));
    const refused: BatchResult['refused'] = [];
    const done: number[] = [];
    const at = now();
    for (const id of ids) {
      const x = found.get(id);
      if (!x) {
        refused.push({ id, reason: '记录不存在或无权操作' });
        continue;
      }
      if (x.r.status !== 'draft') {
        refused.push({ id, reason: `记录状态为“${RECORD_STATUS_LABEL[x.r.status]}”，只有待提交的记录可以提交` });
        continue;
      }
      const closed = await yearClosed(tx, x.r.year, { personId: x.r.accountId, unitId: x.personUnitId });
      if (closed) {
        refused.push({ id, reason: closed.reason });
        continue;
      }
      if (target === 'unit' && !x.personUnitId) {
        refused.push({ id, reason: '该人员没有所在单位，请先在“我的信息”中选择单位' });
        continue;
      }
      await tx
        .update(hourRecords)
        .set(
          target === 'unit'
            ? {
                status: 'pending',
                reviewTarget: 'unit',
                unitId: x.personUnitId,
                authorityId: null,
                submittedAt: at,
                submittedBy: ctx.actor.id,
                updatedAt: at,
              }
            : {
                status: 'pending',
                reviewTarget: 'authority',
                authorityId,
                submittedAt: at,
                submittedBy: ctx.actor.id,
                updatedAt: at,
              },
        )
        .where(eq(hourRecords.id, id));
      await addHistory(tx, [id], 'submit', ctx.actor, { targetName: target === 'unit' ? x.unitName : authorityName });
      done.push(id);
    }
    if (done.length) {
      await writeAudit(tx, ctx, {
        action: 'hours.record.submit',
        targetType: 'hour_record',
        targetId: done.length === 1 ? done[0] : undefined,
        detail: { ids: done, target, authorityId: authorityId ?? null },
      });
    }
    if (!done.length && refused.length === 1) throw new AppError('STATE_CHANGED', refused[0]!.reason);
    return { done, refused };
  });
}
