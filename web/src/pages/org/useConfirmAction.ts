import type { ReactNode } from 'react';
import { App } from 'antd';
import { errorMessage } from '../../api/client';

export interface ConfirmAction {
  title: string;
  content: ReactNode;
  okText: string;
  danger?: boolean;
  /** The call to make once confirmed. */
  run: () => Promise<unknown>;
  /** Toast after success. */
  done: string;
  /** Instead of the toast, a dialog built from the answer (a password shown once). */
  answer?: (result: never) => { title: string; content: ReactNode };
  /** Title of the dialog that shows the server's refusal (e.g. a 409's message). */
  failTitle: string;
}

/**
 * Every destructive action of the org pages asks first, in a dialog rather than a popover: it traps
 * focus, starts on 取消 so Enter never destroys by accident, closes on Esc and gives focus back to
 * the row's button. A refusal (非空部门, 最后一名总管理员 …) is shown with the server's own words.
 */
export function useConfirmAction() {
  const { modal, message } = App.useApp();
  return (a: ConfirmAction) => {
    // The refusal dialog opens after the confirmation has closed; it hands focus back to the row too.
    const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    modal.confirm({
      title: a.title,
      content: a.content,
      okText: a.okText,
      cancelText: '取消',
      okButtonProps: { danger: a.danger },
      focusable: { autoFocusButton: 'cancel' },
      onOk: () =>
        a.run().then(
          (result) => {
            if (!a.answer) return void message.success(a.done);
            const shown = a.answer(result as never);
            modal.success({
              title: shown.title,
              content: shown.content,
              okText: '我已记下',
              width: 480,
              afterClose: () => trigger?.focus(),
            });
          },
          (e: unknown) => {
            modal.error({
              title: a.failTitle,
              content: errorMessage(e),
              okText: '知道了',
              afterClose: () => trigger?.focus(),
            });
          },
        ),
    });
  };
}
