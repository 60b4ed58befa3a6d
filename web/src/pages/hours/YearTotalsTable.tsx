// 培训总体查询 — per year: 公需科目学时, 专业科目学时, 总学时. Used for oneself (学时查询) and, on the
// unit side, for a staff member (专业科目学时查询).
import { Button, Table, Tooltip, type TableProps } from 'antd';
import type { YearTotals } from '@ptce/contracts';
import { hoursText } from './labels';

export function YearTotalsTable({
  rows,
  loading,
  selectedYear,
  onSelectYear,
  caption,
}: {
  rows: YearTotals[];
  loading: boolean;
  selectedYear?: number;
  /** Click a year → that year's records below (附件2 一(四)). */
  onSelectYear?: (year: number) => void;
  caption: string;
}) {
  const columns: TableProps<YearTotals>['columns'] = [
    {
      title: '年度',
      dataIndex: 'year',
      render: (y: number) =>
        onSelectYear ? (
          <Button
            type="link"
            className="ptce-link-btn"
            aria-pressed={selectedYear === y}
            onClick={(e) => {
              e.stopPropagation();
              onSelectYear(y);
            }}
          >
            {y}年度
          </Button>
        ) : (
          `${y}年度`
        ),
    },
    {
      title: '公需科目学时',
      dataIndex: 'publicHours',
      align: 'right',
      render: (v: number, r) => (
        <Tooltip title={`必修课 ${hoursText(r.compulsoryHours)} 学时，选修课 ${hoursText(r.electiveHours)} 学时`}>
          <span tabIndex={0} className="ptce-num">
            {hoursText(v)}
          </span>
        </Tooltip>
      ),
    },
    {
      title: '专业科目学时',
      dataIndex: 'professionalHours',
      align: 'right',
      render: (v: number) => <span className="ptce-num">{hoursText(v)}</span>,
    },
    {
      title: '总学时',
      dataIndex: 'totalHours',
      align: 'right',
      render: (v: number) => <strong className="ptce-num">{hoursText(v)}</strong>,
    },
    {
      title: '待审核',
      dataIndex: 'pendingCount',
      align: 'right',
      render: (v: number) => (v > 0 ? `${v} 条` : '—'),
    },
  ];
  return (
    <Table<YearTotals>
      rowKey="year"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      tableLayout="auto"
      aria-label={caption}
      rowClassName={(r) => (r.year === selectedYear ? 'ptce-row-selected' : '')}
      onRow={(r) => (onSelectYear ? { onClick: () => onSelectYear(r.year), className: 'ptce-row-clickable' } : {})}
      locale={{ emptyText: loading ? '正在加载…' : '暂无学时记录' }}
    />
  );
}
