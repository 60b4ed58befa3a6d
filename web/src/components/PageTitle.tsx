import type { ReactNode } from 'react';

/** The one h1 of a page inside the centre layout, with optional actions on the right. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="ptce-page-head">
      <h1 className="ptce-page-title">{children}</h1>
      {extra && <div className="ptce-page-extra">{extra}</div>}
    </div>
  );
}
