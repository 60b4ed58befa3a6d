import { useRef } from 'react';
import { App, Form, Input, Select, type InputRef } from 'antd';
import { FormModal } from '../../components/FormModal';
import { DepartmentInput, type DepartmentRow } from '@ptce/contracts';
import { useCreateDepartment, useUpdateDepartment } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, focusFirstError, zodRule } from '../../lib/form';
import type { DialogTarget } from './department-tree';

const FIELDS = ['name', 'parentId'] as const;
/** Select options cannot hold null; 0 stands for "no parent" (a top-level department). */
const NO_PARENT = 0;

interface DepartmentValues {
  name: string;
  parentId: number;
}

/** 新增部门 / 新增下级部门 / 修改. */
export function DepartmentModal({
  open,
  target,
  departments,
  onClose,
  afterClose,
}: {
  open: boolean;
  target: DialogTarget;
  departments: readonly DepartmentRow[];
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<DepartmentValues>();
  const nameRef = useRef<InputRef>(null);
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const mutation = target.mode === 'edit' ? update : create;
  const { message } = App.useApp();

  const self = target.mode === 'edit' ? target.department : null;
  const hasChildren = (self?.children?.length ?? 0) > 0;
  // A parent must be a top-level department (two levels at most) other than the department itself.
  const parentOptions = [
    { value: NO_PARENT, label: '无（作为一级部门）' },
    ...departments.filter((d) => d.parentId === null && d.id !== self?.id).map((d) => ({ value: d.id, label: d.name })),
  ];

  const submit = (v: DepartmentValues) => {
    const name = v.name.trim();
    const parentId = v.parentId === NO_PARENT ? null : v.parentId;
    // The server's reason goes under its input, and the keyboard goes there too.
    const onError = (e: unknown) => {
      if (applyFieldErrors(form, e, FIELDS)) focusFirstError(form);
    };
    if (self) {
      update.mutate(
        { id: self.id, ...(name !== self.name ? { name } : {}), ...(parentId !== self.parentId ? { parentId } : {}) },
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
        { name, parentId },
        {
          onSuccess: () => {
            message.success(`已新增部门“${name}”`);
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <FormModal<DepartmentValues>
      open={open}
      title={self ? `修改部门“${self.name}”` : '新增部门'}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={nameRef}
      save={mutation}
      form={form}
      name="department"
      initialValues={{
        name: self?.name ?? '',
        parentId: (self ? self.parentId : target.mode === 'create' ? target.parentId : null) ?? NO_PARENT,
      }}
      onFinish={submit}
    >
      <Form.Item label="部门名称" name="name" required rules={[zodRule(DepartmentInput.shape.name)]}>
        <Input ref={nameRef} maxLength={40} autoComplete="off" placeholder="如：内科、财务处" />
      </Form.Item>
      <Form.Item
        label="上级部门"
        name="parentId"
        extra={
          hasChildren
            ? '该部门下还有下级部门，只能作为一级部门（部门最多两级）。'
            : '部门最多两级：上级部门只能选择一级部门。'
        }
      >
        <Select<number> options={parentOptions} disabled={hasChildren} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={FIELDS} />
    </FormModal>
  );
}
