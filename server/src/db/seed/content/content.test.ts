import { describe, it, expect } from 'vitest';
import { ALL_COURSES, BELT_AND_ROAD_COURSE, ELECTIVE_COURSES, PRIOR_YEAR_COURSE, type SeedCourse } from './index';

/** Number of Chinese (Han) characters — digits, Latin letters and punctuation are not counted. */
const hanCount = (s: string): number => (s.match(/\p{Script=Han}/gu) ?? []).length;

interface Rules {
  minChapters: number;
  maxChapters: number;
  minChars: number;
  maxChars: number;
  minMinutes: number;
  maxMinutes: number;
  minQuestions: number;
}

const ELECTIVE_AREAS = ['民族团结', '知识产权保护', '安全生产', '科学技术普及', '数字技术'];

function rulesFor(course: SeedCourse): Rules {
  if (course === BELT_AND_ROAD_COURSE) {
    return {
      minChapters: 6,
      maxChapters: 12,
      minChars: 900,
      maxChars: 1500,
      minMinutes: 30,
      maxMinutes: 60,
      minQuestions: 70,
    };
  }
  if (course === PRIOR_YEAR_COURSE) {
    return {
      minChapters: 4,
      maxChapters: 4,
      minChars: 600,
      maxChars: 1000,
      minMinutes: 15,
      maxMinutes: 60,
      minQuestions: 30,
    };
  }
  return {
    minChapters: 2,
    maxChapters: 3,
    minChars: 500,
    maxChars: 900,
    minMinutes: 15,
    maxMinutes: 30,
    minQuestions: 10,
  };
}

/**
 * Markdown-lite: blocks separated by blank lines; a block is a '## ' heading (one line),
 * a bullet list (every line starts with '- ') or a paragraph (one line of plain text).
 */
