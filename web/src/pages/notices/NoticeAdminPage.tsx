import { useState } from 'react';
import { Button } from 'antd';
import { NOTICE_STATUS_LABEL, NoticeStatus, type NoticeAdminRow } from '@ptce/contracts';
import { useAdminNotices, useNoticeAction } from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListCard, ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useDialog } from '../../components/useDialog';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { adminColumns } from './admin-columns';
import { NoticeActions } from './NoticeActions';
import { NoticeAttachments } from './NoticeAttachments';
import { NoticeEditor } from './NoticeEditor';
import './notices.css';

const LIST = {
  ...param.paging(),
  status: param.oneOf(NoticeStatus.options),
  q: param.text({ max: 50 }),
};

/** 通知公告管理 — the operator writes notices, publishes, withdraws and pins them, and sees who read them. */
export default function NoticeAdminPage() {
  const { query, update } = useUrlParams(LIST);
  const list = useAdminNotices(query);
  const act = useNoticeAction();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const editor = useDialog<number | null>();
  const [attachmentsOf, setAttachmentsOf] = useState<number | null>(null);

  const columns = adminColumns((r) => (
    <NoticeActions r={r} desktop={desktop} act={act} onEdit={editor.show} onAttachments={setAttachmentsOf} />
  ));

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => editor.show(null)}>
            新建通知
          </Button>
        }
      >
        通知公告管理
      </PageTitle>
      <ListCard>
        <ListToolbar
          filters={
            <ListFilters
              query={query}
              update={update}
              items={[
                { choice: 'status', label: '状态', placeholder: '全部状态', labels: NOTICE_STATUS_LABEL, width: 140 },
                { search: 'q', label: '标题', width: 240 },
              ]}
            />
          }
        />
        <ErrorAlert error={act.error} />
        <ListTable<NoticeAdminRow>
          rowKey="id"
          size="middle"
          columns={columns}
          result={list}
          errorTitle="通知公告加载失败"
          empty="暂无通知"
          scroll={{ x: 1230 }}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </ListCard>
      {editor.props && <NoticeEditor key={editor.session} {...editor.props} />}
      <NoticeAttachments noticeId={attachmentsOf} onClose={() => setAttachmentsOf(null)} />
    </>
  );
}
