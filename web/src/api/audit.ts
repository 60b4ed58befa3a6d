import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@ptce/contracts';
import { api } from './client';

export interface AuditLogParams {
  page: number;
  pageSize: number;
  /** An action code (the 操作 select shows its Chinese label). */
  action?: string;
  /** 操作人: name or username. */
  actor?: string;
  /** 对象: a person's name or ID number, or a unit's name. */
  target?: string;
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
