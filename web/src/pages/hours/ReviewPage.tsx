// 学时管理 — 专业科目学时审核 (附件2 二(二)): the records submitted to this unit (or authority) that
// wait for the first review. 通过 / 不通过 (审核意见 required), 批量通过审核 / 批量不通过审核.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { RejectRequest, type BatchResult, type RecordRow } from '@ptce/contracts';
import { useApproveRecords, useRejectRecords, useReviewQueue } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListHint, ListTable, useSelection, useUrlParams, withCount } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useFocusOnOpen } from '../../components/useFocusOnOpen';
import { zodRule } from '../../lib/form';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { recordColumns } from './columns';
import { BatchOutcomeAlert, asBatchResult, useBatchOutcome, useSlowProgress } from './feedback';
import { hoursErrorMessage } from './labels';
import { RecordDetailModal } from './RecordDetail';
import { RECORD_LIST } from './list-params';
import { UnitFilters } from './UnitFilters';
import './hours.css';

export default function ReviewPage() {
  const { message, modal } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useUrlParams(RECORD_LIST);
  const list = useReviewQueue(query);
  const approve = useApproveRecords();
  const reject = useRejectRecords();
  const batch = useBatchOutcome();
  useSlowProgress(approve.isPending, '正在审核通过…');
  useSlowProgress(reject.isPending, '正在审核不通过…');

  const [viewId, setViewId] = useState<number | null>(null);
  const selection = useSelection<RecordRow>((r) => r.id);
  const selected = selection.rows;
  /** The records the 审核意见 dialog is about to reject. */
  const [rejecting, setRejecting] = useState<RecordRow[] | null>(null);

  const known = new Map<number, RecordRow>();
  for (const r of list.data?.items ?? []) known.set(r.id, r);
  for (const r of selected) known.set(r.id, r);
  const describe = (id: number) => {
    const r = known.get(id);
    return r ? `${r.personName} · ${r.title}` : `记录 #${id}`;
  };

  /** One decision for some records; a single record refused comes back as an error, shown the same way. */
  const decide = async (action: '通过' | '不通过', rows: RecordRow[], run: (ids: number[]) => Promise<BatchResult>) => {
    const ids = rows.map((r) => r.id);
    try {
      const result = await run(ids);
      if (ids.length === 1 && result.refused.length === 0) void message.success(`已${action}：${describe(ids[0]!)}`);
      else batch.show(action, result, describe);
    } catch (e) {
      const asBatch = asBatchResult(ids, e);
      if (asBatch) batch.show(action, asBatch, describe);
      else {
        void message.error(hoursErrorMessage(e));
        throw e;
      }
    }
    selection.remove(ids);
  };

  const approveRows = (rows: RecordRow[]) => decide('通过', rows, (ids) => approve.mutateAsync({ ids }));

  const batchApprove = () =>
    modal.confirm({
      title: '批量通过审核',
      content: `确认选中的 ${selected.length} 条学时登记已核实无误，全部审核通过？通过后专业技术人员获得相应学时。`,
      okText: '批量通过审核',
      onOk: () => approveRows(selected).catch(() => undefined),
    });

  const columns = recordColumns({
    person: true,
    evidence: true,
    fixedActions: desktop,
    actionsWidth: 160,
    actions: (r) => (
      <>
        <Button type="link" size="small" onClick={() => setViewId(r.id)}>
          查看
        </Button>
        <Popconfirm
          title="通过"
          description={`确认通过“${r.personName}”的这条学时登记（${r.hours} 学时）？`}
          okText="通过"
          onConfirm={() => approveRows([r]).catch(() => undefined)}
        >
          <Button
            type="link"
            size="small"
            loading={approve.isPending && approve.variables?.ids.length === 1 && approve.variables.ids[0] === r.id}
          >
            通过
          </Button>
        </Popconfirm>
        <Button type="link" size="small" danger onClick={() => setRejecting([r])}>
          不通过
        </Button>
      </>
    ),
  });

  return (
    <>
      <PageTitle>专业科目学时审核</PageTitle>
      <BatchOutcomeAlert outcome={batch.outcome} onClose={batch.clear} />
      <Card className="ptce-section ptce-hours-card">
        <UnitFilters
          query={query}
          update={update}
          actions={
            <>
              <Button
                type="primary"
                disabled={selected.length === 0}
                loading={approve.isPending && selected.length > 1}
                onClick={batchApprove}
              >
                {withCount('批量通过审核', selected.length)}
              </Button>
              <Button
                danger
                disabled={selected.length === 0}
                loading={reject.isPending && selected.length > 1}
                onClick={() => setRejecting(selected)}
              >
                批量不通过审核
              </Button>
            </>
          }
        />
        <ListHint>
          {selected.length > 0
            ? `已选择 ${selected.length} 条记录`
            : '本单位专业技术人员提交的学时登记，以及单位管理员为本单位专业技术人员登记的学时。'}
        </ListHint>
        <ListTable<RecordRow>
          rowKey="id"
          size="middle"
          columns={columns}
          result={list}
          errorTitle="待审核记录加载失败"
          empty="暂无待审核的学时登记"
          selection={{ state: selection, checkbox: (r) => ({ 'aria-label': `选择：${r.personName} ${r.title}` }) }}
          paging={{
            page: query.page,
            pageSize: query.pageSize,
            onChange: update,
            totalText: (t) => `共 ${t} 条待审核`,
          }}
        />
      </Card>

      <RecordDetailModal recordId={viewId} showPerson onClose={() => setViewId(null)} />
      <OpinionModal
        rows={rejecting}
        pending={reject.isPending}
        onClose={() => setRejecting(null)}
        onSubmit={async (opinion) => {
          if (!rejecting) return;
          await decide('不通过', rejecting, (ids) => reject.mutateAsync({ ids, opinion }));
          setRejecting(null);
        }}
      />
    </>
  );
}

/** 不通过 / 批量不通过审核: one 审核意见, required, saying why (附件2 二(二)). */
function OpinionModal({
  rows,
  pending,
  onClose,
  onSubmit,
}: {
  rows: RecordRow[] | null;
  pending: boolean;
  onClose: () => void;
  onSubmit: (opinion: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ opinion: string }>();
  const [error, setError] = useState<unknown>(null);
  const { ref, focusOnOpen } = useFocusOnOpen<TextAreaRef>();
  const many = (rows?.length ?? 0) > 1;
  return (
    <Modal
      {...focusOnOpen}
      title={many ? '批量不通过审核' : '不通过'}
      open={rows !== null}
      onCancel={onClose}
      okText={many ? '批量不通过审核' : '不通过'}
      okButtonProps={{ danger: true, loading: pending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        name="review-opinion"
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          onSubmit(v.opinion.trim()).catch(setError);
        }}
      >
        <p>
          {many
            ? `将选中的 ${rows?.length} 条学时登记审核为“不予认定”，以下审核意见适用于全部记录。`
            : rows?.[0] && `将“${rows[0].personName}”的学时登记“${rows[0].title}”审核为“不予认定”。`}
        </p>
        <Form.Item label="审核意见" name="opinion" required rules={[zodRule(RejectRequest.shape.opinion)]}>
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            ref={ref}
            placeholder="请说明不通过的原因，专业技术人员可在审核进度中看到"
          />
        </Form.Item>
        <ErrorAlert error={error} title="审核失败" />
      </Form>
    </Modal>
  );
}
