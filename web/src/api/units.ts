import { useQuery } from '@tanstack/react-query';
import type { UnitSummary } from '@ptce/contracts';
import { api } from './client';

/**
 * GET /api/units/search?q= — public search by unit name or 统一社会信用代码.
 * Pass an already debounced string; an empty one does not query.
 */
export function useUnitSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['units', 'search', term],
    queryFn: ({ signal }) =>
      api<UnitSummary[]>('/api/units/search', { query: { q: term }, signal, redirectOn401: false }),
    enabled: term.length > 0,
    staleTime: 60_000,
  });
}
