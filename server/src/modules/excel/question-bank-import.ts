import { QuestionInput, QUESTION_TYPE_LABEL, type ImportProblem, type QuestionType } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { existingStems, insertQuestions } from '../exams/index';
import type { Caller } from '../auth/index';
import {
  sortProblems,
  type BatchValidator,
  type ImportColumn,
  type ImportKindDef,
  type RowCheck,
  type SheetRow,
} from './import-kind';
import { importLimits } from './limits';
import { columnLines, fileLimitLine, fillInLine } from './instruction-lines';

/**
 * 题库导入 — the training centre fills a course's question bank from the template: one question a row
 * (题型 单选/多选/判断, 题干, 选项A–F, 答案, 解析). Each row is checked like 新增试题 (the same QuestionInput
 * schema), plus what only a file gets wrong: answer letters outside the options, a gap among the options,
 * stems repeated in the file or already in the bank. Any bad row: nothing is imported.
 */

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const JUDGE_OPTIONS = ['正确', '错误'];
const H = {
  type: '题型',
  stem: '题干',
  answer: '答案',
  explanation: '解析',
} as const;
const optionHeader = (l: string) => `选项${l}`;

const TYPE_BY_LABEL = new Map<string, QuestionType>([
  ['单选', 'single'],
  ['单选题', 'single'],
  ['多选', 'multiple'],
  ['多选题', 'multiple'],
  ['判断', 'judge'],
  ['判断题', 'judge'],
]);
const TYPE_CELL: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断' };
const JUDGE_ANSWER = new Map<string, number>([
  ['正确', 0],
  ['对', 0],
  ['√', 0],
  ['A', 0],
  ['T', 0],
  ['TRUE', 0],
  ['错误', 1],
  ['错', 1],
  ['×', 1],
  ['B', 1],
  ['F', 1],
  ['FALSE', 1],
]);

export const QUESTION_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'type',
    header: H.type,
    required: true,
    width: 10,
    options: ['单选', '多选', '判断'],
    hint: '从下拉列表中选择：单选、多选、判断',
  },
  { key: 'stem', header: H.stem, required: true, width: 50, hint: '4至500个字；同一课程的题干不能重复' },
  ...LETTERS.map((l, i): ImportColumn => ({
    key: `option${l}`,
    header: optionHeader(l),
    required: false,
    width: 22,
    hint:
      i < 2
        ? '单选题、多选题至少填写选项A、B（每项不超过200个字）；判断题不填选项'
        : '按A、B、C……顺序填写，中间不能空缺；判断题不填选项',
  })),
  {
    key: 'answer',
    header: H.answer,
    required: true,
    width: 10,
    text: true,
    hint: '单选题填一个字母，如B；多选题填两个或以上字母，如ACD；判断题填“正确”或“错误”',
  },
  { key: 'explanation', header: H.explanation, required: false, width: 40, hint: '答案解析，不超过1000个字' },
];

type ParsedQuestion = QuestionInput & { rowNumber?: number };
type QuestionRowValue = QuestionInput & { rowNumber: number };

const FIELD_COLUMN: Record<string, string> = {
  type: H.type,
  stem: H.stem,
  options: '选项',
  answer: H.answer,
  explanation: H.explanation,
};

function parseAnswer(type: QuestionType, text: string, options: string[]): number[] | string {
  const t = text.replace(/\s+/g, '').toUpperCase();
  if (type === 'judge') {
    const i = JUDGE_ANSWER.get(t);
    return i === undefined ? '判断题的答案填“正确”或“错误”' : [i];
  }
  const letters = t.replace(/[,，、;；]/g, '').split('');
  if (!letters.length) return '请填写答案';
  const bad = letters.filter((l) => !(LETTERS as readonly string[]).includes(l));
  if (bad.length) return `答案须为选项字母A至F，“${text}”不正确`;
  const idx = letters.map((l) => LETTERS.indexOf(l as (typeof LETTERS)[number]));
  const outside = idx.filter((i) => i >= options.length);
  if (outside.length) return `答案${outside.map((i) => LETTERS[i]).join('、')}不在已填写的选项中`;
  if (type === 'single' && idx.length !== 1) return '单选题只有一个正确答案';
  if (type === 'multiple' && new Set(idx).size < 2) return '多选题至少两个正确答案';
  return [...new Set(idx)];
}

