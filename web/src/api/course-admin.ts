// 课程管理 (operator): courses, chapters and their files, materials, publishing, previews.
import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminCourseChapters,
  AdminCourseRow,
  ChapterView,
  CopyCourseRequest,
  CourseCreated,
  CourseDetail,
  CreateChapterRequest,
  CreateCourseRequest,
  PublishCourseRequest,
} from '@ptce/contracts';
import { api, buildUrl, uploadWithProgress } from './client';
import { csrfOf, recheckSessionOn401 } from './upload';

export const courseAdminKeys = {
  all: ['learning', 'admin'] as const,
  courses: ['learning', 'admin', 'courses'] as const,
  chapters: (courseId: number) => ['learning', 'admin', 'chapters', courseId] as const,
};

/** GET /api/learning/admin/courses — every course with its plan years, chapters and study time. */
export function useAdminCourses() {
  return useQuery({
    queryKey: courseAdminKeys.courses,
    queryFn: ({ signal }) => api<AdminCourseRow[]>('/api/learning/admin/courses', { signal }),
  });
}

/** GET /api/learning/admin/courses/:courseId/chapters — the chapters in study order, with their files. */
export function useAdminChapters(courseId: number | null) {
  return useQuery({
    queryKey: courseAdminKeys.chapters(courseId ?? 0),
    queryFn: ({ signal }) => api<AdminCourseChapters>(`/api/learning/admin/courses/${courseId}/chapters`, { signal }),
    enabled: courseId !== null,
  });
}

/** POST /api/learning/admin/courses/:courseId/chapters — 新增章节 (a PDF or video chapter gets its file next). */
export function useCreateChapter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, body }: { courseId: number; body: CreateChapterRequest }) =>
      api<{ id: number; seq: number }>(`/api/learning/admin/courses/${courseId}/chapters`, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: courseAdminKeys.all }),
  });
}

/**
 * PUT /api/learning/admin/chapters/:chapterId/file — the request body is the file itself, with its own
 * content type. A video of hundreds of MB reports its upload progress and can be cancelled.
 */
export function uploadChapterFile(
  chapterId: number,
  file: File,
  csrfToken: string | null,
  opts: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<{ id: number; size: number }> {
  return uploadWithProgress<{ id: number; size: number }>({
    method: 'PUT',
    url: buildUrl(`/api/learning/admin/chapters/${chapterId}/file`, { fileName: file.name }),
    body: file,
    // The server judges the type; a file the browser cannot name is sent as what it is, unknown bytes.
    contentType: file.type || 'application/octet-stream',
    csrfToken,
    onProgress: opts.onProgress,
    signal: opts.signal,
    fallback: (status) => (status === 413 ? '文件过大' : `上传失败（HTTP ${status}）`),
    networkMessage: '上传中断：网络连接失败，请检查网络后重试',
  });
}

/**
 * The upload with the signed-in `Me`'s CSRF token; the course lists are refreshed when it ends,
 * whatever the outcome.
 */
export function useChapterFileUploader() {
  const qc = useQueryClient();
  return useCallback(
    async (
      chapterId: number,
      file: File,
      opts: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
    ) => {
      try {
        return await uploadChapterFile(chapterId, file, csrfOf(qc), opts);
      } catch (e) {
        recheckSessionOn401(qc, e);
        throw e;
      } finally {
        void qc.invalidateQueries({ queryKey: courseAdminKeys.all });
      }
    },
    [qc],
  );
}

/** PUT /api/learning/admin/courses/:courseId/materials — 上传相关资料 (the body is the file), with progress. */
export function useMaterialUploader(courseId: number) {
  const qc = useQueryClient();
  return useCallback(
    async (title: string, file: File, opts: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {}) => {
      try {
        return await uploadWithProgress<{ id: number; size: number }>({
          method: 'PUT',
          url: buildUrl(`/api/learning/admin/courses/${courseId}/materials`, { title, fileName: file.name }),
          body: file,
          contentType: file.type || 'application/octet-stream',
          csrfToken: csrfOf(qc),
          onProgress: opts.onProgress,
          signal: opts.signal,
          fallback: (status) => (status === 413 ? '文件过大' : `上传失败（HTTP ${status}）`),
          networkMessage: '上传中断：网络连接失败，请检查网络后重试',
        });
      } catch (e) {
        recheckSessionOn401(qc, e);
        throw e;
      } finally {
        void qc.invalidateQueries({ queryKey: courseAdminKeys.all });
      }
    },
    [qc, courseId],
  );
}

/** DELETE /api/learning/admin/courses/:courseId/materials/:materialId — 删除相关资料. */
export function useDeleteMaterial(courseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: number) =>
      api<{ ok: true }>(`/api/learning/admin/courses/${courseId}/materials/${materialId}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: courseAdminKeys.all }),
  });
}

/** POST /api/learning/admin/courses — 新增课程 (a draft of a plan year). */
export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCourseRequest) =>
      api<CourseCreated>('/api/learning/admin/courses', { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: courseAdminKeys.all }),
  });
}

/** POST /api/learning/admin/courses/:courseId/copy — 复制上年课程 into a draft of a later year. */
export function useCopyCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, body }: { courseId: number; body: CopyCourseRequest }) =>
      api<CourseCreated>(`/api/learning/admin/courses/${courseId}/copy`, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: courseAdminKeys.all }),
  });
}

/** POST …/publish (optionally into the year's plan) or …/unpublish; plans and banks are refreshed too. */
export function usePublishCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, publish, body }: { courseId: number; publish: boolean; body?: PublishCourseRequest }) =>
      api<null>(`/api/learning/admin/courses/${courseId}/${publish ? 'publish' : 'unpublish'}`, {
        method: 'POST',
        body: publish ? (body ?? { addToPlan: false }) : undefined,
      }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: courseAdminKeys.all });
      await qc.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

/** GET /api/learning/admin/courses/:courseId/preview — the course as a learner sees it, nothing recorded. */
export function useCoursePreview(courseId: number) {
  return useQuery({
    queryKey: ['learning', 'admin', 'preview', courseId],
    queryFn: ({ signal }) => api<CourseDetail>(`/api/learning/admin/courses/${courseId}/preview`, { signal }),
  });
}

/** GET /api/learning/admin/chapters/:chapterId/preview. */
export function useChapterPreview(chapterId: number | null) {
  return useQuery({
    queryKey: ['learning', 'admin', 'preview-chapter', chapterId],
    queryFn: ({ signal }) => api<ChapterView>(`/api/learning/admin/chapters/${chapterId}/preview`, { signal }),
    enabled: chapterId !== null,
  });
}
