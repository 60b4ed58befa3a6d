import { useState, type ReactNode } from 'react';
import { App, Button } from 'antd';
import { errorMessage } from '../../api/client';

/** A download that takes a while (a big export, the PDF report): busy state and a progress message. */
export function StatsDownloadButton(p: {
  run: () => Promise<void>;
  children: ReactNode;
  wait?: string;
  primary?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    const hide = message.loading(p.wait ?? '正在生成Excel，数据较多时需要一些时间…', 0);
    try {
      await p.run();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      hide();
      setBusy(false);
    }
  };
  return (
    <Button size="small" type={p.primary ? 'primary' : 'default'} loading={busy} onClick={() => void click()}>
      {p.children}
    </Button>
  );
}
