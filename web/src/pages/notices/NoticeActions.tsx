import { Modal } from 'antd';
import type { NoticeAdminRow } from '@ptce/contracts';
import type { NoticeAction, useNoticeAction } from '../../api/notices';
import { RowAction, RowActions } from '../../components/list';

const CONFIRM: Partial<Record<NoticeAction, (title: string) => string>> = {
  publish: (t) => `发布后，发送对象即可看到“${t}”。确定发布？`,
  withdraw: (t) => `撤回后，“${t}”将不再向任何人显示（可再次发布）。确定撤回？`,
  delete: (t) => `删除草稿“${t}”？`,
};

/** 修改, 附件, 发布 / 撤回, 置顶 and 删除 of one notice — stacked on phones; publishing, withdrawing and deleting ask first. */
export function NoticeActions({
  r,
  desktop,
  act,
  onEdit,
  onAttachments,
}: {
  r: NoticeAdminRow;
  desktop: boolean;
  act: ReturnType<typeof useNoticeAction>;
  onEdit: (id: number) => void;
  onAttachments: (id: number) => void;
}) {
  const run = (action: NoticeAction) => {
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
  const editable = r.status !== 'published';
  return (
    <RowActions desktop={desktop}>
      {editable && <RowAction label="修改" of={r.title} onClick={() => onEdit(r.id)} />}
      <RowAction label="附件" of={r.title} onClick={() => onAttachments(r.id)} />
      {editable && <RowAction label="发布" of={r.title} onClick={() => run('publish')} />}
      {r.status === 'published' && <RowAction label="撤回" of={r.title} danger onClick={() => run('withdraw')} />}
      <RowAction label={r.pinned ? '取消置顶' : '置顶'} of={r.title} onClick={() => run(r.pinned ? 'unpin' : 'pin')} />
      {r.status === 'draft' && <RowAction label="删除" of={r.title} danger onClick={() => run('delete')} />}
    </RowActions>
  );
}
