import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MakeupDecision,
  MakeupRequestInput,
  MakeupRequestRow,
  MakeupRequestStatus,
  MyMakeupRequest,
} from '@ptce/contracts';
import { api } from './client';

const keys = {
  all: ['makeup-requests'] as const,
  mine: (year: number) => ['makeup-requests', 'mine', year] as const,
  queue: (q: MakeupQueueParams) => ['makeup-requests', 'queue', q] as const,
};

/** 补考申请 of the signed-in professional for a year: may they apply, and their latest request. */
export function useMyMakeupRequest(year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.mine(year ?? 0),
    queryFn: ({ signal }) => api<MyMakeupRequest>(`/api/exams/years/${year}/makeup-request`, { signal }),
    enabled: enabled && year !== undefined,
  });
}

export function useApplyMakeup(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MakeupRequestInput) =>
      api<MyMakeupRequest>(`/api/exams/years/${year}/makeup-request`, { method: 'POST', body }),
    onSuccess: (r) => qc.setQueryData(keys.mine(year), r),
  });
}

export interface MakeupQueueParams {
  page: number;
  pageSize: number;
  status?: MakeupRequestStatus;
}

/** The help desk's queue of 补考申请. */
export function useMakeupQueue(q: MakeupQueueParams) {
  return useQuery({
    queryKey: keys.queue(q),
    queryFn: ({ signal }) =>
      api<{ items: MakeupRequestRow[]; total: number }>('/api/exams/admin/makeup-requests', {
        query: { ...q },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideMakeup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MakeupDecision & { id: number }) =>
      api<MakeupRequestRow>(`/api/exams/admin/makeup-requests/${id}/decision`, { method: 'POST', body }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['todo'] });
    },
  });
}