function parseRow(row: SheetRow): { value: ParsedQuestion } | { problems: ImportProblem[] } {
  const cell = (i: number) => row.cells[i]?.text.trim() ?? '';
  const problems: ImportProblem[] = [];
  const typeText = cell(0);
  const type = TYPE_BY_LABEL.get(typeText);
  if (!typeText) problems.push({ column: H.type, reason: '请填写题型' });
  else if (!type) problems.push({ column: H.type, reason: `题型须为单选、多选或判断，“${typeText}”不正确` });
  const stem = cell(1);
  const raw = LETTERS.map((_, i) => cell(2 + i));
  const answerText = cell(2 + LETTERS.length);
  const explanation = cell(3 + LETTERS.length);
  if (!stem) problems.push({ column: H.stem, reason: '请填写题干' });
  if (!answerText) problems.push({ column: H.answer, reason: '请填写答案' });
  let options: string[] = [];
  if (type === 'judge') {
    const filled = raw.filter(Boolean);
    if (filled.length && (filled.length !== 2 || filled[0] !== '正确' || filled[1] !== '错误'))
      problems.push({ column: optionHeader('A'), reason: '判断题不填选项（选项固定为“正确”“错误”）' });
    options = JUDGE_OPTIONS;
  } else if (type) {
    const last = raw.reduce((n, v, i) => (v ? i + 1 : n), 0);
    const gap = raw.slice(0, last).findIndex((v) => !v);
    if (gap >= 0)
      problems.push({
        column: optionHeader(LETTERS[gap]!),
        reason: `选项${LETTERS[gap]}为空：选项须按A、B、C……顺序填写`,
      });
    options = raw.slice(0, last);
    if (last < 2) problems.push({ column: optionHeader(LETTERS[last] ?? 'B'), reason: '单选题、多选题至少两个选项' });
  }
  let answer: number[] = [];
  if (type && answerText && !problems.length) {
    const a = parseAnswer(type, answerText, options);
    if (typeof a === 'string') problems.push({ column: H.answer, reason: a });
    else answer = a;
  }
  if (problems.length) return { problems: sortProblems(QUESTION_COLUMNS, problems) };
  const parsed = QuestionInput.safeParse({ type, stem, options, answer, explanation });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMN[String(issue.path[0] ?? '')] ?? null;
      const key = `${column}:${issue.message}`;
      if (!seen.has(key)) problems.push({ column, reason: issue.message });
      seen.add(key);
    }
    return { problems: sortProblems(QUESTION_COLUMNS, problems) };
  }
  return { value: parsed.data };
}

function cellsOf(q: ParsedQuestion): string[] {
  const options = q.type === 'judge' ? [] : q.options;
  const answer = q.type === 'judge' ? JUDGE_OPTIONS[q.answer[0]!]! : q.answer.map((i) => LETTERS[i]).join('');
  return [TYPE_CELL[q.type], q.stem, ...LETTERS.map((_, i) => options[i] ?? ''), answer, q.explanation];
}

/** The course of an upload exists (404 otherwise), before the file is read. */
export async function assertCourse(ctx: Caller, courseId: number): Promise<void> {
  const { rows } = await ctx.db.execute(sql`SELECT 1 FROM courses WHERE id = ${courseId}`);
  if (!rows.length) throw new AppError('NOT_FOUND', '课程不存在');
}

const courseOf = (target: number | null) => {
  if (target === null) throw new AppError('NOT_FOUND', '课程不存在');
  return target;
};

