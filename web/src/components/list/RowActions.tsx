import type { ReactNode } from 'react';
import { Button, Space } from 'antd';

/** A row's actions: in one line on desktops, stacked on phones. */
export function RowActions({ desktop, children }: { desktop: boolean; children: ReactNode }) {
  return (
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      {children}
    </Space>
  );
}

/** One action of a row: a small link named for screen readers by the action and the row (“修改 张三”). */
export function RowAction({
  label,
  of,
  onClick,
  danger,
}: {
  label: string;
  /** What the row is called (a name, a title). */
  of: string;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <Button type="link" size="small" danger={danger} aria-label={`${label} ${of}`} onClick={onClick}>
      {label}
    </Button>
  );
}
