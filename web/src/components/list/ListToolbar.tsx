import type { ReactNode } from 'react';
import { Flex } from 'antd';
import './list.css';

/** The bar above a list: filters on the left, batch buttons on the right (stacked on phones). */
export function ListToolbar({ filters, actions }: { filters?: ReactNode; actions?: ReactNode }) {
  return (
    <Flex className="ptce-toolbar" gap={8} wrap justify="space-between">
      <Flex gap={8} wrap>
        {filters}
      </Flex>
      {actions && (
        <Flex gap={8} wrap>
          {actions}
        </Flex>
      )}
    </Flex>
  );
}

/** The line under the toolbar: what is selected, or how to use the list. */
export function ListHint({ children }: { children: ReactNode }) {
  return <p className="ptce-hint ptce-toolbar-hint">{children}</p>;
}
