import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The notice's numbers and deadlines live in @ptce/rules and the annual plans only: no fallback
 * number, attempt count, help-desk phone or Dec 31 / Mar 31 date is written in the server or the web,
 * and the web has no copy of a rule's arithmetic.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\?\?\s*(90|4)\b(?!\d)/, 'a fallback for a plan number (?? 90, ?? 4)'],
  [/3次/, 'the number of exam attempts'],
  [/0771-966111/, 'the help-desk phone'],
  [/-(12|03)-31\b/, 'a Dec 31 / Mar 31 deadline'],
  [/(12|3)月31日/, 'a Dec 31 / Mar 31 deadline'],
];

const WEB_COPIES: Array<[RegExp, string]> = [
  [/function halfDays\b/, 'half-day arithmetic'],
  [/专业科目学时登记和审核已于/, 'the closed-year reason'],
  [/不能跨年登记：/, 'the cross-year message'],
  [/10 \* 1024 \* 1024/, 'the evidence size limit'],
  [/slice\(0, 4\)\}00|endsWith\('0000'\)/, 'region prefixes'],
];

function offences(
  dirs: string[],
  patterns: Array<[RegExp, string]>,
  skip: (file: string) => boolean = () => false,
): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of sources(join(root, dir))) {
      const rel = relative(root, file);
      if (skip(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, what] of patterns) if (re.test(line)) found.push(`${rel}:${i + 1} ${what}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe('no rule of the notice outside @ptce/rules and the plans', () => {
  it('the server and the web write no number or deadline of the notice', () => {
    // The plans area is where plans are written (its bounds on a plan's dates are its own); dates in the
    // import's cell parsing are a range of Excel serials; the bases' phone numbers are reference data.
    const skip = (f: string) =>
      f.includes('server/src/modules/plans/') || f.endsWith('excel/cell-values.ts') || f.includes('db/seed/reference/');
    expect(offences(['server/src', 'web/src', 'packages/contracts/src'], FORBIDDEN, skip)).toEqual([]);
  });
  it('the web has no copy of a rule', () => {
    expect(offences(['web/src'], WEB_COPIES)).toEqual([]);
  });
  it('would notice each one (every pattern matches what it forbids, and not a plan read)', () => {
    const samples = [
      'maxRecordHours: plan?.maxRecordHours ?? 90,',
      "'3次考试均不合格者'",
      "'请致电0771-966111'",
      'endOfShanghaiDay(`${y - 1}-12-31`)',
      "'（次年3月31日截止）'",
    ];
    expect(FORBIDDEN.map(([re], i) => re.test(samples[i]!))).toEqual(FORBIDDEN.map(() => true));
    expect(FORBIDDEN.some(([re]) => re.test('plan.hoursPerHalfDay ?? defaultPlan(year).hoursPerHalfDay'))).toBe(false);
    const webSamples = [
      'function halfDays(start: Dayjs) {',
      '`${y}年度专业科目学时登记和审核已于${d}截止`',
      '`不能跨年登记：开始和结束须在同一年度`',
      'const MAX = 10 * 1024 * 1024;',
      "if (limit.endsWith('0000')) return true;",
    ];
    expect(WEB_COPIES.map(([re], i) => re.test(webSamples[i]!))).toEqual(WEB_COPIES.map(() => true));
  });
});
