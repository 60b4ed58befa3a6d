import { CERTIFICATE_KIND_LABEL, COURSE_KIND_LABEL, type AccountMergeCounts } from '@ptce/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * 合并账号's moves: every row of a person that follows them from the merged account to the kept one,
 * keyed so 撤销合并 moves exactly those rows back. Evidence files and a record's history follow their
 * record; exam attempts follow their round. What stays with the merged account: its login, sessions
 * (ended), notice reads and the audit log (history is never rewritten).
 */
export interface MergeMoved {
  records: number[];
  evidence: number;
  /** [plan_year, round_no] */
  rounds: Array<[number, number]>;
  attempts: number[];
  /** [plan_year, chapter_id, round_no] */
  progress: Array<[number, number, number]>;
  /** [plan_year, course_id, round_no] */
  completions: Array<[number, number, number]>;
  /** [year, kind] */
  credits: Array<[number, string]>;
  certificates: number[];
  makeupRequests: number[];
  reopenings: number[];
}

export const countsOf = (m: MergeMoved): AccountMergeCounts => ({
  records: m.records.length,
  evidence: m.evidence,
  rounds: m.rounds.length,
  attempts: m.attempts.length,
  progress: m.progress.length,
  completions: m.completions.length,
  publicCredits: m.credits.length,
  certificates: m.certificates.length,
  makeupRequests: m.makeupRequests.length,
  reopenings: m.reopenings.length,
});