class QuestionValidator implements BatchValidator<ParsedQuestion, QuestionRowValue> {
  /** Stem → the row that had it first (duplicates inside the file). */
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ctx: Caller,
    private readonly courseId: number,
  ) {}

  async check(rows: Array<{ rowNumber: number; value: ParsedQuestion }>): Promise<Array<RowCheck<QuestionRowValue>>> {
    const inBank = await existingStems(
      this.ctx.db,
      this.courseId,
      rows.map((r) => r.value.stem),
    );
    return rows.map(({ rowNumber, value }) => {
      const first = this.seen.get(value.stem);
      if (first !== undefined) return { rowNumber, problems: [{ column: H.stem, reason: `与第${first}行的题干重复` }] };
      this.seen.set(value.stem, rowNumber);
      if (inBank.has(value.stem))
        return { rowNumber, problems: [{ column: H.stem, reason: '本课程题库中已有相同题干的试题' }] };
      return { rowNumber, value: { ...value, rowNumber } };
    });
  }
}

export const questionBankImport: ImportKindDef<ParsedQuestion, QuestionRowValue> = {
  kind: 'question-bank',
  title: '导入题库',
  templateFileName: '题库导入模板.xlsx',
  sheetName: '试题',
  columns: QUESTION_COLUMNS,
  allOrNothing: true,
  instructions: () => [
    '本模板用于【题库管理】的批量导入：①下载模板并按提示填写；②在题库管理中选择课程后导入；③查看导入结果。',
    fillInLine('试题', '一道试题'),
    `题型为${Object.values(QUESTION_TYPE_LABEL).join('、')}三种，在“题型”列中填写单选、多选或判断。`,
    ...columnLines(QUESTION_COLUMNS),
    '同一文件内、或与所选课程题库中已有试题题干相同的行视为错误。',
    fileLimitLine(),
    '文件中有任何一行错误时，整个文件都不导入；可在导入结果中查看每行的错误原因或下载错误报告，修改后重新导入。',
    '导入的试题为“启用”状态，组卷时按年度计划规定的题量从启用的试题中抽取。',
  ],
  exampleRow: () => [
    '单选',
    '共建“一带一路”倡议坚持的原则是什么？',
    '共商共建共享',
    '独立自主',
    '互利共赢',
    '开放包容',
    '',
    '',
    'A',
    '共建“一带一路”坚持共商共建共享原则。',
  ],
  parseRow,
  cellsOf,
  createValidator: (ctx, target) => new QuestionValidator(ctx, courseOf(target)),

  /** Serializes imports into one course (a row lock on it) and checks the stems against the bank again. */
  async recheck(tx, _ctx, rows, target) {
    const courseId = courseOf(target);
    const { rows: found } = await tx.execute(sql`SELECT id FROM courses WHERE id = ${courseId} FOR UPDATE`);
    if (!found.length) throw new AppError('NOT_FOUND', '课程不存在');
    const late = new Map<number, ImportProblem[]>();
    for await (const batch of rows.batches(importLimits().batchSize)) {
      const inBank = await existingStems(
        tx,
        courseId,
        batch.map((r) => r.stem),
      );
      for (const r of batch)
        if (inBank.has(r.stem)) late.set(r.rowNumber, [{ column: H.stem, reason: '本课程题库中已有相同题干的试题' }]);
    }
    return late;
  },

  /** Through the bank's one insert (exams insertQuestions); the file has the one audit entry of run-import. */
  async write(tx, _ctx, rows, progress, _out, target) {
    const courseId = courseOf(target);
    const at = now();
    let written = 0;
    for await (const batch of rows.batches(importLimits().batchSize)) {
      written += (
        await insertQuestions(
          tx,
          courseId,
          batch.map(({ rowNumber: _row, ...q }) => q),
          at,
        )
      ).length;
      await progress(written);
    }
    return written;
  },
};
