import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BankCourseRow,
  ExamAnswers,
  ExamAttemptView,
  ExamOverview,
  GrantMakeupRequest,
  PersonExamStatus,
  PersonLookup,
  QuestionInput,
  QuestionRow,
  QuestionUpdate,
} from '@ptce/contracts';
import { api } from './client';
import { learningKeys } from './learning';

export const examKeys = {
  overview: (year: number) => ['exams', 'year', year] as const,
  attempt: (id: number) => ['exams', 'attempt', id] as const,
  people: (idNumber: string) => ['exams', 'people', idNumber] as const,
  status: (accountId: number, year: number) => ['exams', 'status', accountId, year] as const,
  bankCourses: ['exams', 'bank', 'courses'] as const,
  bankQuestions: (courseId: number) => ['exams', 'bank', 'questions', courseId] as const,
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
    mutationFn: (answers: ExamAnswers) =>
      api<ExamAttemptView>(`/api/exams/attempts/${id}/submit`, { method: 'POST', body: { answers } }),
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
    mutationFn: (body: GrantMakeupRequest) =>
      api<PersonExamStatus>('/api/exams/admin/makeups', { method: 'POST', body }),
    onSuccess: (s) => qc.setQueryData(examKeys.status(s.person.accountId, s.year), s),
  });
}

// ---------- 题库 (operator) ----------

/** GET /api/exams/admin/courses — every course with its plan years and question counts. */
export function useBankCourses() {
  return useQuery({
    queryKey: examKeys.bankCourses,
    queryFn: ({ signal }) => api<BankCourseRow[]>('/api/exams/admin/courses', { signal }),
  });
}

/** GET /api/exams/admin/courses/:courseId/questions — the course's whole bank, enabled or not. */
export function useBankQuestions(courseId: number | undefined) {
  return useQuery({
    queryKey: examKeys.bankQuestions(courseId ?? 0),
    queryFn: ({ signal }) => api<QuestionRow[]>(`/api/exams/admin/courses/${courseId}/questions`, { signal }),
    enabled: courseId !== undefined,
  });
}

/** The answer replaces the row in the course's list at once; the counts of the course list follow. */
function useStoreQuestion() {
  const qc = useQueryClient();
  return (q: QuestionRow) => {
    qc.setQueryData<QuestionRow[]>(examKeys.bankQuestions(q.courseId), (rows) =>
      rows ? (rows.some((r) => r.id === q.id) ? rows.map((r) => (r.id === q.id ? q : r)) : [...rows, q]) : rows,
    );
    return qc.invalidateQueries({ queryKey: examKeys.bankCourses });
  };
}

/** POST /api/exams/admin/courses/:courseId/questions — 新增试题 */
export function useCreateQuestion() {
  const store = useStoreQuestion();
  return useMutation({
    mutationFn: ({ courseId, body }: { courseId: number; body: QuestionInput }) =>
      api<QuestionRow>(`/api/exams/admin/courses/${courseId}/questions`, { method: 'POST', body }),
    onSuccess: store,
  });
}

/** PATCH /api/exams/admin/questions/:questionId — 修改, 停用 / 启用 */
export function useUpdateQuestion() {
  const store = useStoreQuestion();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: QuestionUpdate }) =>
      api<QuestionRow>(`/api/exams/admin/questions/${id}`, { method: 'PATCH', body }),
    onSuccess: store,
  });
}
