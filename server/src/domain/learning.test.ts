import { describe, expect, it } from 'vitest';
import {
  cleanAnswers,
  drawPaper,
  examStartRefusal,
  gradePaper,
  heartbeatCredit,
  isCorrect,
  learningWindow,
  makeupRefusal,
  seededRng,
  shuffle,
  videoCredit,
  type BankQuestion,
  type PaperConfig,
  type ServedQuestion,
} from './learning';

const at = (iso: string) => new Date(iso);

describe('heartbeat crediting', () => {
  it('credits the wall-clock time since the previous accepted beat', () => {
    expect(heartbeatCredit({ elapsedMs: 30_000, remainingMs: 600_000 })).toBe(30_000);
  });
  it('caps one beat, however long ago the previous one was', () => {
    expect(heartbeatCredit({ elapsedMs: 3_600_000, remainingMs: 600_000 })).toBe(60_000);
    expect(heartbeatCredit({ elapsedMs: 3_600_000, capMs: 45_000, remainingMs: 600_000 })).toBe(45_000);
  });
  it('never credits more than the chapter still needs, nor negative time', () => {
    expect(heartbeatCredit({ elapsedMs: 30_000, remainingMs: 12_000 })).toBe(12_000);
    expect(heartbeatCredit({ elapsedMs: 30_000, remainingMs: 0 })).toBe(0);
    expect(heartbeatCredit({ elapsedMs: -5_000, remainingMs: 60_000 })).toBe(0);
  });
  it('a video advances only as far as the player moved, and no faster than the wall clock', () => {
    // jumped from 100 s to 600 s within 30 s: only 30 s count
    expect(videoCredit({ elapsedMs: 30_000, creditedMs: 100_000, positionMs: 600_000, requiredMs: 900_000 })).toBe(
      30_000,
    );
    // re-watching an earlier part adds nothing
    expect(videoCredit({ elapsedMs: 30_000, creditedMs: 100_000, positionMs: 50_000, requiredMs: 900_000 })).toBe(0);
    expect(videoCredit({ elapsedMs: 30_000, creditedMs: 100_000, positionMs: 110_000, requiredMs: 900_000 })).toBe(
      10_000,
    );
  });
});

