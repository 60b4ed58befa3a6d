import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { findRecord } from './find-record';
import { openPlan } from './plan-window';
import { removeRecord } from './remove-record';

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
    // Records an industry system pushed (行业学时对接) are corrected by that system, or by the operator.
    if (r.source === 'integration' && ctx.actor.kind !== 'operator') {
      throw new AppError('FORBIDDEN', '行业系统推送的学时只能由该行业系统或平台运营方更正');
    }
    // A class's hours (培训班导入) are corrected or withdrawn by the class's organiser, in the class.
    if (r.source === 'class') {
      throw new AppError('FORBIDDEN', '培训班导入的学时只能由举办机构在培训班中更正或撤销');
    }
    await openPlan(tx, r.year, 'year', { personId: r.accountId });
    await removeRecord(tx, ctx, r, reason);
  });
}
