import { useEffect, useState } from 'react';

/**
 * Loading indicator for pages and lazy chunks (plain markup: it shows while antd itself is loading).
 * It stays invisible for the first moments so fast
 * loads do not flash, and is announced to screen readers as a status.
 */
export function PageSpinner({
  fullscreen = false,
  delayMs = 250,
  label = '正在加载…',
}: {
  fullscreen?: boolean;
  delayMs?: number;
  label?: string;
}) {
  const [visible, setVisible] = useState(delayMs === 0);
  useEffect(() => {
    const t = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(t);
  }, [delayMs]);
  return (
    <div role="status" aria-live="polite" className={fullscreen ? 'ptce-spinner ptce-spinner-full' : 'ptce-spinner'}>
      {visible && (
        <>
          <span className="ptce-spin" aria-hidden="true" />
          <span className="ptce-spinner-label">{label}</span>
        </>
      )}
    </div>
  );
}
