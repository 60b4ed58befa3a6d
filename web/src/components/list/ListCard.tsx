import type { ReactNode } from 'react';
import { Card } from 'antd';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';

/** The card a list sits in: the usual padding on desktops, a narrow one on phones so the table keeps its width. */
export function ListCard({ children }: { children: ReactNode }) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  return (
    <Card className="ptce-section" styles={{ body: { padding: desktop ? 24 : 12 } }}>
      {children}
    </Card>
  );
}
