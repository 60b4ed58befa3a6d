import { useQuery } from '@tanstack/react-query';
import type {
  ChapterView,
  CourseDetail,
  HeartbeatRequest,
  HeartbeatResponse,
  LearningOverview,
  LearningYear,
  MaterialView,
  PublicHoursRow,
} from '@ptce/contracts';
import { api } from './client';

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
