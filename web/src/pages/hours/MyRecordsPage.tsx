// 我的学时 — 学时登记 (附件2 一(一)–(三)): 新登记培训, 查看/修改/删除, 批量提交至本单位审核,
// 提交至主管部门审核.
import { useState } from 'react';
import { App, Button, Card, Form, Modal, type RefSelectProps } from 'antd';
import { useMe } from '../../api/auth';
import { useMyRecords } from '../../api/hours';
import { PageTitle } from '../../components/PageTitle';
import { useFocusOnOpen } from '../../components/useFocusOnOpen';
import { ListToolbar, useUrlParams, withCount } from '../../components/list';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { recordColumns } from './columns';
import { DraftRecordsList } from './DraftRecordsList';
import { BatchOutcomeAlert, asBatchResult } from './feedback';
import { hoursErrorMessage } from './labels';
import { AuthoritySelect } from './pickers';
import { RECORD_LIST } from './list-params';
import { StatusYearFilters, useRecordSubmission } from './RecordFilters';
import { useRecordDialogs } from './useRecordDialogs';
import './hours.css';

export default function MyRecordsPage() {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useUrlParams(RECORD_LIST);
  const list = useMyRecords(query);
  const { submit, batch, selection } = useRecordSubmission();
  const dialogs = useRecordDialogs({
    side: 'self',
    // An approved record stays; the rest may be deleted.
    deletable: (r) => r.status !== 'approved',
    onDeleted: (id) => selection.remove([id]),
  });
  const selected = selection.rows;
  const [authorityOpen, setAuthorityOpen] = useState(false);

  const describe = (id: number) => {
    const r = selected.find((x) => x.id === id) ?? list.data?.items.find((x) => x.id === id);
    return r ? r.title : `记录 #${id}`;
  };

  const runSubmit = async (body: { target: 'unit' | 'authority'; authorityId?: number }) => {
    const ids = selected.map((r) => r.id);
    try {
      const result = await submit.mutateAsync({ ids, ...body });
      batch.show('提交', result, describe);
      selection.clear();
    } catch (e) {
      const asBatch = asBatchResult(ids, e);
      if (asBatch) {
        batch.show('提交', asBatch, describe);
        selection.clear();
      } else void message.error(hoursErrorMessage(e));
    }
  };

  const submitToUnit = () => {
    const unitName = me?.unit?.name;
    modal.confirm({
      title: '批量提交至本单位审核',
      content: (
        <div>
          <p>
            将选中的 {selected.length} 条记录提交至 <strong>{unitName}</strong> 审核。
          </p>
          <p className="ptce-hint">提交前请仔细核查登记信息。如单位有变动，请先在【我的信息】处更改所在单位信息。</p>
        </div>
      ),
      okText: '确认提交',
      onOk: () => runSubmit({ target: 'unit' }),
    });
  };

  const columns = recordColumns({
    status: true,
    reviewer: true,
    evidence: true,
    actions: dialogs.actions,
    actionsWidth: 150,
    fixedActions: desktop,
  });

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={dialogs.add}>
            新登记培训
          </Button>
        }
      >
        学时登记
      </PageTitle>
      <BatchOutcomeAlert outcome={batch.outcome} onClose={batch.clear} />
      <Card className="ptce-section ptce-hours-card">
        <ListToolbar
          filters={
            <>
              <StatusYearFilters status={query.status} year={query.year} onChange={update} />
            </>
          }
          actions={
            <>
              <Button
                type="primary"
                disabled={selected.length === 0 || !me?.unit}
                loading={submit.isPending && submit.variables?.target === 'unit'}
                onClick={submitToUnit}
              >
                {withCount('批量提交至本单位审核', selected.length)}
              </Button>
              <Button
                disabled={selected.length === 0}
                loading={submit.isPending && submit.variables?.target === 'authority'}
                onClick={() => setAuthorityOpen(true)}
              >
                提交至主管部门审核
              </Button>
            </>
          }
        />
        <DraftRecordsList
          idleHint="勾选“待提交”的记录后提交审核；“待初审”的记录可在【学时查询—培训登记详情】中撤回。"
          empty="暂无登记记录，点击“新登记培训”开始登记"
          rowName={(r) => r.title}
          columns={columns}
          result={list}
          selection={selection}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>

      {dialogs.dialogs}
      <AuthoritySubmitModal
        open={authorityOpen}
        count={selected.length}
        onClose={() => setAuthorityOpen(false)}
        onSubmit={async (authorityId) => {
          setAuthorityOpen(false);
          await runSubmit({ target: 'authority', authorityId });
        }}
      />
    </>
  );
}

/** 提交至主管部门审核: 输入单位名称，确认提交 (附件2 一(三)2). */
function AuthoritySubmitModal({
  open,
  count,
  onClose,
  onSubmit,
}: {
  open: boolean;
  count: number;
  onClose: () => void;
  onSubmit: (authorityId: number) => Promise<void>;
}) {
  const [form] = Form.useForm<{ authorityId?: number }>();
  const { ref, focusOnOpen } = useFocusOnOpen<RefSelectProps>();
  return (
    <Modal
      {...focusOnOpen}
      title="提交至主管部门审核"
      open={open}
      onCancel={onClose}
      okText="确认提交"
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} name="submit-authority" layout="vertical" onFinish={(v) => void onSubmit(v.authorityId!)}>
        <p>如所在单位或所在行业有相关要求，可将选中的 {count} 条记录提交至上级主管部门或行业主管部门审核。</p>
        <Form.Item
          label="主管部门"
          name="authorityId"
          rules={[{ required: true, message: '请输入名称查询并选择主管部门' }]}
          extra="输入单位名称查询后选择"
        >
          <AuthoritySelect ref={ref} />
        </Form.Item>
        <p className="ptce-hint">请认真核查无误后，再进行提交。</p>
      </Form>
    </Modal>
  );
}
