import { useState } from 'react';
import { Pagination, Table, type TableProps } from 'antd';
import type { ImportJob, ImportRowError } from '@ptce/contracts';
import { useImportErrors } from '../../api/imports';
import { ErrorAlert } from '../../components/ErrorAlert';

const ERROR_PAGE_SIZE = 20;

type ProblemLine = ImportRowError & {
  key: string;
  column: string | null;
  reason: string;
  first: boolean;
  span: number;
};

const errorColumns: TableProps<ProblemLine>['columns'] = [
  { title: '行号', dataIndex: 'row', width: 90, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
  { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '整行' },
  { title: '错误原因', dataIndex: 'reason' },
];

/**
 * The bad rows of a finished job, paged by row on the server; a row with several problems spans
 * several table lines. Give it `key={job.id}` so another job starts again on page 1.
 */
export function JobErrorsTable({ job }: { job: ImportJob }) {
  const [page, setPage] = useState(1);
  const errors = useImportErrors(job.id, page, ERROR_PAGE_SIZE, true);

  const rows: ProblemLine[] = (errors.data?.items ?? []).flatMap((e) =>
    e.problems.map((p, i) => ({
      ...e,
      key: `${e.row}-${i}`,
      column: p.column,
      reason: p.reason,
      first: i === 0,
      span: e.problems.length,
    })),
  );

  return (
    <>
      <ErrorAlert error={errors.error} title="错误行加载失败" />
      <Table
        size="small"
        bordered
        rowKey="key"
        columns={errorColumns}
        dataSource={rows}
        loading={errors.isFetching}
        pagination={false}
        locale={{ emptyText: errors.isPending ? '正在加载…' : '无' }}
      />
      <Pagination
        className="ptce-import-pager"
        align="end"
        current={page}
        pageSize={ERROR_PAGE_SIZE}
        total={errors.data?.total ?? 0}
        showSizeChanger={false}
        showTotal={(t) => `共 ${t} 行有错误`}
        onChange={setPage}
      />
    </>
  );
}
