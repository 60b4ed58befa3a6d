import type { QuestionRow, QuestionType } from '@ptce/contracts';

// How a question's options and answer read on screen — the same way the exam paper shows them
// (ExamPage): choices lettered A, B, C …; a 判断题's two options by their own words.

/** At most eight options (contract: QuestionInput.options). */
export const OPTION_LETTERS = 'ABCDEFGH';

/** The fixed options of a 判断题, in the order the contract requires. */
export const JUDGE_OPTIONS: readonly string[] = ['正确', '错误'];

export function optionLabel(type: QuestionType, index: number, text: string): string {
  return type === 'judge' ? text : `${OPTION_LETTERS[index] ?? index + 1}. ${text}`;
}

/** The right answer in a few characters: "B", "A、C、D", "正确". */
export function answerText(q: Pick<QuestionRow, 'type' | 'options' | 'answer'>): string {
  if (q.answer.length === 0) return '—';
  return q.answer
    .map((i) => (q.type === 'judge' ? (q.options[i] ?? '?') : (OPTION_LETTERS[i] ?? String(i + 1))))
    .join('、');
}
