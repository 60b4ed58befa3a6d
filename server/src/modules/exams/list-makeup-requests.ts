import type { MakeupRequestQuery, MakeupRequestRow } from '@ptce/contracts';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personScope } from '../../auth/scope';
import { accounts, examAttempts, examRounds, makeupRequests, units } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import type { Caller } from '../auth/index';
import { attemptSummary } from './attempt-view';
import { requestView } from './makeup-eligibility';

const decider = alias(accounts, 'decider');

/**
 * Requests with what the help desk needs to decide: the person (masked ID number, unit), the attempts
 * of the round they applied from, the makeups granted before in that year. Within the caller's scope.
 */
export async function makeupRequestRows(
  ctx: Caller,
  q: { ids?: number[]; status?: MakeupRequestQuery['status']; page?: number; pageSize?: number },
): Promise<MakeupRequestRow[]> {
  const where: SQL[] = [personScope(ctx.actor)];
  if (q.ids) where.push(inArray(makeupRequests.id, q.ids));
  if (q.status) where.push(eq(makeupRequests.status, q.status));
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  // 待处理 is a queue: the oldest first. Otherwise the newest first.
  const order =
    q.status === 'pending'
      ? [asc(makeupRequests.createdAt), asc(makeupRequests.id)]
      : [desc(makeupRequests.createdAt), desc(makeupRequests.id)];
  const rows = await ctx.db
    .select({
      r: makeupRequests,
      name: accounts.name,
      idNumber: accounts.idNumber,
      unitName: units.name,
      decidedByName: decider.name,
    })
    .from(makeupRequests)
    .innerJoin(accounts, eq(accounts.id, makeupRequests.accountId))
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(decider, eq(decider.id, makeupRequests.decidedBy))
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (!rows.length) return [];
  const people = [...new Set(rows.map((x) => x.r.accountId))];
  const years = [...new Set(rows.map((x) => x.r.planYear))];
  const [attempts, makeups] = await Promise.all([
    ctx.db
      .select()
      .from(examAttempts)
      .where(and(inArray(examAttempts.accountId, people), inArray(examAttempts.planYear, years)))
      .orderBy(asc(examAttempts.roundNo), asc(examAttempts.attemptNo)),
    ctx.db
      .select()
      .from(examRounds)
      .where(
        and(inArray(examRounds.accountId, people), inArray(examRounds.planYear, years), eq(examRounds.kind, 'makeup')),
      )
      .orderBy(asc(examRounds.roundNo)),
  ]);
  return rows.map(({ r, name, idNumber, unitName, decidedByName }) => ({
    ...requestView(r),
    person: { accountId: r.accountId, name, idNumberMasked: maskIdNumber(idNumber ?? ''), unitName },
    attempts: attempts
      .filter((a) => a.accountId === r.accountId && a.planYear === r.planYear && a.roundNo === r.roundNo)
      .map(attemptSummary),
    previousMakeups: makeups
      .filter((m) => m.accountId === r.accountId && m.planYear === r.planYear && m.roundNo <= r.roundNo)
      .map((m) => ({ roundNo: m.roundNo, openedAt: m.openedAt.toISOString(), reason: m.reason })),
    decidedByName: r.decidedBy ? decidedByName : null,
  }));
}

/** 补考申请 (help desk): the queue, filtered by 待处理 / 已同意 / 已拒绝, a page at a time. */
export async function listMakeupRequests(ctx: Caller, q: MakeupRequestQuery) {
  const where: SQL[] = [personScope(ctx.actor)];
  if (q.status) where.push(eq(makeupRequests.status, q.status));
  const [items, [count]] = await Promise.all([
    makeupRequestRows(ctx, q),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(makeupRequests)
      .innerJoin(accounts, eq(accounts.id, makeupRequests.accountId))
      .where(and(...where)),
  ]);
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
