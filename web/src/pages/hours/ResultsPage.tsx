// 学时管理 — 专业科目学时审核结果 (附件2 二(二)3): choose the status first (待提交 / 待初审 /
// 通过认定 / 不予认定), then search by name or ID number; 查看 and 删除 (approved: with a reason,
// and the year's 《继续教育合格证书》 becomes invalid).
import { useState } from 'react';
import { Button, Card, Radio } from 'antd';
import type { RecordRow, RecordStatus } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useUnitResults } from '../../api/hours';
import { ExportButton, ListHint, ListTable, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { recordColumns } from './columns';
import { DeleteRecordModal } from './DeleteRecordModal';
import { STATUS_OPTIONS } from './labels';
import { RecordDetailModal } from './RecordDetail';
import { RESULTS_LIST } from './list-params';
import { UnitFilters } from './UnitFilters';
import './hours.css';

const UNIT_ROLES = ['unit_account', 'unit_admin', 'dept_admin'];

export default function ResultsPage() {
  const { data: me } = useMe();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useUrlParams(RESULTS_LIST);
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
        {/* A class's hours are corrected by its organiser, not deleted by the unit. */}
        {canDelete && r.source !== 'class' && (
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
          <ExportButton kind="results" query={{ status: query.status, q: query.q, year: query.year }}>
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
            value={query.status}
            onChange={(e) => update({ status: e.target.value as RecordStatus })}
            options={STATUS_OPTIONS}
          />
        </div>
        <UnitFilters query={query} update={update} />
        {canDelete && query.status === 'approved' && (
          <ListHint>
            温馨提示：已通过审核的学时被删除后，如已生成过《继续教育合格证书》，原证书自动失效。请谨慎使用删除功能。
          </ListHint>
        )}
        <ListTable<RecordRow>
          rowKey="id"
          size="middle"
          columns={columns}
          // At 1280 px 审核意见 stays in the row; where it was sent and when it was decided fold first.
          fold={['reviewer', 'decidedAt', 'submittedAt', 'span']}
          result={list}
          errorTitle="审核结果加载失败"
          empty="没有符合条件的记录"
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>
      <RecordDetailModal recordId={viewId} showPerson onClose={() => setViewId(null)} />
      <DeleteRecordModal record={deleting} showPerson onClose={() => setDeleting(null)} />
    </>
  );
}