function markdownLiteProblems(body: string): string[] {
  const problems: string[] = [];
  if (body !== body.trim()) problems.push('leading/trailing whitespace');
  if (/\r|\t/.test(body)) problems.push('CR or tab character');
  if (/\n{3,}/.test(body)) problems.push('more than one blank line in a row');
  for (const block of body.split('\n\n')) {
    const lines = block.split('\n');
    if (lines.some((l) => l.trim() === '' || l !== l.trim()))
      problems.push(`stray whitespace in block: ${block.slice(0, 20)}`);
    const first = lines[0] ?? '';
    if (first.startsWith('## ')) {
      if (lines.length !== 1) problems.push(`heading followed directly by text: ${first}`);
      if (first.length > 40) problems.push(`heading too long: ${first}`);
    } else if (first.startsWith('- ')) {
      if (!lines.every((l) => l.startsWith('- ') && l.length > 2)) problems.push(`mixed list block: ${first}`);
    } else {
      if (lines.length !== 1) problems.push(`paragraph spans several lines: ${first.slice(0, 20)}`);
      if (/^(#|>|\*|\||\d+[.)、]\s|```)/.test(first)) problems.push(`unsupported markup: ${first.slice(0, 20)}`);
    }
  }
  return problems;
}

describe('seed course content', () => {
  it('ships the 2024 compulsory course, one elective per area and the prior-year course', () => {
    expect(ALL_COURSES).toHaveLength(1 + ELECTIVE_COURSES.length + 1);
    expect(BELT_AND_ROAD_COURSE.code).toBe('GX-2024-BX');
    expect(BELT_AND_ROAD_COURSE.title).toBe('高质量共建“一带一路”谱写人类命运共同体新篇章');
    expect(BELT_AND_ROAD_COURSE.kind).toBe('compulsory');
    expect(PRIOR_YEAR_COURSE.code).toBe('GX-2023-BX');
    expect(PRIOR_YEAR_COURSE.kind).toBe('compulsory');

    const codes = ALL_COURSES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const titles = ALL_COURSES.map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('has exactly one elective course per elective area', () => {
    expect(ELECTIVE_COURSES.length).toBeGreaterThanOrEqual(5);
    for (const c of ELECTIVE_COURSES) expect(c.kind).toBe('elective');
    for (const area of ELECTIVE_AREAS) {
      expect(
        ELECTIVE_COURSES.filter((c) => c.area === area),
        area,
      ).toHaveLength(1);
    }
    const areas = ELECTIVE_COURSES.map((c) => c.area);
    expect(new Set(areas).size).toBe(areas.length);
    for (const c of ALL_COURSES.filter((x) => x.kind === 'compulsory')) expect(c.area).toBeNull();
  });

  it('the 2024 compulsory course has a full question bank with all three types', () => {
    const qs = BELT_AND_ROAD_COURSE.questions;
    expect(qs.length).toBeGreaterThanOrEqual(60);
    const byType = (t: string) => qs.filter((q) => q.type === t).length;
    expect(byType('single')).toBeGreaterThanOrEqual(40);
    expect(byType('multiple')).toBeGreaterThanOrEqual(15);
    expect(byType('judge')).toBeGreaterThanOrEqual(15);
    const totalMinutes = BELT_AND_ROAD_COURSE.chapters.reduce((s, c) => s + c.minutes, 0);
    expect(totalMinutes).toBeGreaterThanOrEqual(240);
    expect(totalMinutes).toBeLessThanOrEqual(300);
  });

  describe.each(ALL_COURSES.map((c) => [c.code, c] as const))('%s', (_code, course) => {
    const rules = rulesFor(course);

    it('has descriptive metadata', () => {
      expect(course.title.length).toBeGreaterThan(4);
      expect(hanCount(course.summary)).toBeGreaterThanOrEqual(40);
      expect(course.lecturer.trim()).not.toBe('');
    });

    it('has the required number of chapters with bodies of the required length', () => {
      expect(course.chapters.length).toBeGreaterThanOrEqual(rules.minChapters);
      expect(course.chapters.length).toBeLessThanOrEqual(rules.maxChapters);
      const titles = course.chapters.map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const ch of course.chapters) {
        expect(ch.kind).toBe('text');
        const n = hanCount(ch.body);
        expect(n, `${ch.title}: ${n} Chinese characters`).toBeGreaterThanOrEqual(rules.minChars);
        expect(n, `${ch.title}: ${n} Chinese characters`).toBeLessThanOrEqual(rules.maxChars);
        expect(Number.isInteger(ch.minutes)).toBe(true);
        expect(ch.minutes).toBeGreaterThanOrEqual(rules.minMinutes);
        expect(ch.minutes).toBeLessThanOrEqual(rules.maxMinutes);
      }
    });

    it('chapter bodies use Markdown-lite only', () => {
      for (const ch of course.chapters) {
        expect(markdownLiteProblems(ch.body), ch.title).toEqual([]);
        expect(ch.body).not.toMatch(/"/); // Chinese quotes “” are used in the text
      }
    });

    it('has downloadable plain-text materials', () => {
      expect(course.materials.length).toBeGreaterThanOrEqual(1);
      if (course === BELT_AND_ROAD_COURSE) expect(course.materials.length).toBeGreaterThanOrEqual(2);
      const names = course.materials.map((m) => m.fileName);
      expect(new Set(names).size).toBe(names.length);
      for (const m of course.materials) {
        expect(m.title.trim()).not.toBe('');
        expect(m.fileName).toMatch(/^[^/\\]+\.txt$/);
        expect(hanCount(m.body)).toBeGreaterThanOrEqual(100);
      }
    });

    it('every question is well-formed', () => {
      expect(course.questions.length).toBeGreaterThanOrEqual(rules.minQuestions);
      for (const q of course.questions) {
        const where = q.stem;
        expect(q.stem.trim(), where).not.toBe('');
        expect(q.explanation.trim(), where).not.toBe('');
        expect(new Set(q.options).size, `duplicate options: ${where}`).toBe(q.options.length);
        for (const o of q.options) expect(o.trim(), where).not.toBe('');
        expect(new Set(q.answer).size, `duplicate answer index: ${where}`).toBe(q.answer.length);
        for (const a of q.answer) {
          expect(Number.isInteger(a), where).toBe(true);
          expect(a, where).toBeGreaterThanOrEqual(0);
          expect(a, where).toBeLessThan(q.options.length);
        }
        switch (q.type) {
          case 'single':
            expect(q.options.length, where).toBeGreaterThanOrEqual(3);
            expect(q.answer, where).toHaveLength(1);
            break;
          case 'multiple':
            expect(q.options.length, where).toBeGreaterThanOrEqual(3);
            expect(q.answer.length, where).toBeGreaterThanOrEqual(2);
            break;
          case 'judge':
            expect(q.options, where).toEqual(['正确', '错误']);
            expect(q.answer, where).toHaveLength(1);
            break;
          default:
            throw new Error(`unknown question type in: ${where}`);
        }
      }
    });

    it('has no duplicate question stems', () => {
      const stems = course.questions.map((q) => q.stem.replace(/\s/g, ''));
      const dups = stems.filter((s, i) => stems.indexOf(s) !== i);
      expect(dups).toEqual([]);
    });

    it('varies the position of correct answers', () => {
      const singles = course.questions.filter((q) => q.type === 'single');
      if (singles.length >= 10) {
        const positions = singles.map((q) => q.answer[0]);
        const counts = new Map<number | undefined, number>();
        for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
        expect(counts.size).toBeGreaterThanOrEqual(3);
        expect(Math.max(...counts.values()) / singles.length).toBeLessThanOrEqual(0.5);
      }
      const judges = course.questions.filter((q) => q.type === 'judge');
      if (judges.length >= 5) {
        const trues = judges.filter((q) => q.answer[0] === 0).length;
        expect(trues).toBeGreaterThan(0);
        expect(trues).toBeLessThan(judges.length);
      }
    });
  });
});
