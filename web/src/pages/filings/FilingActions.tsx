// What can be done to one 培训备案 from its page: the base edits, submits, deletes a draft or requests a 变更; a
// reviewer 通过 / 退回 the filing or its 变更.
import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import type { Filing } from '@ptce/contracts';
import {
  useApproveChange,
  useApproveFiling,
  useDeleteFiling,
  useReturnChange,
  useReturnFiling,
  useSubmitFiling,
} from '../../api/bases';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';

export function BaseActions({ f }: { f: Filing }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const submit = useSubmitFiling();
  const remove = useDeleteFiling();
  const editable = f.status === 'draft' || f.status === 'returned';
  return (
    <>
      {editable && <ButtonLink to={`/filings/${f.id}/edit`}>修改</ButtonLink>}
      {editable && (
        <Button
          type="primary"
          loading={submit.isPending}
          onClick={() =>
            submit.mutate(f.id, {
              onSuccess: (r) =>
                void message.success(r.status === 'filed' ? `已备案，备案号${r.filingNo}` : '已提交，等待审核'),
              onError: (e) => modal.error({ title: '提交失败', content: <ErrorAlert error={e} /> }),
            })
          }
        >
          {f.status === 'returned' ? '重新提交' : '提交审核'}
        </Button>
      )}
      {f.status === 'draft' && (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: `删除草稿“${f.name}”？`,
              okText: '删除',
              okButtonProps: { danger: true },
              cancelText: '取消',
              focusable: { autoFocusButton: 'cancel' },
              onOk: () => remove.mutateAsync(f.id).then(() => navigate('/filings')),
            })
          }
        >
          删除
        </Button>
      )}
      {f.status === 'filed' && f.change?.status !== 'pending' && (
        <ButtonLink to={`/filings/${f.id}/change`}>申请变更</ButtonLink>
      )}
    </>
  );
}

export function ReviewActions({ f }: { f: Filing }) {
  const { message } = App.useApp();
  const approve = useApproveFiling();
  const approveChange = useApproveChange();
  const [returning, setReturning] = useState<'filing' | 'change' | null>(null);
  const [filedNo, setFiledNo] = useState<string | null>(null);
  if (f.status === 'pending')
    return (
      <>
        <Button
          type="primary"
          loading={approve.isPending}
          onClick={() => approve.mutate(f.id, { onSuccess: (r) => setFiledNo(r.filingNo) })}
        >
          审核通过
        </Button>
        <Button danger onClick={() => setReturning('filing')}>
          退回
        </Button>
        <ErrorAlert error={approve.error} />
        <ReturnModal f={f} which={returning} onClose={() => setReturning(null)} />
        <Modal open={filedNo !== null} title="已备案" footer={null} onCancel={() => setFiledNo(null)}>
          <p>备案号：{filedNo}</p>
        </Modal>
      </>
    );
  if (f.status === 'filed' && f.change?.status === 'pending')
    return (
      <>
        <Button
          type="primary"
          loading={approveChange.isPending}
          onClick={() =>
            approveChange.mutate(f.id, { onSuccess: () => void message.success('变更已通过，备案内容已更新') })
          }
        >
          变更通过
        </Button>
        <Button danger onClick={() => setReturning('change')}>
          变更退回
        </Button>
        <ErrorAlert error={approveChange.error} />
        <ReturnModal f={f} which={returning} onClose={() => setReturning(null)} />
      </>
    );
  return null;
}

function ReturnModal({ f, which, onClose }: { f: Filing; which: 'filing' | 'change' | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const returnFiling = useReturnFiling();
  const returnChange = useReturnChange();
  const m = which === 'change' ? returnChange : returnFiling;
  return (
    <Modal
      open={which !== null}
      title={which === 'change' ? `退回变更：${f.name}` : `退回：${f.name}`}
      okText="退回"
      okButtonProps={{ danger: true, loading: m.isPending }}
      cancelText="取消"
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        returnFiling.reset();
        returnChange.reset();
      }}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => m.mutate({ id: f.id, reason: v.reason.trim() }, { onSuccess: onClose }))
          .catch(() => undefined)
      }
    >
      <Form form={form} layout="vertical" name="filing-return">
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[
            { required: true, whitespace: true, message: '请填写退回原因' },
            { min: 2, message: '请填写退回原因' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      <ErrorAlert error={m.error} />
    </Modal>
  );
}
