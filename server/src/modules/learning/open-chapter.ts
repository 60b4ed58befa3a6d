import type { HeartbeatResponse } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { chapterProgress, courseCompletions, learningPresence } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { chapterInYear } from './chapter-access';
import { assertOpen, loadPlan, progressRound, windowFor } from './plan-context';

/**
 * 进入学习 / 继续学习: makes this page the person's one active chapter. A page opened later (another
 * tab, another device, another chapter) takes over; the earlier page's heartbeats then credit
 * nothing and it shows that learning continues elsewhere. The first heartbeat after opening
 * credits the time since opening.
 */
export async function openChapter(
  ctx: Caller,
  year: number,
  chapterId: number,
  tabId: string,
): Promise<HeartbeatResponse> {
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const accountId = ctx.actor.id;
    const { chapter, course, planKind } = await chapterInYear(tx, year, chapterId);
    const plan = await loadPlan(tx, year);
    const w = await windowFor(tx, accountId, plan, planKind, at);
    assertOpen(w);
    const { roundNo } = await progressRound(tx, accountId, year, planKind, w, at);

    await tx
      .insert(chapterProgress)
      .values({ accountId, planYear: year, chapterId, roundNo, creditedMs: 0, startedAt: at, updatedAt: at })
      .onConflictDoNothing();
    const presence = {
      tabId,
      planYear: year,
      roundNo,
      chapterId,
      requiredSeconds: chapter.requiredSeconds,
      video: chapter.kind === 'video',
      openUntil: w.until,
      openedAt: at,
      lastBeatAt: at,
      lastCreditMs: 0,
    };
    await tx
      .insert(learningPresence)
      .values({ accountId, ...presence })
      .onConflictDoUpdate({ target: learningPresence.accountId, set: presence });

    const [prog] = await tx
      .select()
      .from(chapterProgress)
      .where(
        and(
          eq(chapterProgress.accountId, accountId),
          eq(chapterProgress.planYear, year),
          eq(chapterProgress.chapterId, chapterId),
          eq(chapterProgress.roundNo, roundNo),
        ),
      );
    const [done] = await tx
      .select({ c: courseCompletions.courseId })
      .from(courseCompletions)
      .where(
        and(
          eq(courseCompletions.accountId, accountId),
          eq(courseCompletions.planYear, year),
          eq(courseCompletions.courseId, course.id),
          eq(courseCompletions.roundNo, roundNo),
        ),
      );
    return {
      active: true,
      reason: null,
      creditedSeconds: Math.floor((prog?.creditedMs ?? 0) / 1000),
      requiredSeconds: chapter.requiredSeconds,
      completed: Boolean(prog?.completedAt),
      courseCompleted: Boolean(done),
    };
  });
}
