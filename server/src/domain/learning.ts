/**
 * Rules of public-subject learning and exams (公需科目), without I/O. Numbers that vary per year
 * (pass score, attempts, counts, minutes) come from the annual plan and are passed in.
 */
import { endOfShanghaiDay, shanghaiYear } from '../clock';
import { attemptsUsedUpMessage, lastDayOfYear, ruleMessages, type ExamComposition } from '@ptce/rules';

export type QuestionType = 'single' | 'multiple' | 'judge';
export type CourseKind = 'compulsory' | 'elective';

// ---------------------------------------------------------------- heartbeats

/** The open chapter page beats this often while it is visible. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** One beat never credits more than this, however long ago the previous one was. */
export const HEARTBEAT_CAP_MS = 60_000;

/**
 * Time credited for one heartbeat: the wall-clock time since the previous accepted beat of the same
 * page, capped, and never more than the chapter still needs. The heartbeat statement in
 * modules/learning/record-heartbeat.ts computes exactly this in SQL (so that it stays one atomic
 * statement); this function is its specification and is tested against it.
 */
export function heartbeatCredit(input: { elapsedMs: number; capMs?: number; remainingMs: number }): number {
  const cap = input.capMs ?? HEARTBEAT_CAP_MS;
  return Math.max(0, Math.min(Math.floor(input.elapsedMs), cap, input.remainingMs));
}

/**
 * A video's credited time is also its furthest watched position: a beat advances it by the
 * progress of the player, but never by more than the wall-clock credit (no fast-forwarding).
 */
export function videoCredit(input: {
  elapsedMs: number;
  capMs?: number;
  creditedMs: number;
  positionMs: number;
  requiredMs: number;
}): number {
  const wall = heartbeatCredit({
    elapsedMs: input.elapsedMs,
    capMs: input.capMs,
    remainingMs: input.requiredMs - input.creditedMs,
  });
  return Math.max(0, Math.min(wall, Math.floor(input.positionMs) - input.creditedMs));
}

// ---------------------------------------------------------------- the learning window

export type LearningWindow = { open: true; kind: 'current' | 'prior'; until: Date } | { open: false; reason: string };

/**
 * When a person may study a plan year's course (and take its exam):
 * - in the plan's own year, until its public deadline (Dec 31 by default — notice §三(三));
 * - in the following year, only the compulsory course and only if its exam was not passed
 *   (历年培训: 2023年未完成…可在2024年度进行补学补考，计入2023年度), until that year's deadline.
 */
export function learningWindow(input: {
  planYear: number;
  publicDeadline: string;
  courseKind: CourseKind;
  now: Date;
  /** public deadline of the plan of the current year, when there is one */
  currentPlanDeadline: string | null;
  compulsoryPassed: boolean;
}): LearningWindow {
  const { planYear, publicDeadline, now } = input;
  const currentYear = shanghaiYear(now);
  if (planYear > currentYear) return { open: false, reason: `${planYear}年度公需科目学习尚未开始` };
  const ownEnd = endOfShanghaiDay(publicDeadline);
  if (now < ownEnd) return { open: true, kind: 'current', until: ownEnd };
  const closed = { open: false as const, reason: `${planYear}年度公需科目学习已于${publicDeadline}截止` };
  if (planYear !== currentYear - 1) return closed;
  if (input.courseKind !== 'compulsory') {
    return { open: false, reason: `${closed.reason}；历年培训只能补学补考必修课` };
  }
  if (input.compulsoryPassed) return { open: false, reason: `您已通过${planYear}年度公需科目考试，无需补学补考` };
  const priorDeadline = input.currentPlanDeadline ?? lastDayOfYear(currentYear);
  const priorEnd = endOfShanghaiDay(priorDeadline);
  if (now < priorEnd) return { open: true, kind: 'prior', until: priorEnd };
  return { open: false, reason: ruleMessages.PUBLIC_YEAR_CLOSED(planYear, priorDeadline) };
}

// ---------------------------------------------------------------- exams

/** A paper's composition and time limit, as the plan sets them. */
export type PaperConfig = ExamComposition;

