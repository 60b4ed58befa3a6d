// 继续教育基地 and 培训备案 — one hook per call of server/src/modules/bases/routes.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BaseConsole,
  BaseDetail,
  BaseInput,
  BaseLevel,
  BaseLoginCreated,
  BaseLoginInput,
  BaseRow,
  BaseStatusInput,
  BaseValidity,
  Filing,
  FilingInput,
  FilingRow,
  FilingStatus,
  IssuedPassword,
  PublicFiling,
} from '@ptce/contracts';
import { api } from './client';
import type { PageOf } from './imports';

const BASES = ['bases'] as const;
const FILINGS = ['filings'] as const;

// ---------- 基地管理 (operator) ----------

export interface BaseListParams {
  page: number;
  pageSize: number;
  q?: string;
  level?: BaseLevel;
  batch?: string;
  validity?: BaseValidity;
  status?: 'active' | 'suspended';
}

/** GET /api/bases */
export function useBases(params: BaseListParams) {
  return useQuery({
    queryKey: [...BASES, 'list', params],
    queryFn: ({ signal }) => api<PageOf<BaseRow>>('/api/bases', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/bases/:id — with its logins. */
export function useBase(id: number | null) {
  return useQuery({
    queryKey: [...BASES, 'one', id],
    queryFn: ({ signal }) => api<BaseDetail>(`/api/bases/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** POST /api/bases, PUT /api/bases/:id */
export function useSaveBase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BaseInput & { id: number | null }) =>
      id === null
        ? api<{ id: number }>('/api/bases', { method: 'POST', body })
        : api<{ id: number }>(`/api/bases/${id}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BASES }),
  });
}

/** POST /api/bases/:id/status — 暂停 (with a reason) / 恢复. */
export function useSetBaseStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BaseStatusInput & { id: number }) =>
      api<{ ok: true }>(`/api/bases/${id}/status`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BASES }),
  });
}

/** POST /api/bases/:id/logins — the initial password comes back once. */
export function useCreateBaseLogin(baseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BaseLoginInput) =>
      api<BaseLoginCreated>(`/api/bases/${baseId}/logins`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BASES }),
  });
}

/** POST /api/bases/:id/logins/:accountId/password */
export function useReissueBaseLogin(baseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (accountId: number) =>
      api<IssuedPassword>(`/api/bases/${baseId}/logins/${accountId}/password`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BASES }),
  });
}

/** POST /api/bases/:id/logins/:accountId/enabled */
export function useSetBaseLoginEnabled(baseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, enabled }: { accountId: number; enabled: boolean }) =>
      api<{ ok: true }>(`/api/bases/${baseId}/logins/${accountId}/enabled`, { method: 'POST', body: { enabled } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BASES }),
  });
}

// ---------- 培训备案 ----------

/** GET /api/base-console — the base itself, whether it may file, its filings by state, its classes of a year. */
export function useBaseConsole(year?: number, enabled = true) {
  return useQuery({
    queryKey: [...FILINGS, 'console', year],
    queryFn: ({ signal }) => api<BaseConsole>('/api/base-console', { query: { year }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface FilingListParams {
  page: number;
  pageSize: number;
  status?: FilingStatus;
  changePending?: 'true' | 'false';
  baseId?: number;
  q?: string;
  year?: number;
}

/** GET /api/filings — the base's own, a reviewer's in scope (never drafts). */
export function useFilings(params: FilingListParams, enabled = true) {
  return useQuery({
    queryKey: [...FILINGS, 'list', params],
    queryFn: ({ signal }) => api<PageOf<FilingRow>>('/api/filings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** GET /api/filings/:id */
export function useFiling(id: number | null) {
  return useQuery({
    queryKey: [...FILINGS, 'one', id],
    queryFn: ({ signal }) => api<Filing>(`/api/filings/${id}`, { signal }),
    enabled: id !== null,
  });
}

function useFilingMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: FILINGS }), qc.invalidateQueries({ queryKey: BASES })]),
  });
}

/** POST /api/filings (新建草稿), PUT /api/filings/:id (草稿 or 退回). */
export const useSaveFiling = () =>
  useFilingMutation(({ id, body }: { id: number | null; body: FilingInput }) =>
    id === null
      ? api<{ id: number }>('/api/filings', { method: 'POST', body })
      : api<{ id: number }>(`/api/filings/${id}`, { method: 'PUT', body }),
  );

/** POST /api/filings/:id/submit — 待审核, or 已备案 at once when it needs no review. */
export const useSubmitFiling = () =>
  useFilingMutation((id: number) =>
    api<{ status: FilingStatus; filingNo: string | null }>(`/api/filings/${id}/submit`, { method: 'POST' }),
  );

/** DELETE /api/filings/:id — a draft. */
export const useDeleteFiling = () =>
  useFilingMutation((id: number) => api<{ ok: true }>(`/api/filings/${id}`, { method: 'DELETE' }));

/** POST /api/filings/:id/changes — 变更 of a filed class. */
export const useRequestChange = () =>
  useFilingMutation(({ id, reason, content }: { id: number; reason: string; content: FilingInput }) =>
    api<{ changeId: number }>(`/api/filings/${id}/changes`, { method: 'POST', body: { reason, content } }),
  );

/** POST /api/filings/:id/approve — 已备案 with its 备案号. */
export const useApproveFiling = () =>
  useFilingMutation((id: number) => api<{ filingNo: string }>(`/api/filings/${id}/approve`, { method: 'POST' }));

/** POST /api/filings/:id/return — 退回 with a reason. */
export const useReturnFiling = () =>
  useFilingMutation(({ id, reason }: { id: number; reason: string }) =>
    api<{ ok: true }>(`/api/filings/${id}/return`, { method: 'POST', body: { reason } }),
  );

/** POST /api/filings/:id/changes/approve */
export const useApproveChange = () =>
  useFilingMutation((id: number) => api<{ ok: true }>(`/api/filings/${id}/changes/approve`, { method: 'POST' }));

/** POST /api/filings/:id/changes/return */
export const useReturnChange = () =>
  useFilingMutation(({ id, reason }: { id: number; reason: string }) =>
    api<{ ok: true }>(`/api/filings/${id}/changes/return`, { method: 'POST', body: { reason } }),
  );

// ---------- 培训项目公示 (no login) ----------

export interface PublicFilingParams {
  page: number;
  pageSize: number;
  q?: string;
  industryCode?: string;
  year?: number;
}

/** GET /api/public/filings */
export function usePublicFilings(params: PublicFilingParams) {
  return useQuery({
    queryKey: ['public-filings', params],
    queryFn: ({ signal }) => api<PageOf<PublicFiling>>('/api/public/filings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}
