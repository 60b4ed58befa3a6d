// 培训班 — one hook per call of server/src/modules/classes/routes.ts (the trainee import and the exports are
// the Excel area's: api/imports.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClassInput,
  ClassRow,
  OrganiserTraineeRow,
  TraineeInput,
  TraineeResult,
  TraineeRow,
} from '@ptce/contracts';
import { api } from './client';
import type { PageOf } from './imports';

const KEY = ['classes'] as const;

export interface ClassListParams {
  page: number;
  pageSize: number;
  year?: number;
  q?: string;
}

/** GET /api/classes — the organiser's classes. */
export function useClasses(params: ClassListParams) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) => api<PageOf<ClassRow>>('/api/classes', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface OrganiserTraineeParams {
  page: number;
  pageSize: number;
  year?: number;
  result?: TraineeResult;
  q?: string;
}

/** GET /api/classes/trainees — 学员 of all the organiser's classes (ID numbers masked). */
export function useOrganiserTrainees(params: OrganiserTraineeParams) {
  return useQuery({
    queryKey: [...KEY, 'all-trainees', params],
    queryFn: ({ signal }) =>
      api<PageOf<OrganiserTraineeRow>>('/api/classes/trainees', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/classes/:id */
export function useClass(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api<ClassRow>(`/api/classes/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** POST /api/classes — 新增培训班 (a base: { filingId }). */
export function useCreateClass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassInput | { filingId: number }) => api<ClassRow>('/api/classes', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** GET /api/classes/:id/trainees */
export function useTrainees(classId: number, params: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: [...KEY, 'trainees', classId, params],
    queryFn: ({ signal }) =>
      api<PageOf<TraineeRow>>(`/api/classes/${classId}/trainees`, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/classes/:id/trainees — 添加学员. */
export function useAddTrainee(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TraineeInput) =>
      api<{ trainee: TraineeRow; overlapsWith: string[] }>(`/api/classes/${classId}/trainees`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** PUT /api/classes/:id/trainees/:traineeId — 更正. */
export function useCorrectTrainee(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; hours: number; result: TraineeResult; reason: string }) =>
      api<TraineeRow>(`/api/classes/${classId}/trainees/${id}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** DELETE /api/classes/:id/trainees/:traineeId — 撤销. */
export function useWithdrawTrainee(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<{ ok: true }>(`/api/classes/${classId}/trainees/${id}`, { method: 'DELETE', body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const rosterUrl = (classId: number) => `/api/exports/classes/${classId}/roster`;
