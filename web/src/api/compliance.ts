import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceRow, ComplianceStatus } from '@ptce/contracts';
import { api } from './client';

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

export interface UnitCompliancePage {
  items: ComplianceRow[];
  total: number;
  page: number;
  pageSize: number;
  summary: { people: number; met: number; compulsoryDone: number };
}

/** GET /api/compliance/unit — the staff in the caller's scope for a year. */
export function useUnitCompliance(params: UnitComplianceParams) {
  return useQuery({
    queryKey: ['compliance', 'unit', params],
    queryFn: ({ signal }) => api<UnitCompliancePage>('/api/compliance/unit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}
