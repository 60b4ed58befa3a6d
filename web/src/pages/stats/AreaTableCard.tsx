import { Card, type TableColumnsType } from 'antd';
import type { StatsAreaRow } from '@ptce/contracts';
import { ListTable, rowsResult } from '../../components/list';
import { exportStatsTable } from './stats-download';
import { StatsDownloadButton } from './StatsDownloadButton';

/** 各地区 or 各行业 of 统计分析: the counts per area (or industry), exported to Excel with the page's filters. */
export function AreaTableCard({
  title,
  table,
  filter,
  rows,
  columns,
}: {
  title: string;
  table: 'areas' | 'industries';
  filter: Parameters<typeof exportStatsTable>[1];
  rows: readonly StatsAreaRow[];
  columns: TableColumnsType<StatsAreaRow>;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={<StatsDownloadButton run={() => exportStatsTable(table, filter)}>导出Excel</StatsDownloadButton>}
    >
      <ListTable<StatsAreaRow>
        rowKey="code"
        size="small"
        columns={columns}
        result={rowsResult(rows)}
        empty="范围内没有单位"
      />
    </Card>
  );
}
