import { useRef } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { ReasonBody, type StaffRow } from '@ptce/contracts';
import { useRemoveStaff } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusUnlessTyping } from '../../components/useFocusOnOpen';
import { zodRule } from '../../lib/form';

interface RemoveValues {
  reason?: string;
}

/** 移出本单位 — a confirmation dialog with an optional reason, kept in the audit log. */
export function RemoveStaffModal({
  open,
  person,
  onClose,
  afterClose,
}: {
  open: boolean;
  person: StaffRow;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<RemoveValues>();
  const remove = useRemoveStaff();
  const { message } = App.useApp();
  const reasonRef = useRef<HTMLTextAreaElement | null>(null);

  const submit = (v: RemoveValues) =>
    remove.mutate(
      { id: person.id, reason: v.reason?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(`已将“${person.name}”移出本单位`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={`将“${person.name}”移出本单位？`}
      okText="移出本单位"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', danger: true, loading: remove.isPending }}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && focusUnlessTyping(reasonRef.current)}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<RemoveValues>
          form={form}
          name="remove-staff"
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => remove.isError && remove.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <p>
        仅在该人员已离开本单位时使用。移出后，其不再出现在本单位名单中，已有的学时记录保留；本人可在【我的信息】中重新选择所在单位。
      </p>
      <Form.Item
        label="移出原因（选填）"
        name="reason"
        rules={[zodRule(ReasonBody.shape.reason.unwrap(), { skipEmpty: true })]}
      >
        <Input.TextArea
          ref={(el) => {
            reasonRef.current = el?.resizableTextArea?.textArea ?? null;
          }}
          rows={3}
          maxLength={200}
          showCount
          placeholder="如：调离、退休"
        />
      </Form.Item>
      <ErrorAlert error={remove.error} title="移出失败" />
    </Modal>
  );
}
