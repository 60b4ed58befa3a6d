import { useRef } from 'react';
import { App, Form, Input } from 'antd';
import type { InputRef } from 'antd';
import type { MakeupRequestRow } from '@ptce/contracts';
import { useDecideMakeup } from '../../api/makeup-requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

/** 拒绝 a 补考申请: the reason is required; the person reads it on 考试列表 and 用户管理中心. */
export function RefuseMakeupModal({
  request,
  open,
  onClose,
  afterClose,
}: {
  request: MakeupRequestRow;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideMakeup();
  const { message } = App.useApp();
  const focus = useRef<InputRef>(null);
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={`拒绝${request.person.name}的补考申请`}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={focus}
      save={decide}
      form={form}
      name="refuse-makeup"
      onFinish={({ reason }) =>
        decide.mutate(
          { id: request.id, decision: 'refuse', reason },
          {
            onSuccess: () => {
              void message.success('已拒绝该补考申请');
              onClose();
            },
          },
        )
      }
    >
      <Form.Item
        label="拒绝原因"
        name="reason"
        rules={[{ required: true, min: 4, message: '请填写拒绝原因（不少于4个字）' }]}
      >
        <Input.TextArea ref={focus} rows={3} maxLength={500} showCount />
      </Form.Item>
      <ErrorAlert error={decide.error} />
    </FormModal>
  );
}
