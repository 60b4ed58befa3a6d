import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExamAnswers, ExamAttemptView, ExamOverview, GrantMakeupRequest, PersonExamStatus, PersonLookup } from '@ptce/contracts';
import { api } from './client';
import { learningKeys } from './learning';

export const examKeys = {
  overview: (year: number) => ['exams', 'year', year] as const,
  attempt: (id: number) => ['exams', 'attempt', id] as const,
  people: (idNumber: string) => ['exams', 'people', idNumber] as const,
  status: (accountId: number, year: number) => ['exams', 'status', accountId, year] as const,
};

/** GET /api/exams/years/:year — 考试列表 */
export function useExamOverview(year: number | undefined) {
  return useQuery({
    queryKey: examKeys.overview(year ?? 0),
    queryFn: ({ signal }) => api<ExamOverview>(`/api/exams/years/${year}`, { signal }),
    enabled: year !== undefined,
  });
}

/** POST /api/exams/years/:year/attempts — 开始考试 (or continue the open one). */
export function useStartExam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api<ExamAttemptView>(`/api/exams/years/${year}/attempts`, { method: 'POST' }),
    onSuccess: (a) => {
      qc.setQueryData(examKeys.attempt(a.id), a);
      void qc.invalidateQueries({ queryKey: examKeys.overview(a.year) });
    },
  });
}

/** GET /api/exams/attempts/:id — the paper while open, the result after submission. */
export function useAttempt(id: number) {
  return useQuery({
    queryKey: examKeys.attempt(id),
    queryFn: ({ signal }) => api<ExamAttemptView>(`/api/exams/attempts/${id}`, { signal }),
    staleTime: Infinity,
  });
}

/** PUT /api/exams/attempts/:id/answers — saved while answering. */
export function saveAnswers(id: number, answers: ExamAnswers) {
  return api<{ savedAt: string }>(`/api/exams/attempts/${id}/answers`, { method: 'PUT', body: { answers } });
}

/** POST /api/exams/attempts/:id/submit — 交卷 */
export function useSubmitExam(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: ExamAnswers) => api<ExamAttemptView>(`/api/exams/attempts/${id}/submit`, { method: 'POST', body: { answers } }),
    onSuccess: (a) => {
      qc.setQueryData(examKeys.attempt(a.id), a);
      void qc.invalidateQueries({ queryKey: examKeys.overview(a.year) });
      void qc.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
}

/** GET /api/exams/admin/people?idNumber= — 补学补考: find a person. */
export function usePersonLookup(idNumber: string | null) {
  return useQuery({
    queryKey: examKeys.people(idNumber ?? ''),
    queryFn: ({ signal }) => api<PersonLookup[]>('/api/exams/admin/people', { query: { idNumber }, signal }),
    enabled: Boolean(idNumber),
  });
}

/** GET /api/exams/admin/people/:accountId/years/:year */
export function usePersonExamStatus(accountId: number | undefined, year: number) {
  return useQuery({
    queryKey: examKeys.status(accountId ?? 0, year),
    queryFn: ({ signal }) => api<PersonExamStatus>(`/api/exams/admin/people/${accountId}/years/${year}`, { signal }),
    enabled: accountId !== undefined,
  });
}

/** POST /api/exams/admin/makeups — 开通补学补考 */
export function useGrantMakeup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantMakeupRequest) => api<PersonExamStatus>('/api/exams/admin/makeups', { method: 'POST', body }),
    onSuccess: (s) => qc.setQueryData(examKeys.status(s.person.accountId, s.year), s),
  });
}
