import { useRef, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { Me, UnitSummary } from '@ptce/contracts';
import { useChangeOwnUnit } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusUnlessTyping } from '../../components/useFocusOnOpen';
import { UnitSelect } from '../../components/UnitSelect';
import { applyFieldErrors } from '../../lib/form';

/**
 * 更改单位 — a professional whose 人事（劳动）关系所在单位 changed picks the new one (附件2 一(三)1:
 * "如单位有变动，请先在【我的信息】处，更改所在单位信息"). Submitted and approved records stay with the
 * old unit's review; the department belonged to the old unit and is cleared.
 */
export function ChangeUnitModal({
  open,
  me,
  onClose,
  afterClose,
}: {
  open: boolean;
  me: Me;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<{ unitId?: number }>();
  const change = useChangeOwnUnit();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<UnitSummary | null>(null);
  // UnitSelect forwards no ref; its search input is what the keyboard needs.
  const selectWrap = useRef<HTMLDivElement>(null);
  const same = picked != null && picked.id === me.unit?.id;

  const submit = ({ unitId }: { unitId?: number }) => {
    if (!unitId) return;
    change.mutate(unitId, {
      onSuccess: (updated) => {
        message.success(`所在单位已更改为“${updated.unit?.name ?? picked?.name ?? ''}”，请重新选择所属部门`);
        onClose();
      },
      onError: (e) => applyFieldErrors(form, e, ['unitId']),
    });
  };

  return (
    <Modal
      open={open}
      title={me.unit ? '更改单位' : '选择单位'}
      okText="确认更改"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', loading: change.isPending, disabled: same }}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && focusUnlessTyping(selectWrap.current?.querySelector('input'))}
      maskClosable={false}
      modalRender={(dom) => (
        <Form
          form={form}
          name="change-unit"
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => change.isError && change.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="请确认人事（劳动）关系所在单位确已变动"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>已提交审核或已通过认定的学时记录仍由原单位审核、保留，不会转到新单位；</li>
            <li>更改后新提交的学时登记将提交至新单位审核（尚未提交的登记随本人转到新单位）；</li>
            <li>所属部门将被清空，请在更改后重新选择新单位的所属部门；</li>
            <li>新单位确认前，您在该单位的人员名单中标记为“新注册”。</li>
          </ul>
        }
      />
      {me.unit && (
        <Form.Item label="当前单位">
          <span>{me.unit.name}</span>
        </Form.Item>
      )}
      <div ref={selectWrap}>
        <Form.Item
          label="新的人事（劳动）关系所在单位"
          name="unitId"
          rules={[{ required: true, message: '请搜索并选择单位' }]}
          validateStatus={same ? 'warning' : undefined}
          help={same ? '所选单位与当前单位相同' : undefined}
        >
          <UnitSelect onChange={(_v, u) => setPicked(u ?? null)} />
        </Form.Item>
      </div>
      <ErrorAlert error={change.error} title="更改失败" fields={['unitId']} />
    </Modal>
  );
}
