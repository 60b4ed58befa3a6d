// 专业科目学时 — one hook per call of server/src/modules/hours/routes.ts (plus the two look-ups the
// hours forms need: the unit's staff and the supervising authorities).
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AuthoritySummary,
  BatchResult,
  EvidenceFile,
  HalfDay,
  PersonYearRow,
  RecordDetail,
  RecordInput,
  RecordRow,
  RecordStatus,
  StaffRow,
  YearTotals,
} from '@ptce/contracts';
import { api } from './client';
import { useExactTotal } from '../components/list/useExactTotal';
import { csrfOf, postFileWithProgress, recheckSessionOn401, type FileUpload } from './upload';

export interface PageOf<T> {
  items: T[];
  /** At least this many when `totalCapped` (the server stopped counting at 1,000; 精确统计 asks for all). */
  total: number;
  page: number;
  pageSize: number;
  totalCapped?: boolean;
  /** The rows after this page by keyset (API readers paging deep); the web pages by number. */
  nextCursor?: string | null;
}

/** RecordListQuery of @ptce/contracts, as the pages hold it. */
export interface RecordListParams {
  page: number;
  pageSize: number;
  status?: RecordStatus;
  year?: number;
  /** 姓名或身份证号码 (unit side) */
  q?: string;
}

/** PersonHoursQuery of @ptce/contracts. */
export interface PersonYearParams {
  page: number;
  pageSize: number;
  year?: number;
  q?: string;
}

export interface Span {
  startDate: string;
  startHalf: HalfDay;
  endDate: string;
  endHalf: HalfDay;
}

const hoursKey = ['hours'] as const;

/** Every hours list and total may change after any hours mutation. */
function invalidateHours(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: hoursKey });
}

