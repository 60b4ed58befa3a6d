import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminCourseChapters,
  AdminCourseRow,
  ChapterView,
  CopyCourseRequest,
  CourseCreated,
  CreateChapterRequest,
  CreateCourseRequest,
  PublishCourseRequest,
  CourseDetail,
  HeartbeatRequest,
  HeartbeatResponse,
  LearningOverview,
  LearningYear,
  MaterialView,
  PublicHoursRow,
} from '@ptce/contracts';
import { api, buildUrl, uploadWithProgress } from './client';
import { csrfOf, recheckSessionOn401 } from './upload';

export const learningKeys = {
  all: ['learning'] as const,
  years: ['learning', 'years'] as const,
  overview: (year: number) => ['learning', 'year', year] as const,
  course: (year: number, courseId: number) => ['learning', 'course', year, courseId] as const,
  chapter: (year: number, chapterId: number) => ['learning', 'chapter', year, chapterId] as const,
  materials: (year: number) => ['learning', 'materials', year] as const,
  hours: ['learning', 'hours'] as const,
};

/** GET /api/learning/years — 历年培训 (and which year is the current one, by the server's clock). */
export function useLearningYears() {
  return useQuery({
    queryKey: learningKeys.years,
    queryFn: ({ signal }) => api<LearningYear[]>('/api/learning/years', { signal }),
  });
}

/** GET /api/learning/years/:year — 前往学习: the year's courses with progress. */
export function useLearningOverview(year: number | undefined) {
  return useQuery({
    queryKey: learningKeys.overview(year ?? 0),
    queryFn: ({ signal }) => api<LearningOverview>(`/api/learning/years/${year}`, { signal }),
    enabled: year !== undefined,
  });
}

/** GET /api/learning/years/:year/courses/:courseId */
export function useCourse(year: number, courseId: number) {
  return useQuery({
    queryKey: learningKeys.course(year, courseId),
    queryFn: ({ signal }) => api<CourseDetail>(`/api/learning/years/${year}/courses/${courseId}`, { signal }),
  });
}

/** GET /api/learning/years/:year/chapters/:chapterId */
export function useChapter(year: number, chapterId: number) {
  return useQuery({
    queryKey: learningKeys.chapter(year, chapterId),
    queryFn: ({ signal }) => api<ChapterView>(`/api/learning/years/${year}/chapters/${chapterId}`, { signal }),
  });
}

/** GET /api/learning/years/:year/materials — 相关资料 */
export function useMaterials(year: number | undefined) {
  return useQuery({
    queryKey: learningKeys.materials(year ?? 0),
    queryFn: ({ signal }) => api<MaterialView[]>(`/api/learning/years/${year}/materials`, { signal }),
    enabled: year !== undefined,
  });
}

/** GET /api/learning/hours — my public hours per year. */
export function usePublicHours() {
  return useQuery({
    queryKey: learningKeys.hours,
    queryFn: ({ signal }) => api<PublicHoursRow[]>('/api/learning/hours', { signal }),
  });
}

/** POST …/open — this page becomes the one that counts (进入学习 / 继续学习). */
export function openChapter(year: number, chapterId: number, tabId: string) {
  return api<HeartbeatResponse>(`/api/learning/years/${year}/chapters/${chapterId}/open`, {
    method: 'POST',
    body: { tabId },
  });
}

/** POST /api/learning/heartbeat — every 30 s while the page is visible. */
export function sendHeartbeat(body: HeartbeatRequest) {
  return api<HeartbeatResponse>('/api/learning/heartbeat', { method: 'POST', body });
}

// ------------------------------------------------------------------ 课程管理 (operator)

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
