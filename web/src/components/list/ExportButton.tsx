// 导出Excel — one button for the lists that export (专业科目学时审核结果, 专业科目学时查询,
// 专业技术人员管理, 年度学时达标情况). It exports the list's current filter, the whole result (not
// just the page on screen); the server streams the workbook and names it in Chinese.
import { useState } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { downloadFile, EXPORTS, type ExportKind } from '../../api/imports';
import { errorMessage } from '../../api/client';
import { exportFilter } from './export-filter';

export interface ExportButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  kind: ExportKind;
  /** The list's filter as it is sent to the list endpoint; page and pageSize are ignored. */
  query?: Record<string, string | number | boolean | null | undefined>;
}

export function ExportButton({ kind, query, children, ...rest }: ExportButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const hide = message.loading('正在生成Excel，数据较多时需要一些时间…', 0);
    try {
      await downloadFile(EXPORTS[kind].path, exportFilter(query), EXPORTS[kind].fallback);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      hide();
      setBusy(false);
    }
  };
  return (
    <Button {...rest} loading={busy} onClick={() => void run()}>
      {children ?? '导出Excel'}
    </Button>
  );
}
