import { useQuery } from '@tanstack/react-query';
import type { AnnualPlan, Industry, Region, TrainingBase } from '@ptce/contracts';
import { api } from './client';

// Reference data changes a few times a year: fetch once per page load.
const ONCE = { staleTime: Infinity, gcTime: Infinity } as const;

/** GET /api/reference/regions */
export function useRegions() {
  return useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: () => api<Region[]>('/api/reference/regions'),
    ...ONCE,
  });
}

/** GET /api/reference/industries */
export function useIndustries() {
  return useQuery({
    queryKey: ['reference', 'industries'],
    queryFn: () => api<Industry[]>('/api/reference/industries'),
    ...ONCE,
  });
}

/** GET /api/reference/bases — 继续教育基地 */
export function useTrainingBases() {
  return useQuery({
    queryKey: ['reference', 'bases'],
    queryFn: () => api<TrainingBase[]>('/api/reference/bases'),
    ...ONCE,
  });
}

/** GET /api/reference/plans — 年度计划 */
export function useAnnualPlans(enabled = true) {
  return useQuery({
    queryKey: ['reference', 'plans'],
    queryFn: () => api<AnnualPlan[]>('/api/reference/plans'),
    enabled,
    ...ONCE,
  });
}
