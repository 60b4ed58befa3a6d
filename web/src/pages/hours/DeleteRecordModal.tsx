// 删除 — the same dialog for the professional's own records and the unit side. Deleting approved
// hours (unit side only) needs a reason and revokes that year's 《继续教育合格证书》 (附件2 二(二)3).
import { useState, type Ref } from 'react';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { DeleteRecordRequest, type RecordRow } from '@ptce/contracts';
import { useDeleteRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusOnOpen } from '../../components/useFocusOnOpen';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { spanText } from '../../lib/format';
import { StatusTag, hoursText } from './labels';

export function DeleteRecordModal({
  record,
  showPerson,
  onClose,
  onDeleted,
}: {
  record: RecordRow | null;
  /** Unit side: the record is someone else's. */
  showPerson: boolean;
  onClose: () => void;
  onDeleted?: (id: number) => void;
}) {
  const { ref, focusOnOpen } = useFocusOnOpen<TextAreaRef>();
  return (
    <Modal
      {...focusOnOpen}
      title="删除培训登记"
      open={record !== null}
      onCancel={onClose}
      footer={null}
      width={560}
      destroyOnHidden
    >
      {record && (
        <DeleteForm record={record} showPerson={showPerson} onClose={onClose} onDeleted={onDeleted} reasonRef={ref} />
      )}
    </Modal>
  );
}

function DeleteForm({
  record,
  showPerson,
  onClose,
  onDeleted,
  reasonRef,
}: {
  record: RecordRow;
  showPerson: boolean;
  onClose: () => void;
  onDeleted?: (id: number) => void;
  /** 删除原因, focused once the dialog is open (approved records only). */
  reasonRef: Ref<TextAreaRef>;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  const remove = useDeleteRecord();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const approved = record.status === 'approved';

  const submit = (v: { reason?: string }) => {
    setError(null);
    remove.mutate(
      { id: record.id, reason: v.reason?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success('记录已删除');
          onDeleted?.(record.id);
          onClose();
        },
        onError: (e) => {
          applyFieldErrors(form, e, ['reason']);
          setError(e);
        },
      },
    );
  };

  return (
    <Form form={form} name="delete-record" layout="vertical" onFinish={submit} disabled={remove.isPending}>
      <Descriptions
        size="small"
        column={1}
        className="ptce-section"
        items={[
          ...(showPerson
            ? [{ key: 'p', label: '姓名', children: `${record.personName}（${record.idNumberMasked}）` }]
            : []),
          { key: 't', label: '培训内容', children: record.title },
          { key: 's', label: '起止时间', children: spanText(record) },
          { key: 'h', label: '申请学时', children: `${hoursText(record.hours)} 学时` },
          { key: 'st', label: '状态', children: <StatusTag status={record.status} /> },
        ]}
      />
      {approved ? (
        <>
          <Alert
            type="warning"
            showIcon
            className="ptce-section"
            title="该记录已通过认定，请谨慎删除"
            description={`删除后，${record.personName} ${record.year}年度的 ${hoursText(record.hours)} 专业科目学时将被扣除；如已生成${record.year}年度《继续教育合格证书》，原证书将自动失效。学员需要重新登记、提交。`}
          />
          <Form.Item
            label="删除原因"
            name="reason"
            validateFirst
            rules={[
              { required: true, whitespace: true, message: '删除已通过认定的学时须填写删除原因' },
              zodRule(DeleteRecordRequest.shape.reason),
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount ref={reasonRef} />
          </Form.Item>
        </>
      ) : (
        <p className="ptce-lead">
          {record.status === 'pending' && !showPerson
            ? '该记录待初审中。如提交到了错误的单位，可删除后重新登记，再选择正确的单位提交。删除后不可恢复。'
            : showPerson
              ? '删除后，学员对应登记的内容将被删除，需要重新进行登记。删除后不可恢复。'
              : '删除后不可恢复，确定删除该记录吗？'}
        </p>
      )}
      <ErrorAlert error={error} title="删除失败" fields={['reason']} />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose} disabled={false}>
          取消
        </Button>
        <Button type="primary" danger htmlType="submit" loading={remove.isPending}>
          删除
        </Button>
      </Flex>
    </Form>
  );
}
