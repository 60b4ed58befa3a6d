import { useMemo, useRef } from 'react';
import { Alert, App, Checkbox, Form, Input, Select, type InputRef } from 'antd';
import { FormModal, type DialogProps } from '../../components/FormModal';
import { AdminInput, MobilePhone, type AdminRow } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { departmentOptions, useCreateAdmin, useDepartments, useUpdateAdmin } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, focusFirstError, zodRule } from '../../lib/form';
import { checkIdNumber } from '../../lib/id-number';

export const INITIAL_PASSWORD_TIP =
  '温馨提示：单位管理员的初始密码为身份证后六位，7日内有效，首次登录须修改密码；注意勾选“允许登录系统”。';
const FIELDS = ['idNumber', 'name', 'phone', 'departmentId', 'loginEnabled'] as const;

interface AdminValues {
  idNumber?: string;
  name: string;
  phone: string;
  departmentId?: number | null;
  loginEnabled: boolean;
}

/** The form as it opens: the admin's own values for 修改, 允许登录系统 ticked for 新增. */
function initialValues(target: AdminRow | null): Partial<AdminValues> {
  if (!target) return { loginEnabled: true, departmentId: null };
  return {
    name: target.name,
    phone: target.phone ?? '',
    departmentId: target.departmentId,
    loginEnabled: target.loginEnabled,
  };
}

/** `null` target: 新增管理员; otherwise 修改 that admin. */
export function AdminModal({ open, target, onClose, afterClose }: DialogProps<AdminRow | null>) {
  const [form] = Form.useForm<AdminValues>();
  const firstField = useRef<InputRef>(null);
  const departments = useDepartments();
  const options = useMemo(() => departmentOptions(departments.data ?? []), [departments.data]);
  const create = useCreateAdmin();
  const update = useUpdateAdmin();
  const mutation = target ? update : create;
  const { modal, message } = App.useApp();

  const submit = (v: AdminValues) => {
    const common = {
      name: v.name.trim(),
      phone: v.phone.trim(),
      departmentId: v.departmentId ?? null,
      loginEnabled: v.loginEnabled,
    };
    // The server's reason goes under its input, and the keyboard goes there too.
    const onError = (e: unknown) => {
      if (applyFieldErrors(form, e, FIELDS)) focusFirstError(form);
    };
    if (target) {
      update.mutate(
        { id: target.id, ...common },
        {
          onSuccess: () => {
            message.success('保存成功');
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { idNumber: v.idNumber!.trim(), ...common },
        {
          onSuccess: (r) => {
            onClose();
            modal.success({
              title: '新增管理员成功',
              content: (
                <>
                  <p>{common.name}的登录用户名为其身份证号码（在登录页选择“单位管理员”）。</p>
                  <p>{r.initialPasswordHint || '初始密码为身份证号码后六位，7日内有效，首次登录须修改'}。</p>
                  {!common.loginEnabled && <p>该管理员当前未勾选“允许登录系统”，需修改后才能登录。</p>}
                </>
              ),
              okText: '知道了',
            });
          },
          onError,
        },
      );
    }
  };

  return (
    <FormModal<AdminValues>
      open={open}
      title={target ? '修改管理员' : '新增管理员'}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={firstField}
      save={mutation}
      form={form}
      name="admin"
      initialValues={initialValues(target)}
      onFinish={submit}
    >
      {!target && <Alert type="info" showIcon title={INITIAL_PASSWORD_TIP} style={{ marginBottom: 16 }} />}
      {target ? (
        <Form.Item label="身份证号码">
          <span>{target.idNumberMasked}</span>
        </Form.Item>
      ) : (
        <Form.Item
          label="身份证号码"
          name="idNumber"
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          validateFirst
          rules={[
            { required: true, message: '请输入身份证号码' },
            zodRule(AdminInput.shape.idNumber),
            {
              validator: async (_r, v: string) => {
                const c = checkIdNumber(v ?? '');
                if (!c.ok) throw new Error(c.reason);
              },
            },
          ]}
        >
          <Input ref={firstField} maxLength={18} autoComplete="off" placeholder="18位公民身份号码" />
        </Form.Item>
      )}
      <Form.Item label="姓名" name="name" required rules={[zodRule(AdminInput.shape.name)]}>
        <Input ref={target ? firstField : undefined} maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[{ required: true, message: '请输入手机号码' }, zodRule(MobilePhone)]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="部门"
        name="departmentId"
        extra="不选择部门的，为单位总管理员，可查看整个单位人员信息；选择部门的为二级管理员，仅能管理该部门（含下级部门）的人员。"
        validateStatus={departments.isError ? 'error' : undefined}
        help={departments.isError ? `部门列表加载失败：${errorMessage(departments.error)}` : undefined}
      >
        <Select<number>
          allowClear
          placeholder="不选择部门（总管理员）"
          loading={departments.isPending}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={departments.isPending ? '正在加载…' : '本单位暂未设置部门，可在【单位部门管理】中新增部门'}
        />
      </Form.Item>
      <Form.Item name="loginEnabled" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>允许登录系统</Checkbox>
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={FIELDS} />
    </FormModal>
  );
}
