// 学时管理 — 专业科目学时审核结果 (附件2 二(二)3): choose the status first (待提交 / 待初审 /
// 通过认定 / 不予认定), then search by name or ID number; 查看 and 删除 (approved: with a reason,
// and the year's 《继续教育合格证书》 becomes invalid).
import { useState } from 'react';
import { Button, Card, Radio, Table } from 'antd';
import type { RecordRow, RecordStatus } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useUnitResults } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { columnsWidth, recordColumns } from './columns';
import { DeleteRecordModal } from './DeleteRecordModal';
import { STATUS_OPTIONS } from './labels';
import { RecordDetailModal } from './RecordDetail';
import { UnitFilters } from './UnitFilters';
import { PAGE_SIZES, useListParams } from './useListParams';
import './hours.css';
import { ExportButton } from '../../components/list';

const DEFAULT_STATUS: RecordStatus = 'approved';
const UNIT_ROLES = ['unit_account', 'unit_admin', 'dept_admin'];

export default function ResultsPage() {
  const { data: me } = useMe();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useListParams({ status: DEFAULT_STATUS });
  const list = useUnitResults(query);
  const [viewId, setViewId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<RecordRow | null>(null);
  // Authorities review, but only the unit deletes (server: 主管部门不能删除学时记录).
  const canDelete = me?.roles.some((r) => UNIT_ROLES.includes(r)) ?? false;

  const columns = recordColumns({
    person: true,
    status: true,
    reviewer: true,
    decision: query.status === 'approved' || query.status === 'rejected',
    submittedAt: query.status === 'pending',
    fixedActions: desktop,
    actionsWidth: 110,
    actions: (r) => (
      <>
        <Button type="link" size="small" onClick={() => setViewId(r.id)}>
          查看
        </Button>
        {canDelete && (
          <Button type="link" size="small" danger onClick={() => setDeleting(r)}>
            删除
          </Button>
        )}
      </>
    ),
  });

  return (
    <>
      <PageTitle
        extra={
          <ExportButton kind="results" query={{ status: query.status ?? DEFAULT_STATUS, q: query.q, year: query.year }}>
            导出Excel
          </ExportButton>
        }
      >
        专业科目学时审核结果
      </PageTitle>
      <Card className="ptce-section ptce-hours-card">
        <div className="ptce-status-filter">
          <span id="results-status-label" className="ptce-hint ptce-status-filter-label">
            审核状态：
          </span>
          <Radio.Group
            aria-labelledby="results-status-label"
            optionType="button"
            buttonStyle="solid"
            block={!desktop}
            value={query.status ?? DEFAULT_STATUS}
            onChange={(e) => update({ status: e.target.value as RecordStatus })}
            options={STATUS_OPTIONS}
          />
        </div>
        <UnitFilters query={query} update={update} />
        {canDelete && query.status === 'approved' && (
          <p className="ptce-hint ptce-toolbar-hint">
            温馨提示：已通过审核的学时被删除后，如已生成过《继续教育合格证书》，原证书自动失效。请谨慎使用删除功能。
          </p>
        )}
        <ErrorAlert error={list.error} title="审核结果加载失败" />
        <Table<RecordRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: columnsWidth(columns) }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            simple: !desktop,
            showSizeChanger: desktop,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => update({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
          locale={{ emptyText: list.isPending ? '正在加载…' : '没有符合条件的记录' }}
        />
      </Card>
      <RecordDetailModal recordId={viewId} showPerson onClose={() => setViewId(null)} />
      <DeleteRecordModal record={deleting} showPerson onClose={() => setDeleting(null)} />
    </>
  );
}
