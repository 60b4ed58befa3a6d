import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TableColumnsType } from 'antd';
import type { StatsAreaRow, StatsCounts, StatsUnitRow } from '@ptce/contracts';

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

/** A drill-down inside the page (an area, an industry): a link by role, opened by a click or Enter. */
function DrillLink({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <a role="link" tabIndex={0} onClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
      {children}
    </a>
  );
}

/** 各地区: cities, or a city's counties (`childLevel`), each opening its own figures; a county opens nothing. */
export function areaColumns(childLevel: string | null | undefined, open: (code: string) => void) {
  const columns: TableColumnsType<StatsAreaRow> = [
    {
      title: childLevel === 'county' ? '县（市、区）' : '地区',
      dataIndex: 'name',
      render: (name: string, r) => (childLevel ? <DrillLink onOpen={() => open(r.code)}>{name}</DrillLink> : name),
    },
    ...countColumns<StatsAreaRow>(),
  ];
  return columns;
}

/** 各行业: each industry narrows the page to itself. */
export function industryColumns(open: (code: string) => void) {
  const columns: TableColumnsType<StatsAreaRow> = [
    {
      title: '行业',
      dataIndex: 'name',
      render: (name: string, r) => <DrillLink onOpen={() => open(r.code)}>{name}</DrillLink>,
    },
    ...countColumns<StatsAreaRow>(),
  ];
  return columns;
}

/** 单位排名: each unit opens its people for the year. */
export function unitColumns(year: number) {
  const columns: TableColumnsType<StatsUnitRow> = [
    {
      title: '单位',
      dataIndex: 'unitName',
      render: (name: string, r) => <Link to={`/stats/units/${r.unitId}?year=${year}`}>{name}</Link>,
    },
    { title: '地区', dataIndex: 'regionName', width: 100 },
    ...countColumns<StatsUnitRow>(),
  ];
  return columns;
}
