import { RECORD_STATUS_LABEL, type BatchResult } from '@ptce/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts, hourRecords } from '../../db/schema/index';
import { openYears as openPlanYears, reopenedForSql } from '../plans/index';
import { AppError, invalid, type ErrorCode } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { addHistory } from './history';
import { recordScope, reviewScope } from './record-scope';

/**
 * 通过 / 不通过, one or in batch (批量通过审核 / 批量不通过审核). One conditional UPDATE decides every
 * record still 待初审 in the reviewer's scope and open year; a record withdrawn or decided a moment
 * earlier (by another admin, or by the same request sent twice) is not touched again and is
 * reported back with the reason.
 */
export async function reviewRecords(
  ctx: Caller,
  ids: number[],
  decision: 'approve' | 'reject',
  opinion?: string,
): Promise<BatchResult> {
  if (decision === 'reject' && !opinion?.trim()) throw invalid('opinion', '不通过须填写审核意见');
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => {
    const at = now();
    // Years still open for review: the deadline (Mar 31 of Y+1) has not ended in Shanghai, or was
    // reopened for the record's owner, their unit or the province.
    const openYears = await openPlanYears(tx, at);
    const yearOpen = openYears.length
      ? or(
          inArray(hourRecords.year, openYears),
          reopenedForSql(hourRecords.year, hourRecords.accountId, accounts.unitId, at),
        )!
      : reopenedForSql(hourRecords.year, hourRecords.accountId, accounts.unitId, at);
    const decided = await tx
      .update(hourRecords)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedAt: at,
        decidedBy: ctx.actor.id,
        decidedByName: ctx.actor.name,
        opinion: decision === 'reject' ? opinion!.trim() : opinion?.trim() || null,
        updatedAt: at,
      })
      .from(accounts)
      .where(
        and(
          eq(accounts.id, hourRecords.accountId),
          inArray(hourRecords.id, unique),
          eq(hourRecords.status, 'pending'),
          yearOpen,
          reviewScope(ctx.actor),
        ),
      )
      .returning({
        id: hourRecords.id,
        accountId: hourRecords.accountId,
        year: hourRecords.year,
        hours: hourRecords.hours,
      });
    const done = decided.map((d) => d.id);
    const doneSet = new Set(done);
    const missing = unique.filter((id) => !doneSet.has(id));
    // Each refusal with its error code: a single record refused is that error.
    const refused: Array<{ id: number; code: ErrorCode; reason: string }> = [];
    if (missing.length) {
      const seen = await tx
        .select({
          id: hourRecords.id,
          status: hourRecords.status,
          year: hourRecords.year,
          mine: sql<boolean>`${reviewScope(ctx.actor)}`,
        })
        .from(hourRecords)
        .innerJoin(accounts, eq(accounts.id, hourRecords.accountId))
        .where(and(inArray(hourRecords.id, missing), recordScope(ctx.actor)));
      const byId = new Map(seen.map((s) => [s.id, s]));
      for (const id of missing) {
        const s = byId.get(id);
        if (!s) refused.push({ id, code: 'NOT_FOUND', reason: '记录不存在或不在您的审核范围内' });
        else if (s.status !== 'pending')
          refused.push({
            id,
            code: 'STATE_CHANGED',
            reason: `记录已是“${RECORD_STATUS_LABEL[s.status]}”状态，不能重复审核`,
          });
        else if (!s.mine) refused.push({ id, code: 'NOT_FOUND', reason: '记录不存在或不在您的审核范围内' });
        else refused.push({ id, code: 'YEAR_CLOSED', reason: `${s.year}年度学时审核已截止` });
      }
    }
    if (done.length) {
      await addHistory(tx, done, decision, ctx.actor, { opinion: opinion?.trim() || null });
      await writeAudit(tx, ctx, {
        action: decision === 'approve' ? 'hours.record.approve' : 'hours.record.reject',
        targetType: 'hour_record',
        targetId: done.length === 1 ? done[0] : undefined,
        detail: { count: done.length, ids: done.slice(0, 1000), opinion: opinion ?? null },
      });
    }
    if (!done.length && unique.length === 1) {
      const r = refused[0]!;
      throw new AppError(r.code, r.reason);
    }
    return { done, refused: refused.map(({ id, reason }) => ({ id, reason })) };
  });
}
