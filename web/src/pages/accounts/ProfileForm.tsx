import { useMemo } from 'react';
import { App, Button, Form, Select } from 'antd';
import type { DepartmentOption, Me } from '@ptce/contracts';
import { useMyDepartments, useUpdateProfile } from '../../api/accounts';
import { errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/form';
import { ContactFields } from './ContactFields';

const FIELDS = ['phone', 'email', 'departmentId'] as const;

interface ProfileValues {
  phone: string;
  email: string;
  departmentId?: number | null;
}

/** "学院 / 系" for nested departments, so same-named sub-departments stay distinguishable. */
function departmentLabels(list: DepartmentOption[]): { value: number; label: string }[] {
  const byId = new Map(list.map((d) => [d.id, d]));
  const path = (d: DepartmentOption, depth = 0): string => {
    const parent = d.parentId != null ? byId.get(d.parentId) : undefined;
    return parent && depth < 10 ? `${path(parent, depth + 1)} / ${d.name}` : d.name;
  };
  return list.map((d) => ({ value: d.id, label: path(d) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** 联系方式与所属部门: 手机号码, 电子邮箱 and, for a professional in a unit, 所属部门. */
export function ProfileForm({ me }: { me: Me }) {
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateProfile();
  const { message } = App.useApp();
  // A professional picks their own 所属部门 (附件2 二(四)3); admins get theirs from the unit.
  const picksDepartment = me.kind === 'professional' && me.unit != null;
  const departments = useMyDepartments(picksDepartment);
  const options = useMemo(() => departmentLabels(departments.data ?? []), [departments.data]);

  const submit = (v: ProfileValues) =>
    update.mutate(
      {
        phone: v.phone.trim(),
        email: v.email.trim(),
        ...(picksDepartment ? { departmentId: v.departmentId ?? null } : {}),
      },
      {
        onSuccess: (updated) => {
          message.success('保存成功');
          form.setFieldsValue({
            phone: updated.phone ?? '',
            email: updated.email ?? '',
            departmentId: updated.department?.id ?? null,
          });
        },
        onError: (e) => applyFieldErrors(form, e, FIELDS),
      },
    );

  return (
    <Form<ProfileValues>
      form={form}
      name="profile"
      layout="vertical"
      scrollToFirstError={{ focus: true }}
      className="ptce-narrow-form"
      initialValues={{ phone: me.phone ?? '', email: me.email ?? '', departmentId: me.department?.id ?? null }}
      onFinish={submit}
      onValuesChange={() => update.isError && update.reset()}
    >
      {picksDepartment && (
        <Form.Item
          label="所属部门"
          name="departmentId"
          extra="不选择部门的，由单位总管理员负责管理"
          validateStatus={departments.isError ? 'error' : undefined}
          help={departments.isError ? `部门列表加载失败：${errorMessage(departments.error)}` : undefined}
        >
          <Select<number>
            allowClear
            placeholder={options.length || departments.isPending ? '请选择所属部门' : '本单位暂未设置部门'}
            loading={departments.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={departments.isPending ? '正在加载…' : '本单位暂未设置部门'}
          />
        </Form.Item>
      )}
      <ContactFields />
      <ErrorAlert error={update.error} title="保存失败" fields={FIELDS} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        保存
      </Button>
    </Form>
  );
}
