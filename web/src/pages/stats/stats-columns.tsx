import type { TableColumnsType } from 'antd';
import type { StatsCounts } from '@ptce/contracts';

/** The counts every table of the page shows after its first column (narrow: their titles wrap). */
export function countColumns<T extends StatsCounts>(): TableColumnsType<T> {
  return [
    { title: '人数', dataIndex: 'people', align: 'right', width: 76 },
    { title: '达标率', dataIndex: 'metRate', align: 'right', width: 76, render: (v: number) => `${v}%` },
    {
      title: '公需必修完成率',
      dataIndex: 'compulsoryRate',
      align: 'right',
      width: 84,
      render: (v: number) => `${v}%`,
    },
    { title: '人均专业学时', dataIndex: 'avgProfessional', align: 'right', width: 84 },
    { title: '待审核', dataIndex: 'pending', align: 'right', width: 76 },
    { title: '超30天', dataIndex: 'pendingOld', align: 'right', width: 76 },
  ];
}

export const thisYear = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
export const STATS_YEARS = [thisYear, thisYear - 1, thisYear - 2];

export const asOfText = (at: string | null | undefined) =>
  at
    ? `数据时间：${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(at))}`
    : '数据尚未统计';