/** GET /api/hours/preview — 申请学时 = the plan's hours per half day × half days (null span: no query). */
export function useHoursPreview(span: Span | null) {
  return useQuery({
    queryKey: ['hours', 'preview', span],
    queryFn: ({ signal }) =>
      api<{ halfDays: number; hours: number }>('/api/hours/preview', { query: { ...span! }, signal }),
    enabled: span !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** GET /api/hours/my/records — 学时登记 / 培训登记详情 (the professional's own records). */
export function useMyRecords(params: RecordListParams) {
  return useQuery({
    queryKey: ['hours', 'my', 'records', params],
    queryFn: ({ signal }) => api<PageOf<RecordRow>>('/api/hours/my/records', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/hours/my/overview — 培训总体查询 (per year: public, professional, total). */
export function useMyOverview() {
  return useQuery({
    queryKey: ['hours', 'my', 'overview'],
    queryFn: ({ signal }) => api<YearTotals[]>('/api/hours/my/overview', { signal }),
  });
}

/** GET /api/hours/records/:id — 查看, with the review progress and the evidence files. */
export function useRecord(id: number | null) {
  return useQuery({
    queryKey: ['hours', 'record', id],
    queryFn: ({ signal }) => api<RecordDetail>(`/api/hours/records/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** POST /api/hours/records — 新登记培训 (person side) / 专业科目学时登记 (unit side, with accountId). */
export function useCreateRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput & { accountId?: number }) =>
      api<{ id: number; hours: number }>('/api/hours/records', { method: 'POST', body }),
    onSuccess: () => invalidateHours(qc),
  });
}

/** PUT /api/hours/records/:id — 修改 (a draft or a rejected record; it becomes a draft). */
export function useUpdateRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RecordInput }) =>
      api<{ hours: number }>(`/api/hours/records/${id}`, { method: 'PUT', body }),
    onSuccess: () => invalidateHours(qc),
  });
}

/** DELETE /api/hours/records/:id — 删除; an approved record (unit side) needs a reason. */
export function useDeleteRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason?: string }) =>
      api<{ ok: true }>(`/api/hours/records/${id}`, { method: 'DELETE', body: reason ? { reason } : {} }),
    onSuccess: () => invalidateHours(qc),
  });
}

/**
 * POST /api/hours/records/submit — 批量提交至本单位审核 / 批量提交审核 (target unit) or
 * 提交至主管部门审核 (target authority + authorityId).
 */
export function useSubmitRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[]; target: 'unit' | 'authority'; authorityId?: number }) =>
      api<BatchResult>('/api/hours/records/submit', { method: 'POST', body }),
    onSettled: () => invalidateHours(qc),
  });
}

/** POST /api/hours/records/:id/withdraw — 撤回 while 待初审. */
export function useWithdrawRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ ok: true }>(`/api/hours/records/${id}/withdraw`, { method: 'POST' }),
    onSettled: () => invalidateHours(qc),
  });
}

/**
 * POST /api/hours/records/:id/evidence — multipart, field "file", with upload progress.
 */
export function uploadEvidenceFile(
  recordId: number,
  file: File,
  csrfToken: string | null,
  onProgress?: (percent: number) => void,
): Promise<EvidenceFile> {
  return postFileWithProgress<EvidenceFile>({
    url: `/api/hours/records/${recordId}/evidence`,
    file,
    csrfToken,
    onProgress,
    fallback: (status) => (status === 413 ? '文件过大：证明材料不能超过10MB' : `上传失败（HTTP ${status}）`),
  });
}

/** The upload as a mutation; the CSRF token is the one of the signed-in `Me`. */
export function useUploadEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, file, onProgress }: FileUpload<{ recordId: number }>) =>
      uploadEvidenceFile(recordId, file, csrfOf(qc), onProgress),
    onError: (e) => recheckSessionOn401(qc, e),
    onSettled: () => invalidateHours(qc),
  });
}

/** DELETE /api/hours/records/:id/evidence/:evidenceId */
export function useRemoveEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, evidenceId }: { recordId: number; evidenceId: number }) =>
      api<{ ok: true }>(`/api/hours/records/${recordId}/evidence/${evidenceId}`, { method: 'DELETE' }),
    onSettled: () => invalidateHours(qc),
  });
}

/** GET /api/hours/evidence/:id — a plain link: the browser downloads it with the session cookie. */
export function evidenceUrl(evidenceId: number): string {
  return `/api/hours/evidence/${evidenceId}`;
}

/** GET /api/hours/unit/registrations — 专业科目学时登记 (records registered on the unit side). */
export function useUnitRegistrations(params: RecordListParams) {
  const total = useExactTotal().query;
  return useQuery({
    queryKey: ['hours', 'unit', 'registrations', params, total],
    queryFn: ({ signal }) =>
      api<PageOf<RecordRow>>('/api/hours/unit/registrations', { query: { ...params, ...total }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/hours/review/queue — 专业科目学时审核 (待初审, submitted to this unit or authority). */
export function useReviewQueue(params: RecordListParams) {
  const total = useExactTotal().query;
  return useQuery({
    queryKey: ['hours', 'review', 'queue', params, total],
    queryFn: ({ signal }) =>
      api<PageOf<RecordRow>>('/api/hours/review/queue', { query: { ...params, ...total }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/hours/review/approve — 通过 / 批量通过审核. */
export function useApproveRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[]; opinion?: string }) =>
      api<BatchResult>('/api/hours/review/approve', { method: 'POST', body }),
    onSettled: () => invalidateHours(qc),
  });
}

/** POST /api/hours/review/reject — 不通过 / 批量不通过审核 (审核意见 required). */
export function useRejectRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[]; opinion: string }) =>
      api<BatchResult>('/api/hours/review/reject', { method: 'POST', body }),
    onSettled: () => invalidateHours(qc),
  });
}

/** GET /api/hours/unit/results — 专业科目学时审核结果 (by status; name or ID number). */
export function useUnitResults(params: RecordListParams) {
  const total = useExactTotal().query;
  return useQuery({
    queryKey: ['hours', 'unit', 'results', params, total],
    queryFn: ({ signal }) =>
      api<PageOf<RecordRow>>('/api/hours/unit/results', { query: { ...params, ...total }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/hours/unit/person-years — 专业科目学时查询 (per person and year). */
export function usePersonYears(params: PersonYearParams) {
  return useQuery({
    queryKey: ['hours', 'unit', 'person-years', params],
    queryFn: ({ signal }) =>
      api<PageOf<PersonYearRow>>('/api/hours/unit/person-years', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/hours/people/:id/overview — one staff member's 培训总体查询. */
export function usePersonOverview(accountId: number | null) {
  return useQuery({
    queryKey: ['hours', 'people', accountId, 'overview'],
    queryFn: ({ signal }) => api<YearTotals[]>(`/api/hours/people/${accountId}/overview`, { signal }),
    enabled: accountId !== null,
  });
}

/** GET /api/authorities/search?q= — 提交至主管部门审核: find the authority by name (debounced term). */
export function useAuthoritySearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['authorities', 'search', term],
    queryFn: ({ signal }) => api<AuthoritySummary[]>('/api/authorities/search', { query: { q: term }, signal }),
    enabled: term.length > 0,
    staleTime: 60_000,
  });
}

/** GET /api/org/staff?q= — the staff member a unit admin registers hours for (debounced term). */
export function useStaffSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['org', 'staff', 'search', term],
    queryFn: ({ signal }) =>
      api<PageOf<StaffRow>>('/api/org/staff', { query: { q: term || undefined, pageSize: 20 }, signal }),
    staleTime: 30_000,
  });
}