describe('learning window', () => {
  const base = { publicDeadline: '2026-12-31', currentPlanDeadline: '2026-12-31', compulsoryPassed: false } as const;
  it('opens the plan year until its deadline, Dec 31 in Shanghai', () => {
    const w = learningWindow({ ...base, planYear: 2026, courseKind: 'elective', now: at('2026-12-31T15:59:59Z') });
    expect(w).toMatchObject({ open: true, kind: 'current' });
    const after = learningWindow({ ...base, planYear: 2026, courseKind: 'elective', now: at('2026-12-31T16:00:00Z') });
    expect(after.open).toBe(false);
  });
  it('lets a person who did not pass last year make up its compulsory course this year (历年培训)', () => {
    const w = learningWindow({
      ...base,
      planYear: 2025,
      publicDeadline: '2025-12-31',
      courseKind: 'compulsory',
      now: at('2026-03-01T00:00:00Z'),
    });
    expect(w).toMatchObject({ open: true, kind: 'prior' });
    if (w.open) expect(w.until.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('keeps last year closed for electives, for those who passed, and for older years', () => {
    const now = at('2026-03-01T00:00:00Z');
    const e = learningWindow({ ...base, planYear: 2025, publicDeadline: '2025-12-31', courseKind: 'elective', now });
    expect(e.open).toBe(false);
    const p = learningWindow({
      ...base,
      planYear: 2025,
      publicDeadline: '2025-12-31',
      courseKind: 'compulsory',
      now,
      compulsoryPassed: true,
    });
    expect(p).toMatchObject({ open: false, reason: expect.stringContaining('已通过') });
    const old = learningWindow({
      ...base,
      planYear: 2024,
      publicDeadline: '2024-12-31',
      courseKind: 'compulsory',
      now,
    });
    expect(old).toMatchObject({ open: false, reason: '2024年度公需科目学习已于2024-12-31截止' });
  });
  it('is not open for a future year', () => {
    expect(
      learningWindow({
        ...base,
        planYear: 2027,
        publicDeadline: '2027-12-31',
        courseKind: 'compulsory',
        now: at('2026-03-01T00:00:00Z'),
      }).open,
    ).toBe(false);
  });
});

const config: PaperConfig = {
  minutes: 60,
  single: { count: 20, points: 2 },
  multiple: { count: 10, points: 3 },
  judge: { count: 15, points: 2 },
};

function bank(): BankQuestion[] {
  const out: BankQuestion[] = [];
  let id = 1;
  for (let i = 0; i < 30; i++)
    out.push({
      id: id++,
      type: 'single',
      stem: `单选${i}`,
      options: ['A', 'B', 'C', 'D'],
      answer: [i % 4],
      explanation: `解析${i}`,
    });
  for (let i = 0; i < 12; i++)
    out.push({
      id: id++,
      type: 'multiple',
      stem: `多选${i}`,
      options: ['A', 'B', 'C', 'D', 'E'],
      answer: [0, 2, 4],
      explanation: '',
    });
  for (let i = 0; i < 20; i++)
    out.push({
      id: id++,
      type: 'judge',
      stem: `判断${i}`,
      options: ['正确', '错误'],
      answer: [i % 2],
      explanation: '',
    });
  return out;
}

/** Answers with the first n questions of each type right and the rest wrong. */
function answers(paper: ServedQuestion[], right: { single: number; multiple: number; judge: number }) {
  const seen = { single: 0, multiple: 0, judge: 0 };
  const out: Record<string, number[]> = {};
  paper.forEach((q, i) => {
    const ok = seen[q.type]++ < right[q.type];
    out[String(i + 1)] = ok
      ? q.answer
      : q.type === 'multiple'
        ? [q.answer[0]!]
        : [q.options.findIndex((_, k) => !q.answer.includes(k))];
  });
  return out;
}

describe('drawing a paper', () => {
  it('draws by the plan counts: single, then multiple, then true/false, 100 points', () => {
    const paper = drawPaper(bank(), config, seededRng(7));
    expect(paper.map((q) => q.type)).toEqual([
      ...Array(20).fill('single'),
      ...Array(10).fill('multiple'),
      ...Array(15).fill('judge'),
    ]);
    expect(paper.reduce((s, q) => s + q.points, 0)).toBe(100);
    expect(new Set(paper.map((q) => q.questionId)).size).toBe(45);
  });
  it('shuffles options and maps the answer to the served order', () => {
    const b = bank();
    const paper = drawPaper(b, config, seededRng(11));
    for (const q of paper) {
      const orig = b.find((x) => x.id === q.questionId)!;
      expect(q.answer.map((i) => q.options[i]).sort()).toEqual(orig.answer.map((i) => orig.options[i]).sort());
      if (q.type === 'judge') expect(q.options).toEqual(['正确', '错误']);
    }
    expect(paper.some((q) => q.type === 'single' && q.options.join('') !== 'ABCD')).toBe(true);
  });
  it('is reproducible from a seed and differs between seeds', () => {
    const ids = (s: number) => drawPaper(bank(), config, seededRng(s)).map((q) => q.questionId);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
  });
  it('gives what a short bank has', () => {
    const short = bank().filter((q) => q.type !== 'multiple' || q.id % 2 === 0);
    const paper = drawPaper(short, config, seededRng(1));
    expect(paper.filter((q) => q.type === 'multiple')).toHaveLength(6);
  });
  it('shuffle keeps every element', () => {
    expect(shuffle([1, 2, 3, 4, 5], seededRng(5)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('grading', () => {
  const paper = drawPaper(bank(), config, seededRng(42));
  it('passes at 60 exactly', () => {
    const g = gradePaper(paper, answers(paper, { single: 15, multiple: 0, judge: 15 }), 60);
    expect(g).toMatchObject({ earnedPoints: 60, score: 60, passed: true });
  });
  it('fails at 59', () => {
    const g = gradePaper(paper, answers(paper, { single: 13, multiple: 1, judge: 15 }), 60);
    expect(g).toMatchObject({ earnedPoints: 59, score: 59, passed: false });
  });
  it('multiple choice is all or nothing', () => {
    const q = { options: ['A', 'B', 'C', 'D'], answer: [0, 2] };
    expect(isCorrect(q, [2, 0])).toBe(true);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(q, [0, 1, 2])).toBe(false);
    expect(isCorrect(q, undefined)).toBe(false);
  });
  it('single choice with two marks is wrong, and unanswered questions score nothing', () => {
    expect(isCorrect({ options: ['A', 'B'], answer: [1] }, [0, 1])).toBe(false);
    expect(gradePaper(paper, {}, 60)).toMatchObject({ earnedPoints: 0, score: 0, passed: false });
  });
  it('scales a paper not worth 100 and floors, so a scaled 59.x fails', () => {
    const small: ServedQuestion[] = Array.from({ length: 71 }, (_, i) => ({
      questionId: i,
      type: 'judge',
      stem: '',
      options: ['正确', '错误'],
      answer: [0],
      explanation: '',
      points: 1,
    }));
    const right = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), [0]]));
    expect(gradePaper(small, right(42), 60)).toMatchObject({ score: 59, passed: false }); // 59.15
    expect(gradePaper(small, right(43), 60)).toMatchObject({ score: 60, passed: true }); // 60.56
  });
  it('cleanAnswers drops unknown questions and invalid options', () => {
    expect(cleanAnswers(paper.slice(0, 2), { '1': [1, 1, 9], '2': [], '77': [0] })).toEqual({ '1': [1] });
  });
});

describe('attempts and makeups', () => {
  const s = { passed: false, courseCompleted: true, attemptsUsed: 0, maxAttempts: 3, hasOpenAttempt: false };
  it('refuses an exam before the course is complete', () => {
    expect(examStartRefusal({ ...s, courseCompleted: false }, 2026)).toContain('完成');
  });
  it('refuses a fourth attempt and points to the help desk', () => {
    expect(examStartRefusal({ ...s, attemptsUsed: 3 }, 2026)).toContain('0771-966111');
    expect(examStartRefusal({ ...s, attemptsUsed: 2 }, 2026)).toBeNull();
  });
  it('resumes an open attempt', () => {
    expect(examStartRefusal({ ...s, attemptsUsed: 3, hasOpenAttempt: true }, 2026)).toBeNull();
  });
  it('grants a makeup only after every attempt failed', () => {
    expect(makeupRefusal({ ...s, attemptsUsed: 2 })).toContain('尚未用完');
    expect(makeupRefusal({ ...s, attemptsUsed: 3 })).toBeNull();
    expect(makeupRefusal({ ...s, attemptsUsed: 3, passed: true })).toContain('已通过');
  });
});
