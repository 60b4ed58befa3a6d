import { Button, Table } from 'antd';
import type { ImportJob } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';
import { JobStatusTag } from './JobStatusTag';

/** 最近导入: the unit's last jobs; 查看 opens one (not the one on screen). */
export function RecentImports({
  jobs,
  openJobId,
  onOpen,
}: {
  jobs: ImportJob[];
  openJobId: number | null;
  onOpen: (jobId: number) => void;
}) {
  return (
    <div className="ptce-import-recent">
      <h3>最近导入</h3>
      <Table<ImportJob>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={jobs}
        columns={[
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 120,
            render: (v: ImportJob['status']) => <JobStatusTag status={v} />,
          },
          {
            title: '导入/数据行',
            key: 'counts',
            width: 120,
            render: (_: unknown, r) => `${r.importedRows} / ${r.dataRows}`,
          },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, r) => (
              <Button type="link" size="small" disabled={r.id === openJobId} onClick={() => onOpen(r.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
