import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MySpotCheckFinding,
  PublicSpotCheck,
  PublicSpotCheckRow,
  SpotCheckCreate,
  SpotCheckDetail,
  SpotCheckFile,
  SpotCheckFindingInput,
  SpotCheckPreview,
  SpotCheckSummary,
} from '@ptce/contracts';
import { evidenceMessages } from '@ptce/rules';
import { api } from './client';
import { csrfOf, postFileWithProgress, recheckSessionOn401, type FileUpload } from './upload';

const keys = {
  all: ['spot-checks'] as const,
  list: ['spot-checks', 'list'] as const,
  one: (id: number) => ['spot-checks', 'one', id] as const,
  preview: (year: number) => ['spot-checks', 'preview', year] as const,
  unitList: ['spot-checks', 'unit'] as const,
  unitOne: (id: number) => ['spot-checks', 'unit', id] as const,
  mine: ['spot-checks', 'mine'] as const,
  publicList: ['spot-checks', 'public'] as const,
  publicOne: (id: number) => ['spot-checks', 'public', id] as const,
};

/** GET /api/spot-checks — 抽查管理: the organisation's campaigns and those the caller inspects. */
export function useSpotChecks() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => api<SpotCheckSummary[]>('/api/spot-checks', { signal }),
  });
}

/** GET /api/spot-checks/preview — units of the scope with hours of the year, and the inspectors' pool. */
export function useSpotCheckPreview(year: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.preview(year),
    queryFn: ({ signal }) => api<SpotCheckPreview>('/api/spot-checks/preview', { query: { year }, signal }),
    enabled,
  });
}

/** POST /api/spot-checks — 新建抽查并随机抽取. */
export function useCreateSpotCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SpotCheckCreate) =>
      api<{ id: number; seed: string }>('/api/spot-checks', { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** GET /api/spot-checks/:id */
export function useSpotCheck(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => api<SpotCheckDetail>(`/api/spot-checks/${id}`, { signal }),
  });
}

/** POST /api/spot-checks/items/:id/finding — 记录核查结论. */
export function useRecordFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, ...body }: SpotCheckFindingInput & { itemId: number }) =>
      api<{ removed: boolean }>(`/api/spot-checks/items/${itemId}/finding`, { method: 'POST', body }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['todo'] });
    },
  });
}

/** POST /api/spot-checks/:id/finish — 结束抽查并公开结果. */
export function useFinishSpotCheck(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (conclusion: string) =>
      api<{ ok: true }>(`/api/spot-checks/${id}/finish`, { method: 'POST', body: { conclusion } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** GET /api/spot-checks/:id/report — a plain link: the browser downloads the workbook. */
export const spotCheckReportUrl = (id: number) => `/api/spot-checks/${id}/report`;
/** GET /api/spot-checks/:id/report.pdf — the same report as a PDF to print. */
export const spotCheckReportPdfUrl = (id: number) => `/api/spot-checks/${id}/report.pdf`;
/** GET /api/spot-checks/items/:id/files/:fileId */
export const spotCheckFileUrl = (itemId: number, fileId: number) => `/api/spot-checks/items/${itemId}/files/${fileId}`;

/** GET /api/spot-checks/unit — the campaigns that sampled the caller's unit. */
export function useUnitSpotChecks() {
  return useQuery({
    queryKey: keys.unitList,
    queryFn: ({ signal }) => api<SpotCheckSummary[]>('/api/spot-checks/unit', { signal }),
  });
}

/** GET /api/spot-checks/:id/unit — the unit's own part. */
export function useUnitSpotCheck(id: number) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.unitOne(id),
    queryFn: async ({ signal }) => {
      const r = await api<SpotCheckDetail>(`/api/spot-checks/${id}/unit`, { signal });
      void qc.invalidateQueries({ queryKey: ['todo'] });
      return r;
    },
  });
}

/** POST /api/spot-checks/:id/unit/answer — 答复抽查. */
export function useAnswerSpotCheck(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api<{ ok: true }>(`/api/spot-checks/${id}/unit/answer`, { method: 'POST', body: { note } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['todo'] });
    },
  });
}

/** POST /api/spot-checks/items/:id/files — multipart, with upload progress. */
export function useUploadSpotCheckFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, file, onProgress }: FileUpload<{ itemId: number }>) =>
      postFileWithProgress<SpotCheckFile>({
        url: `/api/spot-checks/items/${itemId}/files`,
        file,
        csrfToken: csrfOf(qc),
        onProgress,
        fallback: (status) => (status === 413 ? evidenceMessages.tooLarge() : `上传失败（HTTP ${status}）`),
      }),
    onError: (e) => recheckSessionOn401(qc, e),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** GET /api/spot-checks/mine — the professional's records found 不属实. */
export function useMySpotCheckFindings() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.mine,
    queryFn: async ({ signal }) => {
      const r = await api<MySpotCheckFinding[]>('/api/spot-checks/mine', { signal });
      void qc.invalidateQueries({ queryKey: ['todo'] });
      return r;
    },
  });
}

/** GET /api/public/spot-checks — 一公开, no login. */
export function usePublicSpotChecks() {
  return useQuery({
    queryKey: keys.publicList,
    queryFn: ({ signal }) => api<PublicSpotCheckRow[]>('/api/public/spot-checks', { signal }),
  });
}

export function usePublicSpotCheck(id: number) {
  return useQuery({
    queryKey: keys.publicOne(id),
    queryFn: ({ signal }) => api<PublicSpotCheck>(`/api/public/spot-checks/${id}`, { signal }),
  });
}
