import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import { UndoMergeRequest, type AccountMergeRow, type HelpdeskPerson } from '@ptce/contracts';
import { useUndoMerge } from '../../api/helpdesk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../lib/format';
import { zodRule } from '../../lib/form';
import { countsText } from './MergeDialog';

const who = (s: AccountMergeRow['kept']) => (
  <Link to={`/helpdesk/people/${s.id}`}>
    {s.name}（{s.idNumberMasked}）
  </Link>
);

/** 账号合并记录: the merges this account took part in, each with 撤销合并 while the window is open. */
export function MergeHistory({ person }: { person: HelpdeskPerson }) {
  const [undoing, setUndoing] = useState<AccountMergeRow | null>(null);
  if (person.merges.length === 0) return null;
  const columns: TableColumnsType<AccountMergeRow> = [
    { title: '合并时间', dataIndex: 'mergedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: '保留账号', key: 'kept', width: 200, render: (_: unknown, r) => who(r.kept) },
    { title: '被合并账号', key: 'merged', width: 200, render: (_: unknown, r) => who(r.merged) },
    { title: '转移的记录', key: 'counts', render: (_: unknown, r) => countsText(r.counts) },
    { title: '原因', dataIndex: 'reason', width: 160 },
    {
      title: '状态',
      key: 'state',
      width: 220,
      render: (_: unknown, r) =>
        r.undoneAt ? (
          <>
            <Tag>已撤销</Tag>
            {formatDateTime(r.undoneAt)} {r.undoneByName ?? ''}：{r.undoReason}
          </>
        ) : r.canUndo ? (
          <>
            <Tag color="processing">已合并</Tag>
            <Button size="small" onClick={() => setUndoing(r)}>
              撤销合并
            </Button>
            <div className="ptce-hint">可撤销至 {formatDateTime(r.undoUntil)}</div>
          </>
        ) : (
          <Tag color="default">已合并（已过撤销期限）</Tag>
        ),
    },
  ];
  return (
    <Card size="small" className="ptce-section" title="账号合并记录">
      <Table<AccountMergeRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={person.merges}
        pagination={false}
        scroll={{ x: 1000 }}
      />
      {undoing && <UndoDialog merge={undoing} onClose={() => setUndoing(null)} />}
    </Card>
  );
}

function UndoDialog({ merge, onClose }: { merge: AccountMergeRow; onClose: () => void }) {
  const [form] = Form.useForm<UndoMergeRequest>();
  const undo = useUndoMerge(merge.id);
  const { message } = App.useApp();
  return (
    <FormModal<UndoMergeRequest>
      open
      title="撤销合并"
      name="helpdesk-undo-merge"
      form={form}
      save={undo}
      okText="撤销合并"
      onClose={onClose}
      onFinish={(v) =>
        undo.mutate(v, {
          onSuccess: () => {
            void message.success(`已撤销合并，“${merge.merged.name}”的账号已恢复`);
            onClose();
          },
        })
      }
    >
      <p className="ptce-hint">
        合并时转入“{merge.kept.name}”的记录（{countsText(merge.counts)}）将全部退回被合并账号（
        {merge.merged.idNumberMasked}
        ），被合并账号恢复合并前的登录状态。
      </p>
      <Form.Item name="reason" label="撤销原因" rules={[zodRule(UndoMergeRequest.shape.reason)]} required>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <ErrorAlert error={undo.error} />
    </FormModal>
  );
}
