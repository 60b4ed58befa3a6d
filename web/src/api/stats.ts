import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StatsOverview, StatsPersonYear, StatsUnitRow, StatsCounts, StatsPersonRow } from '@ptce/contracts';
import { api } from './client';

export interface StatsFilter {
  year: number;
  region?: string;
  industry?: string;
}

/** GET /api/stats/overview — cards, map areas, industries, sources, bands, months in the caller's scope. */
export function useStatsOverview(f: StatsFilter) {
  return useQuery({
    queryKey: ['stats', 'overview', f],
    queryFn: ({ signal }) => api<StatsOverview>('/api/stats/overview', { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface StatsUnitPage {
  items: StatsUnitRow[];
  total: number;
  page: number;
  pageSize: number;
  dataAsOf: string | null;
}

/** GET /api/stats/units — the unit league table, worst first. */
export function useStatsUnits(f: StatsFilter & { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: ['stats', 'units', f],
    queryFn: ({ signal }) => api<StatsUnitPage>('/api/stats/units', { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface StatsUnitPeoplePage {
  unit: { id: number; name: string; regionName: string };
  totals: StatsCounts;
  items: StatsPersonRow[];
  total: number;
  page: number;
  pageSize: number;
  dataAsOf: string | null;
}

/** GET /api/stats/units/:unitId/people — a unit's people and their year. */
export function useStatsUnitPeople(
  unitId: number,
  q: { year: number; page: number; pageSize: number; met?: 'true' | 'false'; q?: string },
) {
  return useQuery({
    queryKey: ['stats', 'unit-people', unitId, q],
    queryFn: ({ signal }) => api<StatsUnitPeoplePage>(`/api/stats/units/${unitId}/people`, { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/stats/people/:accountId — a person's year. */
export function useStatsPerson(accountId: number, year: number) {
  return useQuery({
    queryKey: ['stats', 'person', accountId, year],
    queryFn: ({ signal }) => api<StatsPersonYear>(`/api/stats/people/${accountId}`, { query: { year }, signal }),
  });
}

/** POST /api/stats/refresh — the operator's 立即刷新. */
export function useRefreshStats() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      api<{ refreshed: boolean }>('/api/stats/refresh', { method: 'POST', query: { year } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stats'] }),
  });
}

/** The files the page downloads (tables as Excel, the report as PDF). */
export const STATS_EXPORT_PATH = '/api/stats/export';
export const STATS_REPORT_PATH = '/api/stats/report';
