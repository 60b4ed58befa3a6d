import { Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { FILING_ENROLMENT_LABEL, FILING_STATUS_LABEL, type FilingRow, type FilingStatus } from '@ptce/contracts';

const STATUS_COLOR: Record<FilingStatus, string> = {
  draft: 'default',
  pending: 'blue',
  returned: 'red',
  filed: 'green',
};

export function FilingStatusTag({ status, changePending }: { status: FilingStatus; changePending: boolean }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[status]}>{FILING_STATUS_LABEL[status]}</Tag>
      {changePending && <Tag color="orange">变更待审核</Tag>}
    </Space>
  );
}

/** The columns of a list of filings: the base's own, or a reviewer's queue (with 基地 and 等待天数). */
export function filingColumns({
  reviewer,
  open,
}: {
  reviewer: boolean;
  open: (f: FilingRow) => void;
}): TableColumnsType<FilingRow> {
  return [
    {
      title: '项目名称',
      key: 'name',
      render: (_, f) => (
        <Button type="link" className="ptce-link-button" onClick={() => open(f)}>
          {f.name}
        </Button>
      ),
    },
    ...(reviewer ? [{ title: '继续教育基地', dataIndex: 'baseName', key: 'base' }] : []),
    { title: '备案号', key: 'no', render: (_, f) => f.filingNo ?? '—' },
    { title: '培训时间', key: 'span', render: (_, f) => `${f.startDate} 至 ${f.endDate}` },
    { title: '项目学时', dataIndex: 'hours', key: 'hours', width: 80 },
    { title: '计划人数', dataIndex: 'plannedTrainees', key: 'planned', width: 80 },
    { title: '招生范围', key: 'enrolment', width: 80, render: (_, f) => FILING_ENROLMENT_LABEL[f.enrolment] },
    ...(reviewer
      ? [
          {
            title: '等待天数',
            key: 'age',
            width: 80,
            render: (_: unknown, f: FilingRow) => (f.ageDays === null ? '—' : `${f.ageDays}天`),
          },
        ]
      : []),
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, f) => <FilingStatusTag status={f.status} changePending={f.changePending} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, f) => (
        <Button
          type="link"
          size="small"
          aria-label={`${reviewer ? '审核' : '查看'}：${f.name}`}
          onClick={() => open(f)}
        >
          {reviewer && (f.status === 'pending' || f.changePending) ? '审核' : '查看'}
        </Button>
      ),
    },
  ];
}
