// 学时管理 — 专业科目学时登记 (附件2 二(一)): 新登记培训 for a staff member (the same form as the
// person side), 导入学员培训信息, 查看/修改/删除, 批量提交审核.
import { App, Button, Card, Flex } from 'antd';
import { useMe } from '../../api/auth';
import { useUnitRegistrations } from '../../api/hours';
import { ButtonLink } from '../../components/ButtonLink';
import { useUrlParams, withCount } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { recordColumns } from './columns';
import { DraftRecordsList } from './DraftRecordsList';
import { BatchOutcomeAlert, asBatchResult } from './feedback';
import { hoursErrorMessage } from './labels';
import { RECORD_LIST } from './list-params';
import { useRecordSubmission } from './RecordFilters';
import { UnitFilters } from './UnitFilters';
import { useRecordDialogs } from './useRecordDialogs';
import './hours.css';

/** Where 导入学员培训信息 lives (the Excel import area). */
const IMPORT_PATH = '/hours/unit/import';

export default function UnitRegisterPage() {
  const { data: me } = useMe();
  const { message, modal } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useUrlParams(RECORD_LIST);
  const list = useUnitRegistrations(query);
  const { submit, batch, selection } = useRecordSubmission();
  const dialogs = useRecordDialogs({ side: 'unit', deletable: () => true, onDeleted: (id) => selection.remove([id]) });
  const selected = selection.rows;

  const describe = (id: number) => {
    const r = selected.find((x) => x.id === id) ?? list.data?.items.find((x) => x.id === id);
    return r ? `${r.personName} · ${r.title}` : `记录 #${id}`;
  };

  const submitSelected = () => {
    const ids = selected.map((r) => r.id);
    modal.confirm({
      title: '批量提交审核',
      content: (
        <div>
          <p>
            将选中的 {ids.length} 条记录提交至 <strong>{me?.unit?.name ?? '本单位'}</strong> 审核。
          </p>
          <p className="ptce-hint">提交后，记录进入【学时管理—专业科目学时审核】待审。</p>
        </div>
      ),
      okText: '确认提交',
      onOk: async () => {
        try {
          batch.show('提交', await submit.mutateAsync({ ids, target: 'unit' }), describe);
          selection.clear();
        } catch (e) {
          const asBatch = asBatchResult(ids, e);
          if (asBatch) {
            batch.show('提交', asBatch, describe);
            selection.clear();
          } else void message.error(hoursErrorMessage(e));
        }
      },
    });
  };

  const columns = recordColumns({
    person: true,
    status: true,
    evidence: true,
    fixedActions: desktop,
    actionsWidth: 160,
    actions: dialogs.actions,
  });

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8} wrap>
            <Button type="primary" onClick={dialogs.add}>
              新登记培训
            </Button>
            <ButtonLink to={IMPORT_PATH}>导入学员培训信息</ButtonLink>
          </Flex>
        }
      >
        专业科目学时登记
      </PageTitle>
      <BatchOutcomeAlert outcome={batch.outcome} onClose={batch.clear} />
      <Card className="ptce-section ptce-hours-card">
        <UnitFilters
          query={query}
          update={update}
          status
          actions={
            <Button type="primary" disabled={selected.length === 0} loading={submit.isPending} onClick={submitSelected}>
              {withCount('批量提交审核', selected.length)}
            </Button>
          }
        />
        <DraftRecordsList
          idleHint="本单位为专业技术人员登记的学时；勾选“待提交”的记录后批量提交审核。"
          empty="暂无单位登记的学时记录"
          rowName={(r) => `${r.personName} ${r.title}`}
          columns={columns}
          result={list}
          selection={selection}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>

      {dialogs.dialogs}
    </>
  );
}
