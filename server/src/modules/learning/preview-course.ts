import type { ChapterView, CourseDetail, LearningWindowView } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { shanghaiYear } from '../../clock';
import { courseChapters, courses } from '../../db/schema/index';
import { HEARTBEAT_INTERVAL_MS } from '../../domain/learning';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { chapterSummaries } from './get-course';
import { materialsOf } from './list-materials';

// 预览: the operator sees a course (a draft too) as a learner would — chapters, texts, files, materials —
// with no progress of anyone's, and nothing recorded: the learning window is closed for the preview, so the
// page neither opens the chapter nor sends heartbeats (and the study routes refuse the operator anyway).

/** No account: the chapters' progress is read for nobody. */
const NOBODY = 0;
const PREVIEW_WINDOW: LearningWindowView = {
  open: false,
  kind: null,
  until: null,
  reason: '预览：以学员视角查看课程，不记录学习进度',
};

async function courseOf(ctx: Caller, courseId: number) {
  const [course] = await ctx.db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound('课程');
  return course;
}

export async function previewCourse(ctx: Caller, courseId: number): Promise<CourseDetail> {
  const course = await courseOf(ctx, courseId);
  const year = course.year ?? shanghaiYear();
  const chapters = await chapterSummaries(ctx.db, NOBODY, year, courseId, 1);
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    kind: course.kind,
    area: course.area,
    summary: course.summary,
    lecturer: course.lecturer,
    chapterCount: chapters.length,
    completedChapters: 0,
    requiredSeconds: chapters.reduce((s, c) => s + c.requiredSeconds, 0),
    creditedSeconds: 0,
    started: false,
    completed: false,
    window: PREVIEW_WINDOW,
    year,
    roundNo: 1,
    chapters,
    materials: await materialsOf(ctx.db, [courseId]),
  };
}

export async function previewChapter(ctx: Caller, chapterId: number): Promise<ChapterView> {
  const [chapter] = await ctx.db.select().from(courseChapters).where(eq(courseChapters.id, chapterId));
  if (!chapter) throw notFound('章节');
  const course = await courseOf(ctx, chapter.courseId);
  const year = course.year ?? shanghaiYear();
  const all = await chapterSummaries(ctx.db, NOBODY, year, course.id, 1);
  const i = all.findIndex((c) => c.id === chapterId);
  return {
    ...all[i]!,
    year,
    courseId: course.id,
    courseTitle: course.title,
    roundNo: 1,
    body: chapter.kind === 'text' ? chapter.body : null,
    fileUrl: chapter.kind !== 'text' && chapter.fileKey ? `/api/learning/chapters/${chapter.id}/file` : null,
    mimeType: chapter.kind !== 'text' ? chapter.mimeType : null,
    prevId: all[i - 1]?.id ?? null,
    nextId: all[i + 1]?.id ?? null,
    window: PREVIEW_WINDOW,
    heartbeatSeconds: HEARTBEAT_INTERVAL_MS / 1000,
  };
}
