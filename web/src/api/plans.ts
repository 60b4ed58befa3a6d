import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanCoursesInput,
  PlanDetail,
  PlanNotice,
  PlanSummary,
  PlanVersion,
  Reopening,
  ReopeningInput,
  UpdatePlanInput,
} from '@ptce/contracts';
import { api } from './client';

/** A year's plan; its versions and reopenings sit under it, so invalidating the year refreshes them too. */
const planYear = (year: number) => ['plans', 'year', year] as const;

export const planKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  one: planYear,
  versions: (year: number) => [...planYear(year), 'versions'] as const,
  reopenings: (year: number) => [...planYear(year), 'reopenings'] as const,
  notices: ['plans', 'notices'] as const,
};

/** GET /api/plans — every year's plan, drafts too (operator). */
export function usePlans() {
  return useQuery({ queryKey: planKeys.list, queryFn: ({ signal }) => api<PlanSummary[]>('/api/plans', { signal }) });
}

export function usePlan(year: number | null) {
  return useQuery({
    queryKey: planKeys.one(year ?? 0),
    queryFn: ({ signal }) => api<PlanDetail>(`/api/plans/${year}`, { signal }),
    enabled: year !== null,
  });
}

export function usePlanVersions(year: number | null) {
  return useQuery({
    queryKey: planKeys.versions(year ?? 0),
    queryFn: ({ signal }) => api<PlanVersion[]>(`/api/plans/${year}/versions`, { signal }),
    enabled: year !== null,
  });
}

export function useReopenings(year: number | null) {
  return useQuery({
    queryKey: planKeys.reopenings(year ?? 0),
    queryFn: ({ signal }) => api<Reopening[]>(`/api/plans/${year}/reopenings`, { signal }),
    enabled: year !== null,
  });
}

/** GET /api/plans/notices — reopened deadlines that concern the professional, a year not yet published. */
export function usePlanNotices() {
  return useQuery({
    queryKey: planKeys.notices,
    queryFn: ({ signal }) => api<PlanNotice[]>('/api/plans/notices', { signal }),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: planKeys.all });
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (year: number) => api<PlanDetail>('/api/plans', { method: 'POST', body: { year } }),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan(year: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdatePlanInput) => api<PlanDetail>(`/api/plans/${year}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useSetPlanCourses(year: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PlanCoursesInput) => api<PlanDetail>(`/api/plans/${year}/courses`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function usePublishPlan(year: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<PlanDetail>(`/api/plans/${year}/publish`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useReopen(year: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReopeningInput) => api<Reopening[]>(`/api/plans/${year}/reopenings`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
