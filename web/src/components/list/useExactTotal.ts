import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Large lists count at most 1,000 rows (the server says `totalCapped`); 精确统计 asks for the exact total.
 * The choice lives in the URL (`exactTotal=true`) beside the page's own parameters, so the list's API
 * hook sends it (`{ ...params, ...useExactTotal().query }`) and the pager's link sets it.
 */
export function useExactTotal() {
  const [params, setParams] = useSearchParams();
  const on = params.get('exactTotal') === 'true';
  const request = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('exactTotal', 'true');
        return next;
      }),
    [setParams],
  );
  return { on, query: on ? { exactTotal: 'true' as const } : {}, request };
}