const n = (v: unknown) => Number(v);
async function rows<T = Record<string, unknown>>(db: Db, q: SQL): Promise<T[]> {
  return (await db.execute<Record<string, unknown>>(q)).rows as T[];
}
/** `(a, b) IN ((1, 2), …)`, or false for no keys. */
function keysIn(cols: SQL, keys: Array<Array<number | string>>): SQL {
  if (!keys.length) return sql`false`;
  return sql`${cols} IN (${sql.join(
    keys.map(
      (k) =>
        sql`(${sql.join(
          k.map((v) => sql`${v}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  )})`;
}
const idsIn = (col: SQL, ids: number[]) =>
  ids.length
    ? sql`${col} IN (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`
    : sql`false`;

/** What merging `from` into `to` would move, counted without moving. */
export async function pendingMoves(db: Db, from: number): Promise<AccountMergeCounts> {
  const [r] = await rows(
    db,
    sql`SELECT
      (SELECT count(*) FROM hour_records WHERE account_id = ${from}) AS records,
      (SELECT count(*) FROM hour_evidence e JOIN hour_records h ON h.id = e.record_id WHERE h.account_id = ${from}) AS evidence,
      (SELECT count(*) FROM exam_rounds WHERE account_id = ${from}) AS rounds,
      (SELECT count(*) FROM exam_attempts WHERE account_id = ${from}) AS attempts,
      (SELECT count(*) FROM chapter_progress WHERE account_id = ${from}) AS progress,
      (SELECT count(*) FROM course_completions WHERE account_id = ${from}) AS completions,
      (SELECT count(*) FROM public_credits WHERE account_id = ${from}) AS credits,
      (SELECT count(*) FROM certificates WHERE account_id = ${from}) AS certificates,
      (SELECT count(*) FROM makeup_requests WHERE account_id = ${from}) AS makeups,
      (SELECT count(*) FROM plan_reopenings WHERE person_id = ${from}) AS reopenings`,
  );
  return {
    records: n(r!.records),
    evidence: n(r!.evidence),
    rounds: n(r!.rounds),
    attempts: n(r!.attempts),
    progress: n(r!.progress),
    completions: n(r!.completions),
    publicCredits: n(r!.credits),
    certificates: n(r!.certificates),
    makeupRequests: n(r!.makeups),
    reopenings: n(r!.reopenings),
  };
}

/**
 * Why the two accounts cannot become one without breaking a rule of the notice or duplicating a
 * record: each conflict named in Chinese (empty when the merge may go ahead).
 */
export async function mergeConflicts(db: Db, keptId: number, mergedId: number): Promise<string[]> {
  const out: string[] = [];
  // One pass at the year's compulsory exam per person: two sets of rounds cannot be put in one order.
  const years = await rows<{ year: number; kept_passed: boolean; merged_passed: boolean }>(
    db,
    sql`SELECT m.plan_year AS year,
        EXISTS (SELECT 1 FROM exam_attempts a WHERE a.account_id = ${keptId} AND a.plan_year = m.plan_year AND a.passed) AS kept_passed,
        EXISTS (SELECT 1 FROM exam_attempts a WHERE a.account_id = ${mergedId} AND a.plan_year = m.plan_year AND a.passed) AS merged_passed
      FROM (SELECT DISTINCT plan_year FROM exam_rounds WHERE account_id = ${mergedId}) m
      WHERE EXISTS (SELECT 1 FROM exam_rounds k WHERE k.account_id = ${keptId} AND k.plan_year = m.plan_year)
      ORDER BY 1`,
  );
  for (const y of years)
    out.push(
      y.kept_passed && y.merged_passed
        ? `两个账号在${y.year}年度都已通过公需科目考试（每人每年只能有一次合格成绩）`
        : `两个账号在${y.year}年度都有公需科目必修课学习或考试记录，不能合并为同一年度的考试`,
    );
  const chapters = await rows<{ year: number; title: string }>(
    db,
    sql`SELECT m.plan_year AS year, c.title FROM chapter_progress m
      JOIN chapter_progress k ON k.account_id = ${keptId} AND k.plan_year = m.plan_year AND k.chapter_id = m.chapter_id AND k.round_no = m.round_no
      JOIN course_chapters c ON c.id = m.chapter_id
      WHERE m.account_id = ${mergedId}
        AND NOT EXISTS (SELECT 1 FROM exam_rounds r WHERE r.account_id = ${keptId} AND r.plan_year = m.plan_year)
      ORDER BY 1, c.seq LIMIT 5`,
  );
  for (const c of chapters) out.push(`两个账号在${c.year}年度都学习了课程章节《${c.title}》`);
  const credits = await rows<{ year: number; kind: 'compulsory' | 'elective' }>(
    db,
    sql`SELECT m.year, m.kind FROM public_credits m
      JOIN public_credits k ON k.account_id = ${keptId} AND k.year = m.year AND k.kind = m.kind
      WHERE m.account_id = ${mergedId} ORDER BY 1, 2`,
  );
  for (const c of credits) out.push(`两个账号都已计入${c.year}年度公需科目${COURSE_KIND_LABEL[c.kind]}学时`);
  const certs = await rows<{ year: number; kind: 'public_exam' | 'ce' }>(
    db,
    sql`SELECT m.year, m.kind FROM certificates m
      JOIN certificates k ON k.account_id = ${keptId} AND k.year = m.year AND k.kind = m.kind AND k.revoked_at IS NULL
      WHERE m.account_id = ${mergedId} AND m.revoked_at IS NULL ORDER BY 1, 2`,
  );
  for (const c of certs) out.push(`两个账号都持有${c.year}年度有效的《${CERTIFICATE_KIND_LABEL[c.kind]}》`);
  const [pending] = await rows<{ both: boolean }>(
    db,
    sql`SELECT (EXISTS (SELECT 1 FROM makeup_requests WHERE account_id = ${keptId} AND status = 'pending')
            AND EXISTS (SELECT 1 FROM makeup_requests WHERE account_id = ${mergedId} AND status = 'pending')) AS both`,
  );
  if (pending?.both) out.push('两个账号都有待处理的补考申请，请先处理其中一个');
  // The same activity registered on both accounts would be counted twice.
  const dups = await rows<{ title: string; start: string; end: string }>(
    db,
    sql`SELECT m.title, to_char(m.start_date, 'YYYY-MM-DD') AS start, to_char(m.end_date, 'YYYY-MM-DD') AS end
      FROM hour_records m
      JOIN hour_records k ON k.account_id = ${keptId} AND k.status <> 'rejected'
        AND k.start_date = m.start_date AND k.end_date = m.end_date AND btrim(k.title) = btrim(m.title)
      WHERE m.account_id = ${mergedId} AND m.status <> 'rejected'
      ORDER BY m.start_date, m.id LIMIT 5`,
  );
  for (const d of dups) out.push(`重复的学时登记：《${d.title}》（${d.start}至${d.end}）两个账号都有`);
  return out;
}

/** Moves every row of `from` to `to` and returns their keys. The caller has checked mergeConflicts. */
export async function moveAll(db: Db, from: number, to: number): Promise<MergeMoved> {
  const records = (
    await rows(db, sql`UPDATE hour_records SET account_id = ${to} WHERE account_id = ${from} RETURNING id`)
  ).map((r) => n(r.id));
  const [ev] = await rows(db, sql`SELECT count(*) AS c FROM hour_evidence WHERE ${idsIn(sql`record_id`, records)}`);
  const rounds = (
    await rows(
      db,
      sql`INSERT INTO exam_rounds (account_id, plan_year, round_no, kind, opened_at, granted_by, reason)
        SELECT ${to}, plan_year, round_no, kind, opened_at, granted_by, reason FROM exam_rounds WHERE account_id = ${from}
        RETURNING plan_year, round_no`,
    )
  ).map((r): [number, number] => [n(r.plan_year), n(r.round_no)]);
  const attempts = (
    await rows(db, sql`UPDATE exam_attempts SET account_id = ${to} WHERE account_id = ${from} RETURNING id`)
  ).map((r) => n(r.id));
  await db.execute(sql`DELETE FROM exam_rounds WHERE account_id = ${from}`);
  const progress = (
    await rows(
      db,
      sql`UPDATE chapter_progress SET account_id = ${to} WHERE account_id = ${from} RETURNING plan_year, chapter_id, round_no`,
    )
  ).map((r): [number, number, number] => [n(r.plan_year), n(r.chapter_id), n(r.round_no)]);
  const completions = (
    await rows(
      db,
      sql`UPDATE course_completions SET account_id = ${to} WHERE account_id = ${from} RETURNING plan_year, course_id, round_no`,
    )
  ).map((r): [number, number, number] => [n(r.plan_year), n(r.course_id), n(r.round_no)]);
  const credits = (
    await rows(db, sql`UPDATE public_credits SET account_id = ${to} WHERE account_id = ${from} RETURNING year, kind`)
  ).map((r): [number, string] => [n(r.year), String(r.kind)]);
  const certificates = (
    await rows(db, sql`UPDATE certificates SET account_id = ${to} WHERE account_id = ${from} RETURNING id`)
  ).map((r) => n(r.id));
  const makeupRequests = (
    await rows(db, sql`UPDATE makeup_requests SET account_id = ${to} WHERE account_id = ${from} RETURNING id`)
  ).map((r) => n(r.id));
  const reopenings = (
    await rows(db, sql`UPDATE plan_reopenings SET person_id = ${to} WHERE person_id = ${from} RETURNING id`)
  ).map((r) => n(r.id));
  // Where the merged account was studying a moment ago is not history: it simply ends.
  await db.execute(sql`DELETE FROM learning_presence WHERE account_id = ${from}`);
  return {
    records,
    evidence: n(ev?.c ?? 0),
    rounds,
    attempts,
    progress,
    completions,
    credits,
    certificates,
    makeupRequests,
    reopenings,
  };
}

/**
 * Why a merge cannot be undone exactly: the kept account went on with what it received (a new round or
 * attempt in a moved year, a certificate issued since the merge for a moved year). Empty when it can.
 */
export async function undoConflicts(db: Db, keptId: number, moved: MergeMoved, mergedAt: Date): Promise<string[]> {
  const out: string[] = [];
  const years = [...new Set(moved.rounds.map(([y]) => y))];
  if (years.length) {
    const newer = await rows<{ year: number }>(
      db,
      sql`SELECT DISTINCT plan_year AS year FROM exam_attempts
        WHERE account_id = ${keptId} AND ${idsIn(sql`plan_year`, years)} AND NOT ${idsIn(sql`id`, moved.attempts)}
        UNION
        SELECT DISTINCT plan_year FROM exam_rounds
        WHERE account_id = ${keptId} AND ${idsIn(sql`plan_year`, years)}
          AND NOT ${keysIn(sql`(plan_year, round_no)`, moved.rounds)}
        ORDER BY 1`,
    );
    for (const y of newer)
      out.push(`合并后保留账号在${y.year}年度又有了新的考试或补学补考记录，撤销会把它们与原考试记录拆开`);
  }
  const movedYears = [
    ...new Set([
      ...years,
      ...moved.credits.map(([y]) => y),
      ...(
        await rows<{ year: number }>(
          db,
          sql`SELECT DISTINCT year FROM hour_records WHERE ${idsIn(sql`id`, moved.records)}`,
        )
      ).map((r) => n(r.year)),
    ]),
  ];
  if (movedYears.length) {
    const certs = await rows<{ year: number; kind: 'public_exam' | 'ce' }>(
      db,
      sql`SELECT year, kind FROM certificates
        WHERE account_id = ${keptId} AND revoked_at IS NULL AND issued_at > ${mergedAt}
          AND ${idsIn(sql`year`, movedYears)} AND NOT ${idsIn(sql`id`, moved.certificates)}
        ORDER BY 1, 2`,
    );
    for (const c of certs)
      out.push(`合并后保留账号已获发${c.year}年度《${CERTIFICATE_KIND_LABEL[c.kind]}》，请先撤销该证书再撤销合并`);
  }
  return out;
}

/** 撤销合并: moves exactly the listed rows from `to` (the kept account) back to `from`. */
export async function moveBack(db: Db, from: number, to: number, m: MergeMoved): Promise<void> {
  await db.execute(
    sql`UPDATE hour_records SET account_id = ${from} WHERE account_id = ${to} AND ${idsIn(sql`id`, m.records)}`,
  );
  if (m.rounds.length) {
    await db.execute(sql`INSERT INTO exam_rounds (account_id, plan_year, round_no, kind, opened_at, granted_by, reason)
      SELECT ${from}, plan_year, round_no, kind, opened_at, granted_by, reason FROM exam_rounds
      WHERE account_id = ${to} AND ${keysIn(sql`(plan_year, round_no)`, m.rounds)}`);
    await db.execute(sql`UPDATE exam_attempts SET account_id = ${from}
      WHERE account_id = ${to} AND ${keysIn(sql`(plan_year, round_no)`, m.rounds)}`);
    await db.execute(
      sql`DELETE FROM exam_rounds WHERE account_id = ${to} AND ${keysIn(sql`(plan_year, round_no)`, m.rounds)}`,
    );
  }
  // Study of the compulsory course in a moved round goes back with the round, also what was added since.
  const inMovedRound = (
    table: SQL,
    course: SQL,
  ) => sql`(${keysIn(sql`(${table}.plan_year, ${table}.round_no)`, m.rounds)}
    AND EXISTS (SELECT 1 FROM plan_courses pc
      WHERE pc.course_id = ${course} AND pc.year = ${table}.plan_year AND pc.kind = 'compulsory'))`;
  await db.execute(sql`UPDATE chapter_progress SET account_id = ${from}
    WHERE account_id = ${to} AND (${keysIn(sql`(plan_year, chapter_id, round_no)`, m.progress)}
      OR ${inMovedRound(sql`chapter_progress`, sql`(SELECT c.course_id FROM course_chapters c WHERE c.id = chapter_progress.chapter_id)`)})`);
  await db.execute(sql`UPDATE course_completions SET account_id = ${from}
    WHERE account_id = ${to} AND (${keysIn(sql`(plan_year, course_id, round_no)`, m.completions)}
      OR ${inMovedRound(sql`course_completions`, sql`course_completions.course_id`)})`);
  await db.execute(sql`UPDATE public_credits SET account_id = ${from}
    WHERE account_id = ${to} AND ${keysIn(sql`(year, kind)`, m.credits)}`);
  await db.execute(
    sql`UPDATE certificates SET account_id = ${from} WHERE account_id = ${to} AND ${idsIn(sql`id`, m.certificates)}`,
  );
  await db.execute(sql`UPDATE makeup_requests SET account_id = ${from}
    WHERE account_id = ${to} AND ${idsIn(sql`id`, m.makeupRequests)}`);
  await db.execute(
    sql`UPDATE plan_reopenings SET person_id = ${from} WHERE person_id = ${to} AND ${idsIn(sql`id`, m.reopenings)}`,
  );
}
