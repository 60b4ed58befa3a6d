import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  NoticeAdminDetail,
  NoticeAdminRow,
  NoticeAttachment,
  NoticeDetail,
  NoticeInput,
  NoticeRow,
  NoticeStatus,
  PublicNoticeRow,
} from '@ptce/contracts';
import { api } from './client';
import { csrfOf, postFileWithProgress, recheckSessionOn401, type FileUpload } from './upload';

export interface NoticePage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NoticeAdminParams {
  page: number;
  pageSize: number;
  status?: NoticeStatus;
  q?: string;
}

const KEY = ['notices'] as const;
const invalidate = (qc: QueryClient) => qc.invalidateQueries({ queryKey: KEY });

/** 通知公告 for the signed-in reader: unread first, then pinned, then newest. */
export function useMyNotices(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, 'mine', params],
    queryFn: ({ signal }) => api<NoticePage<NoticeRow>>('/api/notices', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUnreadNotices(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) => api<{ unread: number }>('/api/notices/unread-count', { signal }),
    enabled,
  });
}

/** One notice: for a signed-in reader (opening it marks it read), or a public one for anybody. */
export function useNotice(id: number, signedIn: boolean) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...KEY, 'one', id, signedIn],
    queryFn: async ({ signal }) => {
      const n = await api<NoticeDetail>(signedIn ? `/api/notices/${id}` : `/api/public/notices/${id}`, {
        signal,
        redirectOn401: false,
      });
      if (signedIn) void qc.invalidateQueries({ queryKey: [...KEY, 'mine'] });
      if (signedIn) void qc.invalidateQueries({ queryKey: [...KEY, 'unread'] });
      return n;
    },
    retry: false,
  });
}

export const attachmentUrl = (a: { id: number }, from: 'reader' | 'public') =>
  from === 'public' ? `/api/public/notices/attachments/${a.id}` : `/api/notices/attachments/${a.id}`;

/** GET /api/notices/admin/:id/attachments/:attachmentId — the operator's copy, drafts too. */
export const adminAttachmentUrl = (noticeId: number, attachmentId: number) =>
  `/api/notices/admin/${noticeId}/attachments/${attachmentId}`;

/** The login page's list. */
export function usePublicNotices(pageSize = 5) {
  return useQuery({
    queryKey: [...KEY, 'public', pageSize],
    queryFn: ({ signal }) =>
      api<NoticePage<PublicNoticeRow>>('/api/public/notices', { query: { page: 1, pageSize }, signal }),
  });
}

// 通知公告管理 (operator)

export function useAdminNotices(params: NoticeAdminParams) {
  return useQuery({
    queryKey: [...KEY, 'admin', params],
    queryFn: ({ signal }) => api<NoticePage<NoticeAdminRow>>('/api/notices/admin', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminNotice(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'admin-one', id],
    queryFn: ({ signal }) => api<NoticeAdminDetail>(`/api/notices/admin/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: NoticeInput }) =>
      id === null
        ? api<{ id: number }>('/api/notices/admin', { method: 'POST', body: input })
        : api<{ id: number }>(`/api/notices/admin/${id}`, { method: 'PUT', body: input }),
    onSuccess: () => invalidate(qc),
  });
}

export type NoticeAction = 'publish' | 'withdraw' | 'pin' | 'unpin' | 'delete';

export function useNoticeAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: NoticeAction }) =>
      action === 'delete'
        ? api(`/api/notices/admin/${id}`, { method: 'DELETE' })
        : action === 'pin' || action === 'unpin'
          ? api(`/api/notices/admin/${id}/pin`, { method: 'POST', body: { pinned: action === 'pin' } })
          : api(`/api/notices/admin/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => invalidate(qc),
  });
}

export function useUploadNoticeAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, file, onProgress }: FileUpload<{ noticeId: number }>) =>
      postFileWithProgress<NoticeAttachment>({
        url: `/api/notices/admin/${noticeId}/attachments`,
        file,
        csrfToken: csrfOf(qc),
        onProgress,
        fallback: (status) => (status === 413 ? '附件过大' : `上传失败（HTTP ${status}）`),
      }),
    onError: (e) => recheckSessionOn401(qc, e),
    onSettled: () => invalidate(qc),
  });
}

export function useRemoveNoticeAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, attachmentId }: { noticeId: number; attachmentId: number }) =>
      api(`/api/notices/admin/${noticeId}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(qc),
  });
}
