import { Form, Input } from 'antd';
import type { BaseRow } from '@ptce/contracts';
import { useSetBaseStatus } from '../../api/bases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

/** 暂停 (with a reason: a suspended base cannot file, submit or request a 变更) or 恢复 a base. */
export function BaseStatusModal({ base, onClose }: { base: BaseRow; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const set = useSetBaseStatus();
  const suspending = base.status === 'active';
  return (
    <FormModal<{ reason?: string }>
      open
      title={`${suspending ? '暂停' : '恢复'}基地：${base.name}`}
      okText={suspending ? '暂停' : '恢复'}
      onClose={onClose}
      save={set}
      form={form}
      name="base-status"
      onFinish={(v) =>
        set.mutate(
          suspending ? { id: base.id, status: 'suspended', reason: v.reason } : { id: base.id, status: 'active' },
          { onSuccess: onClose },
        )
      }
    >
      {suspending ? (
        <>
          <p>暂停后该基地不能新建、提交培训备案或申请变更；已备案的项目和培训班不受影响。可随时恢复。</p>
          <Form.Item
            name="reason"
            label="暂停原因"
            rules={[{ required: true, whitespace: true, message: '请填写暂停原因' }]}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </>
      ) : (
        <p>恢复后该基地可以重新提交培训备案。{base.suspendedReason ? `暂停原因：${base.suspendedReason}` : ''}</p>
      )}
      <ErrorAlert error={set.error} />
    </FormModal>
  );
}
