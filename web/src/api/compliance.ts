import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceList, ComplianceStatus } from '@ptce/contracts';
import { api } from './client';
import { useExactTotal } from '../components/list/useExactTotal';

/** GET /api/compliance/me — this (or the given) year's progress of the signed-in professional. */
export function useMyCompliance(year?: number) {
  return useQuery({
    queryKey: ['compliance', 'me', year ?? 'current'],
    queryFn: ({ signal }) => api<ComplianceStatus>('/api/compliance/me', { query: { year }, signal }),
  });
}

/** GET /api/compliance/me/years — every planned year up to now, newest first. */
export function useMyComplianceYears() {
  return useQuery({
    queryKey: ['compliance', 'me', 'years'],
    queryFn: ({ signal }) => api<ComplianceStatus[]>('/api/compliance/me/years', { signal }),
  });
}

export interface UnitComplianceParams {
  year: number;
  page: number;
  pageSize: number;
  q?: string;
  departmentId?: number;
  met?: 'true' | 'false';
  compulsoryDone?: 'true' | 'false';
}

/**
 * GET /api/compliance/unit — the staff in the caller's scope for a year. A province-, region- or industry-wide list
 * counts at most 1,000 people (`totalCapped`; 精确统计 asks for all) and its summary is the statistics' as of
 * `summary.asOf` (数据时间).
 */
export function useUnitCompliance(params: UnitComplianceParams) {
  const total = useExactTotal().query;
  return useQuery({
    queryKey: ['compliance', 'unit', params, total],
    queryFn: ({ signal }) => api<ComplianceList>('/api/compliance/unit', { query: { ...params, ...total }, signal }),
    placeholderData: keepPreviousData,
  });
}
