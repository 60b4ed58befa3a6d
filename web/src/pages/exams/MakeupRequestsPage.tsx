import { useState } from 'react';
import { App } from 'antd';
import { MAKEUP_REQUEST_STATUS_LABEL, MakeupRequestStatus, type MakeupRequestRow } from '@ptce/contracts';
import { useDecideMakeup, useMakeupQueue } from '../../api/makeup-requests';
import {
  ListCard,
  ListFilters,
  ListTable,
  ListToolbar,
  param,
  RowAction,
  RowActions,
  useUrlParams,
} from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { makeupRequestColumns } from './makeup-request-columns';
import { RefuseMakeupModal } from './RefuseMakeupModal';
import './makeup-requests.css';

const QUEUE = {
  ...param.paging(),
  status: param.oneOf(MakeupRequestStatus.options),
};

type Dialog = { request: MakeupRequestRow; open: boolean; session: number };

/**
 * 补考申请 — the help desk's queue of online makeup requests: 同意 opens the makeup (补学补考) at once,
 * 拒绝 needs a reason. Requests by phone still go through 补学补考.
 */
export default function MakeupRequestsPage() {
  const { query, update } = useUrlParams(QUEUE);
  const queue = useMakeupQueue(query);
  const decide = useDecideMakeup();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const grant = (r: MakeupRequestRow) =>
    modal.confirm({
      title: `同意${r.person.name}的补考申请？`,
      content: `将为其开通${r.year}年度补学补考：本人须重新完成必修课学习，并获得新的考试机会。此操作将记入审计日志。`,
      okText: '同意并开通',
      cancelText: '取消',
      onOk: () =>
        decide
          .mutateAsync({ id: r.id, decision: 'grant' })
          .then(() => void message.success('已同意，补学补考已开通'))
          .catch((e: unknown) => {
            void message.error(e instanceof Error ? e.message : '操作失败');
          }),
    });

  const columns = makeupRequestColumns((r) =>
    r.status === 'pending' ? (
      <RowActions desktop={desktop}>
        <RowAction label="同意" of={r.person.name} onClick={() => grant(r)} />
        <RowAction
          label="拒绝"
          of={r.person.name}
          danger
          onClick={() => setDialog((d) => ({ request: r, open: true, session: (d?.session ?? 0) + 1 }))}
        />
      </RowActions>
    ) : (
      '—'
    ),
  );

  return (
    <>
      <PageTitle>补考申请</PageTitle>
      <ListCard>
        <ListToolbar
          filters={
            <ListFilters
              query={query}
              update={update}
              items={[
                {
                  choice: 'status',
                  label: '处理状态',
                  placeholder: '全部状态',
                  width: 160,
                  labels: MAKEUP_REQUEST_STATUS_LABEL,
                  order: MakeupRequestStatus.options,
                },
              ]}
            />
          }
        />
        <ListTable<MakeupRequestRow>
          rowKey="id"
          size="middle"
          columns={columns}
          result={queue}
          errorTitle="补考申请加载失败"
          empty="没有符合条件的补考申请"
          scroll={{ x: 1380 }}
          card={{ title: (r) => `${r.person.name}（${r.year}年度）`, tagColumn: 'status' }}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update, totalText: (t) => `共 ${t} 条` }}
        />
      </ListCard>
      {dialog && (
        <RefuseMakeupModal
          key={dialog.session}
          request={dialog.request}
          open={dialog.open}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