export interface BankQuestion {
  id: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

/** One question of a paper as served: its option order, points, and the answer in served order. */
export interface ServedQuestion {
  questionId: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
  points: number;
}

export type Rng = () => number;

/** mulberry32: a small seeded generator, so a paper can be drawn reproducibly from a stored seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const TYPE_ORDER: QuestionType[] = ['single', 'multiple', 'judge'];

/**
 * Draws a paper by the plan's counts: single choice first, then multiple choice, then true/false,
 * each section in random order with the choice options shuffled (true/false keeps 正确/错误).
 * A bank smaller than a count gives what it has; the score is then scaled to 100 (see gradePaper).
 */
export function drawPaper(bank: readonly BankQuestion[], config: PaperConfig, rng: Rng): ServedQuestion[] {
  const paper: ServedQuestion[] = [];
  for (const type of TYPE_ORDER) {
    const { count, points } = config[type];
    const picked = shuffle(
      bank.filter((q) => q.type === type),
      rng,
    ).slice(0, Math.max(0, count));
    for (const q of picked) {
      const order =
        type === 'judge'
          ? q.options.map((_, i) => i)
          : shuffle(
              q.options.map((_, i) => i),
              rng,
            );
      paper.push({
        questionId: q.id,
        type,
        stem: q.stem,
        options: order.map((i) => q.options[i]!),
        // answer[k] is an index into the original options; served position = order.indexOf(original)
        answer: q.answer.map((orig) => order.indexOf(orig)).sort((x, y) => x - y),
        explanation: q.explanation,
        points,
      });
    }
  }
  return paper;
}

/** Answers are keyed by question number (1-based) and list the chosen served option indexes. */
export type Answers = Record<string, number[]>;

function normalizeChoice(choice: readonly number[] | undefined, optionCount: number): number[] {
  if (!choice) return [];
  return [...new Set(choice.filter((i) => Number.isInteger(i) && i >= 0 && i < optionCount))].sort((a, b) => a - b);
}

/** Single choice and true/false: the one right option. Multiple choice: all of them and nothing else. */
export function isCorrect(
  q: Pick<ServedQuestion, 'answer' | 'options'>,
  choice: readonly number[] | undefined,
): boolean {
  const chosen = normalizeChoice(choice, q.options.length);
  const right = [...q.answer].sort((a, b) => a - b);
  return chosen.length === right.length && chosen.every((v, i) => v === right[i]);
}

export interface GradedPaper {
  earnedPoints: number;
  totalPoints: number;
  /** 0–100; equals the points earned when the paper is worth 100 */
  score: number;
  passed: boolean;
  correct: boolean[];
}

/** The server's grading: pass at score ≥ passScore (60 by default — 60分以上（含60分）视为通过). */
export function gradePaper(paper: readonly ServedQuestion[], answers: Answers, passScore: number): GradedPaper {
  const correct = paper.map((q, i) => isCorrect(q, answers[String(i + 1)]));
  const totalPoints = paperTotal(paper);
  const earnedPoints = paper.reduce((s, q, i) => s + (correct[i] ? q.points : 0), 0);
  // floor: a scaled 59.6 is 59, so "score ≥ 60" and "passed" can never disagree.
  const score = totalPoints === 0 ? 0 : Math.floor((earnedPoints * 100) / totalPoints);
  return { earnedPoints, totalPoints, score, passed: totalPoints > 0 && score >= passScore, correct };
}

export function paperTotal(paper: readonly Pick<ServedQuestion, 'points'>[]): number {
  return paper.reduce((s, q) => s + q.points, 0);
}

/** Keeps only answers to questions of the paper, with valid option indexes. */
export function cleanAnswers(paper: readonly ServedQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  paper.forEach((q, i) => {
    const key = String(i + 1);
    const c = normalizeChoice(answers[key], q.options.length);
    if (c.length) out[key] = q.type === 'multiple' ? c : c.slice(0, 1);
  });
  return out;
}

// ---------------------------------------------------------------- attempts and makeups

/** Late submissions of the page inside this margin (network, a slow phone) still count. */
export const SUBMIT_GRACE_MS = 30_000;

export interface RoundState {
  passed: boolean;
  courseCompleted: boolean;
  attemptsUsed: number;
  maxAttempts: number;
  hasOpenAttempt: boolean;
}

/** Why a new exam attempt may not start, or null when it may. (An open attempt is resumed instead.) */
export function examStartRefusal(s: RoundState, year: number): string | null {
  if (s.passed) return `您已通过${year}年度公需科目考试，无需再次考试`;
  if (s.hasOpenAttempt) return null;
  if (!s.courseCompleted) return '请先完成必修课全部章节的学习，再参加考试';
  if (s.attemptsUsed >= s.maxAttempts) {
    return attemptsUsedUpMessage(s.maxAttempts);
  }
  return null;
}

/** A makeup (补学补考) is for a person who failed every attempt of the current round. */
export function makeupRefusal(s: RoundState): string | null {
  if (s.passed) return '该人员已通过本年度公需科目考试，无需补学补考';
  if (s.hasOpenAttempt) return '该人员有正在进行的考试，请待考试结束后再开通';
  if (s.attemptsUsed < s.maxAttempts) {
    return `该人员本轮${s.maxAttempts}次考试机会尚未用完（已用${s.attemptsUsed}次），不能开通补学补考`;
  }
  return null;
}
