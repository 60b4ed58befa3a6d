import { QUESTION_TYPE_LABEL, QuestionType, type QuestionRow } from '@ptce/contracts';

export type TypeFilter = QuestionType | 'all';
export type StateFilter = 'all' | 'enabled' | 'disabled';
export const TYPE_FILTERS = [
  { value: 'all' as const, label: '全部题型' },
  ...QuestionType.options.map((t) => ({ value: t, label: QUESTION_TYPE_LABEL[t] })),
];
export const STATE_FILTERS = [
  { value: 'all' as const, label: '全部状态' },
  { value: 'enabled' as const, label: '启用' },
  { value: 'disabled' as const, label: '停用' },
];

export function matches(q: QuestionRow, type: TypeFilter, state: StateFilter, text: string): boolean {
  if (type !== 'all' && q.type !== type) return false;
  if (state !== 'all' && q.enabled !== (state === 'enabled')) return false;
  return text === '' || q.stem.toLowerCase().includes(text);
}
