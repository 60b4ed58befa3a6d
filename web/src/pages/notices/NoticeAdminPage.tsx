import { useState } from 'react';
import { Button, Input, Modal, Select } from 'antd';
import { NOTICE_STATUS_LABEL, NoticeStatus, type NoticeAdminRow } from '@ptce/contracts';
import { useAdminNotices, useNoticeAction, type NoticeAction } from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListCard, ListTable, ListToolbar, RowAction, RowActions, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { adminColumns } from './admin-columns';
import { NoticeAttachments } from './NoticeAttachments';
import { NoticeEditor } from './NoticeEditor';
import './notices.css';

const LIST = {
  page: param.page(),
  pageSize: param.pageSize(),
  status: param.oneOf(NoticeStatus.options),
  q: param.text({ max: 50 }),
};

const STATUS_OPTIONS = NoticeStatus.options.map((value) => ({ value, label: NOTICE_STATUS_LABEL[value] }));

const CONFIRM: Partial<Record<NoticeAction, (title: string) => string>> = {
  publish: (t) => `发布后，发送对象即可看到“${t}”。确定发布？`,
  withdraw: (t) => `撤回后，“${t}”将不再向任何人显示（可再次发布）。确定撤回？`,
  delete: (t) => `删除草稿“${t}”？`,
};

/** 通知公告管理 — the operator writes notices, publishes, withdraws and pins them, and sees who read them. */
export default function NoticeAdminPage() {
  const { query, update } = useUrlParams(LIST);
  const list = useAdminNotices(query);
  const act = useNoticeAction();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [editor, setEditor] = useState<{ open: boolean; target: number | null; session: number } | null>(null);
  const [attachmentsOf, setAttachmentsOf] = useState<number | null>(null);
  const [q, setQ] = useState(query.q ?? '');

  const openEditor = (target: number | null) =>
    setEditor((e) => ({ open: true, target, session: (e?.session ?? 0) + 1 }));
  const run = (r: NoticeAdminRow, action: NoticeAction) => {
    const confirm = CONFIRM[action];
    if (!confirm) return act.mutate({ id: r.id, action });
    Modal.confirm({
      title: confirm(r.title),
      okText: '确定',
      cancelText: '取消',
      okButtonProps: action === 'publish' ? undefined : { danger: true },
      onOk: () => act.mutateAsync({ id: r.id, action }),
    });
  };

  const columns = adminColumns((r) => {
    const editable = r.status !== 'published';
    return (
      <RowActions desktop={desktop}>
        {editable && <RowAction label="修改" of={r.title} onClick={() => openEditor(r.id)} />}
        <RowAction label="附件" of={r.title} onClick={() => setAttachmentsOf(r.id)} />
        {editable && <RowAction label="发布" of={r.title} onClick={() => run(r, 'publish')} />}
        {r.status === 'published' && <RowAction label="撤回" of={r.title} danger onClick={() => run(r, 'withdraw')} />}
        <RowAction
          label={r.pinned ? '取消置顶' : '置顶'}
          of={r.title}
          onClick={() => run(r, r.pinned ? 'unpin' : 'pin')}
        />
        {r.status === 'draft' && <RowAction label="删除" of={r.title} danger onClick={() => run(r, 'delete')} />}
      </RowActions>
    );
  });

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => openEditor(null)}>
            新建通知
          </Button>
        }
      >
        通知公告管理
      </PageTitle>
      <ListCard>
        <ListToolbar
          filters={
            <>
              <Select
                aria-label="状态"
                placeholder="全部状态"
                allowClear
                style={{ width: 140 }}
                value={query.status}
                options={STATUS_OPTIONS}
                onChange={(status) => update({ status })}
              />
              <Input.Search
                aria-label="标题"
                placeholder="按标题查询"
                allowClear
                style={{ width: 240 }}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onSearch={(v) => update({ q: v.trim() || undefined })}
              />
            </>
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
      {editor && (
        <NoticeEditor
          key={editor.session}
          open={editor.open}
          target={editor.target}
          onClose={() => setEditor((e) => e && { ...e, open: false })}
          afterClose={() => setEditor(null)}
        />
      )}
      <NoticeAttachments noticeId={attachmentsOf} onClose={() => setAttachmentsOf(null)} />
    </>
  );
}
