// Excel in and out — one hook per call of server/src/modules/excel/routes.ts, plus the file
// download every 导出Excel button and the template/error-report links use.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportMode, ImportRowError } from '@ptce/contracts';
import { api, ApiError, buildUrl, errorFromText, NETWORK_MESSAGE } from './client';
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

const jobsKey = ['imports', 'jobs'] as const;

export const HOURS_TEMPLATE_URL = '/api/imports/hours-registration/template';
export const UNITS_TEMPLATE_URL = '/api/imports/units/template';
export const QUESTION_TEMPLATE_URL = '/api/imports/question-bank/template';
export const CLASS_TRAINEES_TEMPLATE_URL = '/api/imports/class-trainees/template';

/** The import kinds a page uploads to: /api/imports/<kind>/jobs. */
export type UploadKind = 'hours-registration' | 'units' | 'question-bank' | 'class-trainees';

export function isRunning(job: Pick<ImportJob, 'status'> | undefined | null): boolean {
  return job?.status === 'validating' || job?.status === 'writing';
}

/** The file name a download was sent with: RFC 5987 filename* first, then the plain one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file from the API and saves it under the server's (Chinese) file name. fetch + Blob, so
 * a refusal (403, 404, 400) is shown as the server's message instead of a broken download.
 */
export async function downloadFile(
  path: string,
  query?: Record<string, string | number | undefined | null>,
  fallbackName = 'download.xlsx',
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query ?? undefined), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!res.ok) throw errorFromText(res.status, await res.text(), `下载失败（HTTP ${res.status}）`);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * POST /api/imports/hours-registration/jobs — multipart, field "file", with upload progress; the rows
 * are then checked on the server (poll the job).
 */
export function uploadImport(
  kind: UploadKind,
  file: File,
  mode: ImportMode,
  csrfToken: string | null,
  onProgress?: (percent: number) => void,
  /** What the kind needs besides the file (题库导入: the course). */
  target?: Record<string, string | number>,
): Promise<ImportJob> {
  return postFileWithProgress<ImportJob>({
    url: buildUrl(`/api/imports/${kind}/jobs`, { mode, declared: 'true', ...target }),
    file,
    csrfToken,
    onProgress,
    fallback: (status) => (status === 413 ? '文件过大，请拆分后分批导入' : `导入失败（HTTP ${status}）`),
  });
}

/** ② 导入模板 as a mutation. */
export function useUploadImport(kind: UploadKind = 'hours-registration', target?: Record<string, string | number>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, onProgress }: FileUpload<{ mode: ImportMode }>) =>
      uploadImport(kind, file, mode, csrfOf(qc), onProgress, target),
    onError: (e) => recheckSessionOn401(qc, e),
    onSuccess: (job) => {
      qc.setQueryData(['imports', 'job', job.id], job);
      void qc.invalidateQueries({ queryKey: jobsKey });
    },
  });
}

/** GET /api/imports/jobs/:id — polled every second while the job runs. */
export function useImportJob(id: number | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => api<ImportJob>(`/api/imports/jobs/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : false),
  });
}

/** GET /api/imports/<kind>/jobs — the caller's last imports of that kind. */
export function useRecentImports(kind: UploadKind = 'hours-registration') {
  return useQuery({
    queryKey: [...jobsKey, kind],
    queryFn: ({ signal }) => api<ImportJob[]>(`/api/imports/${kind}/jobs`, { signal }),
  });
}

/**
 * GET /api/imports/jobs/:id/credentials — the new accounts' initial passwords, downloadable once; the
 * job is refetched afterwards (it then says 已下载).
 */
export function useTakeCredentials() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      downloadFile(`/api/imports/jobs/${id}/credentials`, undefined, '新单位账号初始密码.xlsx'),
    onSettled: (_d, _e, id) => qc.invalidateQueries({ queryKey: ['imports', 'job', id] }),
  });
}

/** GET /api/imports/jobs/:id/errors — the bad rows (行号, 列, 原因). */
export function useImportErrors(id: number | null, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'job', id, 'errors', page, pageSize],
    queryFn: ({ signal }) =>
      api<PageOf<ImportRowError>>(`/api/imports/jobs/${id}/errors`, { query: { page, pageSize }, signal }),
    enabled: id !== null && enabled,
    placeholderData: keepPreviousData,
  });
}

/** POST /api/imports/jobs/:id/import-valid — 仅导入正确的行. */
export function useImportValidRows() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<ImportJob>(`/api/imports/jobs/${id}/import-valid`, { method: 'POST' }),
    onSuccess: (job) => {
      qc.setQueryData(['imports', 'job', job.id], job);
      void qc.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}

export function errorReportUrl(id: number): string {
  return `/api/imports/jobs/${id}/error-report`;
}

/** The 导出Excel lists and their endpoints; the query is the list's current filter. */
export const EXPORTS = {
  results: { path: '/api/exports/hours/results', fallback: '专业科目学时审核结果.xlsx' },
  'person-years': { path: '/api/exports/hours/person-years', fallback: '专业科目学时查询.xlsx' },
  staff: { path: '/api/exports/org/staff', fallback: '专业技术人员.xlsx' },
  compliance: { path: '/api/compliance/unit/export', fallback: '学时达标情况.xlsx' },
  audit: { path: '/api/audit/export', fallback: '审计日志.xlsx' },
  'class-summary': { path: '/api/exports/classes/summary', fallback: '培训班年度汇总.xlsx' },
} as const;
export type ExportKind = keyof typeof EXPORTS;
