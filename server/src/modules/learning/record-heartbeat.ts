import type { HeartbeatRequest, HeartbeatResponse } from '@ptce/contracts';
import { eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { queryPrepared } from '../../db/prepared';
import { courseChapters, learningPresence, planCourses } from '../../db/schema/index';
import { HEARTBEAT_CAP_MS } from '../../domain/learning';
import { AppError } from '../../errors';
import { actorOfAccount } from '../../auth/account-actor';
import { sessionGuardSql, type StatementSession } from '../../auth/session-in-statement';
import type { Caller } from '../auth/index';
import { completeCourseIfDone } from './complete-course';

export interface BeatParams {
  accountId: number;
  tabId: string;
  chapterId: number;
  /** ISO instant from clock.now() — never the database's now(), so the test clock applies */
  at: string;
  positionMs: number;
  resume: boolean;
  capMs?: number;
}

export type BeatRow = {
  credited_ms: number;
  required_seconds: number;
  completed: boolean;
  just_completed: boolean;
  plan_year: number;
  round_no: number;
};

/**
 * The heartbeat as ONE statement, atomic on its own (no transaction, one round trip):
 * 1. the person's presence row is updated only if this page (tab) still holds it, on this chapter,
 *    and the year's window is open; the credit is the wall-clock time since the previous accepted
 *    beat, capped (domain/learning.ts heartbeatCredit). Concurrent beats serialize on the row
 *    lock, and the later one sees the earlier one's last_beat_at, so nothing is counted twice;
 * 2. the chapter's credited time grows by that credit — for a video by no more than the player
 *    advanced past the furthest watched position (videoCredit) — and never beyond the
 *    chapter's required time.
 * The time is a parameter from clock.now(), never the database's now(), so the test clock applies.
 * Written as constant SQL so PostgreSQL can keep it as a named prepared statement: it is the
 * hottest statement of the system (one per learner every 30 s).
 * Its commit does not wait for the WAL flush (`synchronous_commit = off` for this statement's own transaction, set
 * by the `async` step that the update refers to): a stalled disk flush would otherwise hold every learner's beat,
 * and a crash of PostgreSQL loses at most the last fraction of a second of credited study (the WAL writer flushes
 * within 3 × wal_writer_delay). A later synchronous commit (a course completed) flushes it with itself.
 * `beatSteps` writes steps 1 and 2 (WITH items b, g and c; c returns the beat's row) for the account `account` names;
 * the two statements below differ only in how they know the account.
 */
const ASYNC_COMMIT = `async AS (SELECT set_config('synchronous_commit', 'off', true) AS v)`;

const beatSteps = (account: string) => `b AS (
  UPDATE learning_presence p
     SET last_credit_ms = CASE WHEN $6::boolean THEN 0
           ELSE LEAST(GREATEST(FLOOR(EXTRACT(EPOCH FROM ($4::timestamptz - p.last_beat_at)) * 1000), 0), $7::integer)::integer END,
         last_beat_at = GREATEST(p.last_beat_at, $4::timestamptz)
   WHERE p.account_id = ${account} AND p.tab_id = $2::text AND p.chapter_id = $3::integer AND p.open_until > $4::timestamptz
     AND (SELECT v FROM async) = 'off'
  RETURNING p.account_id, p.plan_year, p.round_no, p.chapter_id, p.required_seconds, p.video, p.last_credit_ms
), g AS (
  SELECT b.*, cp.credited_ms AS before_ms,
         CASE WHEN b.video THEN LEAST(b.last_credit_ms, GREATEST($5::integer - cp.credited_ms, 0)) ELSE b.last_credit_ms END AS gain
    FROM b JOIN chapter_progress cp
      ON cp.account_id = b.account_id AND cp.plan_year = b.plan_year AND cp.chapter_id = b.chapter_id AND cp.round_no = b.round_no
), c AS (
  UPDATE chapter_progress cp
     SET credited_ms = LEAST(g.required_seconds * 1000, cp.credited_ms + g.gain),
         completed_at = CASE WHEN cp.completed_at IS NULL AND cp.credited_ms + g.gain >= g.required_seconds * 1000 THEN $4::timestamptz ELSE cp.completed_at END,
         updated_at = $4::timestamptz
    FROM g
   WHERE cp.account_id = g.account_id AND cp.plan_year = g.plan_year AND cp.chapter_id = g.chapter_id AND cp.round_no = g.round_no
  RETURNING cp.credited_ms, g.required_seconds, g.plan_year, g.round_no,
            cp.completed_at IS NOT NULL AS completed,
            (cp.completed_at = $4::timestamptz AND g.gain > 0) AS just_completed
)`;

/** The beat for a known account ($1). */
export const BEAT_SQL = `WITH ${ASYNC_COMMIT}, ${beatSteps('$1::integer')}
SELECT * FROM c`;

/**
 * The beat with its request's session checked in the same statement (auth/session-in-statement.ts): $1 is the
 * session's key, $8–$11 the rest of the session's values. One row when the session is accepted — its account, and
 * the beat's columns, null when the beat credited nothing — and none when it is not.
 */
export const BEAT_IN_SESSION_SQL = `WITH ${ASYNC_COMMIT}, ${sessionGuardSql('$4', { key: '$1', csrf: '$8', idle: '$9', kinds: '$10', contactKinds: '$11' }, 'async')}, ${beatSteps('(SELECT account_id FROM ok)')}
SELECT ok.account_id, c.* FROM ok LEFT JOIN c ON true`;

export function beatValues(p: BeatParams): unknown[] {
  return [p.accountId, ...beatOwnValues(p)];
}

/** $2–$7 of either statement: the beat's own values, whoever it is for. */
function beatOwnValues(p: Omit<BeatParams, 'accountId'>): unknown[] {
  return [p.tabId, p.chapterId, p.at, p.positionMs, p.resume, p.capMs ?? HEARTBEAT_CAP_MS];
}

export async function runBeat(db: Db, p: BeatParams): Promise<BeatRow | undefined> {
  const [row] = await queryPrepared<BeatRow>(db, 'ptce_heartbeat_v3', BEAT_SQL, beatValues(p));
  return row;
}

/** POST /learning/heartbeat — sent every 30 s by a visible chapter page — for a caller whose session is loaded. */
export async function recordHeartbeat(ctx: Caller, body: HeartbeatRequest): Promise<HeartbeatResponse> {
  const at = now();
  const row = await runBeat(ctx.db, { accountId: ctx.actor.id, ...beatParams(body, at) });
  return answerBeat(ctx.db, ctx.actor.id, body, at, row, async () => ({ actor: ctx.actor, ip: ctx.ip }));
}

/**
 * The same heartbeat with the session checked in its statement (one round trip instead of two); undefined when the
 * statement did not accept the session, which the caller then loads and checks the usual way.
 */
export async function recordHeartbeatInSession(
  db: Db,
  session: StatementSession,
  ip: string,
  body: HeartbeatRequest,
): Promise<HeartbeatResponse | undefined> {
  const at = now();
  const values = [
    session.key,
    ...beatOwnValues(beatParams(body, at)),
    session.csrfDigest,
    session.idleMinutes,
    session.kinds,
    session.contactKinds,
  ];
  const [row] = await queryPrepared<BeatRow & { account_id: number }>(
    db,
    'ptce_heartbeat_session_v1',
    BEAT_IN_SESSION_SQL,
    values,
  );
  if (!row) return undefined;
  const accountId = row.account_id;
  return answerBeat(db, accountId, body, at, row.credited_ms === null ? undefined : row, async () => {
    // Once per course: its completion is audited in the learner's name, as the account is now.
    const actor = await actorOfAccount(db, accountId);
    if (!actor) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    return { actor, ip };
  });
}

function beatParams(body: HeartbeatRequest, at: Date): Omit<BeatParams, 'accountId'> {
  return {
    tabId: body.tabId,
    chapterId: body.chapterId,
    at: at.toISOString(),
    positionMs: Math.floor((body.position ?? 0) * 1000),
    resume: body.resume ?? false,
  };
}

/** The answer to a beat: refused, or credited — and the course completed when this beat finished its last chapter. */
async function answerBeat(
  db: Db,
  accountId: number,
  body: HeartbeatRequest,
  at: Date,
  row: BeatRow | undefined,
  caller: () => Promise<Pick<Caller, 'actor' | 'ip'>>,
): Promise<HeartbeatResponse> {
  if (!row) return refusedBeat(db, accountId, body, at);
  let courseCompleted = false;
  if (row.just_completed) {
    const who = await caller();
    courseCompleted = await db.transaction(async (tx) => {
      const [c] = await tx
        .select({ courseId: courseChapters.courseId, kind: planCourses.kind })
        .from(courseChapters)
        .innerJoin(
          planCourses,
          sql`${planCourses.courseId} = ${courseChapters.courseId} AND ${planCourses.year} = ${row.plan_year}`,
        )
        .where(eq(courseChapters.id, body.chapterId));
      if (!c) return false;
      return completeCourseIfDone(tx, who, {
        accountId,
        year: row.plan_year,
        courseId: c.courseId,
        roundNo: row.round_no,
        kind: c.kind,
      });
    });
  }
  return {
    active: true,
    reason: null,
    creditedSeconds: Math.floor(Number(row.credited_ms) / 1000),
    requiredSeconds: Number(row.required_seconds),
    completed: Boolean(row.completed),
    courseCompleted,
  };
}

/** Why a beat credited nothing: another page holds the presence, the page must re-open, or the year closed. */
async function refusedBeat(db: Db, accountId: number, body: HeartbeatRequest, at: Date): Promise<HeartbeatResponse> {
  const [p] = await db.select().from(learningPresence).where(eq(learningPresence.accountId, accountId));
  const idle = { active: false, creditedSeconds: 0, requiredSeconds: 0, completed: false, courseCompleted: false };
  if (!p) return { ...idle, reason: 'not_open' };
  if (p.tabId !== body.tabId || p.chapterId !== body.chapterId) return { ...idle, reason: 'other_page' };
  if (p.openUntil <= at) throw new AppError('YEAR_CLOSED', `${p.planYear}年度公需科目学习已截止，学习时间不再累计`);
  return { ...idle, reason: 'not_open' };
}
