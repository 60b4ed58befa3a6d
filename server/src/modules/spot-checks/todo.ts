import type { TodoItem } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import type { Caller } from '../auth/index';
import { unitOf } from './campaign-scope';

/** Spot checks are rare: an item shows only while something waits (a count of 0 would sit on every landing page). */
const waiting = (items: TodoItem[]) => items.filter((i) => i.count > 0);

const count = async (ctx: Caller, q: ReturnType<typeof sql>) =>
  Number(((await ctx.db.execute(q)).rows[0] as { n: number } | undefined)?.n ?? 0);

/** 待答复的抽查 of a sampled unit, and its records found 不属实 it has not opened yet. */
export async function unitSpotChecksTodo(ctx: Caller): Promise<TodoItem[]> {
  const unitId = unitOf(ctx.actor);
  if (!unitId) return [];
  const open = await count(
    ctx,
    sql`SELECT count(*)::int AS n FROM spot_check_units su JOIN spot_check_campaigns c ON c.id = su.campaign_id
      WHERE su.unit_id = ${unitId} AND su.answered_at IS NULL AND c.status = 'open'`,
  );
  const removed = await count(
    ctx,
    sql`SELECT count(*)::int AS n FROM spot_check_items i JOIN spot_check_units su ON su.id = i.campaign_unit_id
      WHERE su.unit_id = ${unitId} AND i.finding = 'false' AND i.unit_seen_at IS NULL`,
  );
  return waiting([
    { key: 'spotcheck-answer', label: '待答复的抽查', count: open, link: '/spot-checks/unit', hint: null },
    {
      key: 'spotcheck-unit-false',
      label: '抽查核查不属实的学时记录',
      count: removed,
      link: '/spot-checks/unit',
      hint: null,
    },
  ]);
}

/** A drawn inspector's sampled records still without a finding. */
export async function inspectorTodo(ctx: Caller): Promise<TodoItem[]> {
  if (!['authority', 'hr_bureau', 'operator'].includes(ctx.actor.kind)) return [];
  const n = await count(
    ctx,
    sql`SELECT count(*)::int AS n FROM spot_check_inspectors si
      JOIN spot_check_units su ON su.id = si.campaign_unit_id
      JOIN spot_check_campaigns c ON c.id = su.campaign_id
      JOIN spot_check_items i ON i.campaign_unit_id = su.id
      WHERE si.account_id = ${ctx.actor.id} AND c.status = 'open' AND i.finding IS NULL`,
  );
  return waiting([{ key: 'spotcheck-inspect', label: '待核查的抽查记录', count: n, link: '/spot-checks', hint: null }]);
}

/** A professional's records found 不属实 (hours removed) not yet opened. */
export async function personSpotCheckTodo(ctx: Caller): Promise<TodoItem[]> {
  if (ctx.actor.kind !== 'professional') return [];
  const n = await count(
    ctx,
    sql`SELECT count(*)::int AS n FROM spot_check_items
      WHERE account_id = ${ctx.actor.id} AND finding = 'false' AND person_seen_at IS NULL`,
  );
  return waiting([
    { key: 'spotcheck-person', label: '抽查核查不属实、已核减的学时', count: n, link: '/spot-checks/mine', hint: null },
  ]);
}
