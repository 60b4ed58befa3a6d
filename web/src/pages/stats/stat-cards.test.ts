import { describe, expect, it } from 'vitest';
import type { StatsCounts } from '@ptce/contracts';
import { countCards } from './stat-cards';

const TOTALS: StatsCounts = {
  people: 120,
  met: 90,
  metRate: 75,
  compulsoryDone: 96,
  compulsoryRate: 80,
  avgProfessional: 42.5,
  pending: 7,
  pendingOld: 2,
};

describe('the headline counts of 统计分析', () => {
  it('shows people, the two rates and what waits for review, in that order', () => {
    expect(countCards(TOTALS, '人数')).toEqual([
      ['人数', 120, '人'],
      ['达标率', 75, '%'],
      ['公需必修完成率', 80, '%'],
      ['待审核记录', 7, '条'],
      ['待审核超过30天', 2, '条'],
    ]);
  });

  it('puts a page’s own figures after the rates and before the review counts', () => {
    const cards = countCards(TOTALS, '专业技术人员', [['人均专业科目学时', 42.5, '']]);
    expect(cards.map(([title]) => title)).toEqual([
      '专业技术人员',
      '达标率',
      '公需必修完成率',
      '人均专业科目学时',
      '待审核记录',
      '待审核超过30天',
    ]);
  });
});
