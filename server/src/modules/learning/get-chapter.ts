import type { ChapterView } from '@ptce/contracts';
import { now } from '../../clock';
import { HEARTBEAT_INTERVAL_MS } from '../../domain/learning';
import type { Caller } from '../auth/index';
import { chapterInYear } from './chapter-access';
import { chapterSummaries } from './get-course';
import { loadPlan, progressRound, windowFor, windowView } from './plan-context';

/** The chapter page: text body or file URL, progress, neighbours. Reading it credits nothing. */
export async function getChapter(ctx: Caller, year: number, chapterId: number): Promise<ChapterView> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const { chapter, course, planKind } = await chapterInYear(tx, year, chapterId);
    const plan = await loadPlan(tx, year);
    const w = await windowFor(tx, accountId, plan, planKind, at);
    const { roundNo } = await progressRound(tx, accountId, year, planKind, w, at);
    const all = await chapterSummaries(tx, accountId, year, course.id, roundNo);
    const i = all.findIndex((c) => c.id === chapterId);
    return {
      ...all[i]!,
      year,
      courseId: course.id,
      courseTitle: course.title,
      roundNo,
      body: chapter.kind === 'text' ? chapter.body : null,
      fileUrl: chapter.kind !== 'text' && chapter.fileKey ? `/api/learning/chapters/${chapter.id}/file` : null,
      mimeType: chapter.kind !== 'text' ? chapter.mimeType : null,
      prevId: all[i - 1]?.id ?? null,
      nextId: all[i + 1]?.id ?? null,
      window: windowView(w),
      heartbeatSeconds: HEARTBEAT_INTERVAL_MS / 1000,
    };
  });
}
