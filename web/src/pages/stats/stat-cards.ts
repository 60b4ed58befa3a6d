import type { StatsCounts } from '@ptce/contracts';

/** A headline figure of 统计分析: its title, value and unit. */
export type StatCard = readonly [title: string, value: number, suffix: string];

/** The headline counts of a scope (全区 or one unit): the people, the rates, then `more`, then what waits for review. */
export function countCards(t: StatsCounts, people: string, more: readonly StatCard[] = []): StatCard[] {
  return [
    [people, t.people, '人'],
    ['达标率', t.metRate, '%'],
    ['公需必修完成率', t.compulsoryRate, '%'],
    ...more,
    ['待审核记录', t.pending, '条'],
    ['待审核超过30天', t.pendingOld, '条'],
  ];
}
