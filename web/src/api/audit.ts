import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@ptce/contracts';
import { api } from './client';

export interface AuditLogParams {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  /** YYYY-MM-DD, inclusive */
  to?: string;
}

export interface AuditLogPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/audit — operators only; paged, newest first. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api<AuditLogPage>('/api/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}
