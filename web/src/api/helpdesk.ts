import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountMergeCounts,
  AccountMergePreview,
  AccountMergeRequest,
  AccountMergeResult,
  HelpdeskMakeupRequest,
  HelpdeskPerson,
  HelpdeskSearchResult,
  IssuedPassword,
  PersonExamStatus,
  TransferRequest,
  UndoMergeRequest,
  UnlockResult,
} from '@ptce/contracts';
import { api } from './client';

const keys = {
  search: (q: string) => ['helpdesk', 'search', q] as const,
  person: (id: number) => ['helpdesk', 'person', id] as const,
  departments: (unitId: number) => ['helpdesk', 'departments', unitId] as const,
  mergePreview: (keptId: number, mergedId: number) => ['helpdesk', 'merge-preview', keptId, mergedId] as const,
};

/** GET /api/helpdesk/people/:keptId/merge-preview?mergedId= — what 合并账号 would move, and its conflicts */
export function useMergePreview(keptId: number | undefined, mergedId: number | undefined) {
  return useQuery({
    queryKey: keys.mergePreview(keptId ?? 0, mergedId ?? 0),
    queryFn: ({ signal }) =>
      api<AccountMergePreview>(`/api/helpdesk/people/${keptId}/merge-preview`, { query: { mergedId }, signal }),
    enabled: !!keptId && !!mergedId && keptId !== mergedId,
    retry: false,
  });
}

/** GET /api/helpdesk/people?q= — 人员查询 by ID number, phone or name */
export function useHelpdeskSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: ({ signal }) => api<HelpdeskSearchResult>('/api/helpdesk/people', { query: { q }, signal }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** GET /api/helpdesk/people/:id — the person's page */
export function useHelpdeskPerson(id: number) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: ({ signal }) => api<HelpdeskPerson>(`/api/helpdesk/people/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** GET /api/helpdesk/units/:id/departments — 人员调动's department choice */
export function useUnitDepartments(unitId: number | undefined) {
  return useQuery({
    queryKey: keys.departments(unitId ?? 0),
    queryFn: ({ signal }) =>
      api<Array<{ id: number; name: string; parentId: number | null }>>(`/api/helpdesk/units/${unitId}/departments`, {
        signal,
      }),
    enabled: !!unitId,
  });
}

/** An action on the person's page; the page (and the search) reload after it. */
function usePersonAction<I, O>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: ['helpdesk'] }),
  });
}

export const useResetPassword = (id: number) =>
  usePersonAction(() => api<IssuedPassword>(`/api/helpdesk/people/${id}/reset-password`, { method: 'POST' }));
export const useUnlock = (id: number) =>
  usePersonAction(() => api<UnlockResult>(`/api/helpdesk/people/${id}/unlock`, { method: 'POST' }));
export const useHelpdeskMakeup = (id: number) =>
  usePersonAction((body: HelpdeskMakeupRequest) =>
    api<PersonExamStatus>(`/api/helpdesk/people/${id}/makeups`, { method: 'POST', body }),
  );
export const useTransfer = (id: number) =>
  usePersonAction((body: TransferRequest) =>
    api<{ ok: true }>(`/api/helpdesk/people/${id}/transfer`, { method: 'POST', body }),
  );
export const useMergeAccounts = (keptId: number) =>
  usePersonAction((body: AccountMergeRequest) =>
    api<AccountMergeResult>(`/api/helpdesk/people/${keptId}/merge`, { method: 'POST', body }),
  );
export const useUndoMerge = (mergeId: number) =>
  usePersonAction((body: UndoMergeRequest) =>
    api<AccountMergeCounts>(`/api/helpdesk/merges/${mergeId}/undo`, { method: 'POST', body }),
  );
export const useHelpdeskUnbindWechat = (id: number) =>
  usePersonAction(() => api<{ ok: true }>(`/api/helpdesk/people/${id}/wechat`, { method: 'DELETE' }));
