import type { ReactNode } from 'react';
import { App, type FormInstance } from 'antd';
import type { HelpdeskPerson } from '@ptce/contracts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

/** What PersonActions gives each of its dialogs. */
export interface PersonDialogProps {
  open: boolean;
  person: HelpdeskPerson;
  onClose: () => void;
}

/**
 * An action of 人员查询 on one person that asks for details first (补考授权, 人员调动): the title names the person,
 * each opening starts from an empty form, and a success is announced and closes the dialog.
 */
export function PersonDialog<V extends object, B>({
  open,
  person,
  onClose,
  action,
  name,
  form,
  save,
  body,
  done,
  children,
  ...formProps
}: PersonDialogProps & {
  /** The dialog's title before the person's name. */
  action: string;
  /** The form's name (prefix of its fields' ids). */
  name: string;
  form: FormInstance<V>;
  save: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    reset: () => void;
    mutate: (body: B, options: { onSuccess: () => void }) => void;
  };
  /** The request made of the form's values. */
  body: (v: V) => B;
  /** The message after a success. */
  done: string;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<V>
      {...formProps}
      open={open}
      title={`${action}：${person.name}`}
      name={name}
      form={form}
      save={save}
      onClose={onClose}
      afterClose={() => form.resetFields()}
      onFinish={(v) =>
        save.mutate(body(v), {
          onSuccess: () => {
            void message.success(done);
            onClose();
          },
        })
      }
    >
      {children}
      <ErrorAlert error={save.error} />
    </FormModal>
  );
}
