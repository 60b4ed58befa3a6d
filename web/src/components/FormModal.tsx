import type { ReactNode, RefObject } from 'react';
import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { focusUnlessTyping } from './useFocusOnOpen';

interface FormModalProps<V> extends Omit<FormProps<V>, 'form' | 'name' | 'layout' | 'children' | 'title'> {
  open: boolean;
  title: ReactNode;
  width?: number;
  onClose: () => void;
  afterClose?: () => void;
  /** Focused once the dialog has opened, so a keyboard user can type at once. */
  focusRef?: RefObject<{ focus: () => void } | null>;
  /** The save: 保存 spins while it is on its way, and an edit clears its last error. */
  save: { isPending: boolean; isError: boolean; reset: () => void };
  form: FormInstance<V>;
  /** The form's name (prefix of its fields' ids). */
  name: string;
  /** The submit button's text (保存 unless said) and whether it is disabled. */
  okText?: string;
  okDisabled?: boolean;
  children: ReactNode;
}

/**
 * A dialog whose body is one vertical form submitted by 保存 (or Enter): 取消 closes it, a click outside does not,
 * the first wrong field is scrolled to and focused. Other props go to the Form.
 */
export function FormModal<V>({
  open,
  title,
  width,
  onClose,
  afterClose,
  focusRef,
  save,
  form,
  onValuesChange,
  name,
  children,
  okText = '保存',
  okDisabled = false,
  ...formProps
}: FormModalProps<V>) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      width={width}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && focusUnlessTyping(focusRef?.current)}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending, disabled: okDisabled }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<V>
          form={form}
          name={name}
          layout="vertical"
          scrollToFirstError={{ focus: true }}
          onValuesChange={(changed, all) => {
            if (save.isError) save.reset();
            onValuesChange?.(changed, all);
          }}
          {...formProps}
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}

/** What a page gives the dialog it opens: whether it is open, what it edits, and how it closes. */
export interface DialogProps<T> {
  open: boolean;
  target: T;
  onClose: () => void;
  afterClose: () => void;
}
