import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { RecordStatus } from '@ptce/contracts';
import type { RecordListParams } from '../../api/hours';

export const PAGE_SIZES = [20, 50, 100, 200];

function positiveInt(s: string | null, fallback: number, max: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/**
 * A record list's filters and page in the URL (bookmarkable, Back works). Changing a filter goes
 * back to page 1.
 */
export function useListParams(defaults: { status?: RecordStatus } = {}) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = useMemo<RecordListParams>(() => {
    const p = new URLSearchParams(key);
    const status = RecordStatus.safeParse(p.get('status'));
    const year = Number(p.get('year'));
    const q = p.get('q')?.trim();
    return {
      page: positiveInt(p.get('page'), 1, 100000),
      pageSize: positiveInt(p.get('pageSize'), 20, 200),
      status: status.success ? status.data : defaults.status,
      year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
      q: q ? q.slice(0, 30) : undefined,
    };
  }, [key, defaults.status]);

  const update = useCallback(
    (patch: Partial<RecordListParams> & Record<string, unknown>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        const resetPage = !('page' in patch);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (resetPage) next.delete('page');
        if (next.get('page') === '1') next.delete('page');
        if (next.get('pageSize') === '20') next.delete('pageSize');
        return next;
      });
    },
    [setParams],
  );

  return { query, update, params };
}
