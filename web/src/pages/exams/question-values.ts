// The 新增试题 / 修改 dialog's values, and the contract's and the server's reasons placed on its fields.
import type { FormInstance, FormRule } from 'antd';
import {
  QUESTION_TYPE_LABEL,
  QuestionInput,
  QuestionType,
  type QuestionRow,
  type QuestionUpdate,
} from '@ptce/contracts';
import { isApiError } from '../../api/client';
import { OPTION_LETTERS } from './question-format';

export interface QuestionValues {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation?: string;
}

/** The field list `form.setFields` takes; a contract issue's path is one of the form's names. */
export type FieldErrors = Parameters<FormInstance<QuestionValues>['setFields']>[0];

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = OPTION_LETTERS.length;
export const BLANK_CHOICES = ['', '', '', ''];
export const TYPES = QuestionType.options.map((t) => ({ value: t, label: QUESTION_TYPE_LABEL[t] }));
/** Server validation names a field like `stem` or `options.2`. */
export const FIELDS = ['type', 'stem', 'answer', 'explanation', ...[...OPTION_LETTERS].map((_, i) => `options.${i}`)];

/** The contract's reason for one top-level field, judged on the whole question (answers depend on type and options). */
export function contractRule(field: 'answer'): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const r = QuestionInput.safeParse(getFieldsValue(true));
      const issue = r.success ? undefined : r.error.issues.find((i) => i.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  });
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The server's per-field reasons under their inputs; true when one was placed. */
export function showServerReasons(form: FormInstance<QuestionValues>, e: unknown): boolean {
  if (!isApiError(e)) return false;
  const fields = e.details
    .filter((d) => d.field && FIELDS.includes(d.field))
    .map((d) => ({ name: d.field!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.reason] }));
  form.setFields(fields as FieldErrors);
  // 409: the only conflict of this call is a stem already in the course's bank.
  if (e.code === 'CONFLICT') form.setFields([{ name: 'stem', errors: [e.message] }]);
  return fields.length > 0 || e.code === 'CONFLICT';
}

/** Only what changed; type, options and answer travel together (QuestionUpdate). */
export function changesOf(input: QuestionInput, q: QuestionRow): QuestionUpdate {
  const patch: QuestionUpdate = {};
  if (input.stem !== q.stem) patch.stem = input.stem;
  if (
    input.type !== q.type ||
    !sameList(input.options, q.options) ||
    !sameList(
      [...input.answer].sort((a, b) => a - b),
      q.answer,
    )
  ) {
    Object.assign(patch, { type: input.type, options: input.options, answer: input.answer });
  }
  if (input.explanation !== q.explanation) patch.explanation = input.explanation;
  return patch;
}
