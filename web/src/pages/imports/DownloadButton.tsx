import { useState } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { downloadFile } from '../../api/imports';
import { errorMessage } from '../../api/client';

/** A button that downloads one file (模板, 错误报告), busy while it does; a failure is a message. */
export function DownloadButton({
  url,
  fallbackName,
  ...rest
}: Omit<ButtonProps, 'onClick' | 'loading'> & { url: string; fallbackName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(url, undefined, fallbackName);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return <Button {...rest} loading={busy} onClick={() => void download()} />;
}
