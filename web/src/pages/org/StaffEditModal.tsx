import { useRef } from 'react';
import { App, Descriptions, Form, Input, Select, type RefSelectProps } from 'antd';
import { FormModal } from '../../components/FormModal';
import { Email, MobilePhone, type StaffRow } from '@ptce/contracts';
import { useUpdateStaff } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, focusFirstError, zodRule } from '../../lib/form';

interface StaffValues {
  departmentId?: number | null;
  phone: string;
  email: string;
}

const EDIT_FIELDS = ['departmentId', 'phone', 'email'] as const;

/** 修改 — a person's 所属部门, 手机号码 and 电子邮箱. */
export function StaffEditModal({
  open,
  person,
  options,
  wholeUnit,
  onClose,
  afterClose,
}: {
  open: boolean;
  person: StaffRow;
  options: { value: number; label: string }[];
  wholeUnit: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<StaffValues>();
  const first = useRef<RefSelectProps>(null);
  const update = useUpdateStaff();
  const { message } = App.useApp();

  const submit = (v: StaffValues) => {
    // Only what changed is sent; an empty phone or e-mail the person never gave stays empty.
    const phone = v.phone?.trim() ?? '';
    const email = v.email?.trim() ?? '';
    const departmentId = v.departmentId ?? null;
    return update.mutate(
      {
        id: person.id,
        ...(departmentId !== person.departmentId ? { departmentId } : {}),
        ...(phone && phone !== person.phone ? { phone } : {}),
        ...(email && email !== person.email ? { email } : {}),
      },
      {
        onSuccess: () => {
          message.success(`已保存“${person.name}”的信息`);
          onClose();
        },
        onError: (e) => {
          if (applyFieldErrors(form, e, EDIT_FIELDS)) focusFirstError(form);
        },
      },
    );
  };

  return (
    <FormModal<StaffValues>
      open={open}
      title={`修改：${person.name}`}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={first}
      save={update}
      form={form}
      name="staff"
      initialValues={{ departmentId: person.departmentId, phone: person.phone ?? '', email: person.email ?? '' }}
      onFinish={submit}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'name', label: '姓名', children: person.name },
          { key: 'id', label: '身份证号码', children: person.idNumberMasked },
        ]}
      />
      <Form.Item
        label="所属部门"
        name="departmentId"
        rules={wholeUnit ? [] : [{ required: true, message: '请选择所属部门' }]}
        extra={wholeUnit ? '不选择部门的，由单位总管理员负责管理。' : undefined}
      >
        <Select<number>
          ref={first}
          allowClear={wholeUnit}
          placeholder={wholeUnit ? '不选择部门' : '请选择所属部门'}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent="本单位暂未设置部门"
        />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[
          { required: person.phone != null, message: '请输入手机号码' },
          zodRule(MobilePhone, { skipEmpty: true }),
        ]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="电子邮箱"
        name="email"
        validateFirst
        rules={[{ required: person.email != null, message: '请输入电子邮箱' }, zodRule(Email, { skipEmpty: true })]}
      >
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <ErrorAlert error={update.error} title="保存失败" fields={EDIT_FIELDS} />
    </FormModal>
  );
}
