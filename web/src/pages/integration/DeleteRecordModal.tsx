import { Alert, Form, Input } from 'antd';
import { useDeletePushedRecord } from '../../api/integration';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

interface Values {
  externalId: string;
  reason: string;
}

/**
 * 删除推送记录: the operator corrects a record an industry system pushed (by its 外部记录编号), with a reason the
 * system receives in its record.deleted notice; the year's certificate is revoked when the hours were needed.
 */
export function DeleteRecordModal({
  client,
  onClose,
  onDeleted,
}: {
  client: { id: number; name: string } | null;
  onClose: () => void;
  onDeleted: (message: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const del = useDeletePushedRecord();
  return (
    <FormModal<Values>
      open={client !== null}
      title={client ? `删除推送记录 — ${client.name}` : '删除推送记录'}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        del.reset();
      }}
      save={del}
      form={form}
      name="integration-delete-record"
      onFinish={(v) =>
        client &&
        del.mutate(
          { clientId: client.id, externalId: v.externalId.trim(), reason: v.reason.trim() },
          {
            onSuccess: (r) => {
              onDeleted(
                `已删除外部记录 ${r.externalId}${r.certificatesRevoked ? `，${r.certificatesRevoked} 份继续教育合格证书随之失效` : ''}`,
              );
              onClose();
            },
          },
        )
      }
    >
      <Alert
        type="warning"
        showIcon
        className="ptce-section"
        message="推送的学时为通过认定；删除后该年度已生成的继续教育合格证书自动失效，行业系统会收到删除通知。"
      />
      <Form.Item
        label="外部记录编号"
        name="externalId"
        rules={[{ required: true, whitespace: true, message: '请输入外部记录编号' }]}
      >
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="删除原因"
        name="reason"
        rules={[{ required: true, whitespace: true, min: 2, message: '请填写删除原因（至少2个字）' }]}
      >
        <Input.TextArea maxLength={200} rows={3} showCount />
      </Form.Item>
      <ErrorAlert error={del.error} />
    </FormModal>
  );
}
