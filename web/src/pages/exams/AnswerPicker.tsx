import { useImperativeHandle, useRef, type Ref } from 'react';
import { Checkbox, Radio } from 'antd';
import type { QuestionType } from '@ptce/contracts';
import { OPTION_LETTERS } from './question-format';

/**
 * The right answer(s) among the options: radio buttons for 单选题 and 判断题, checkboxes for
 * 多选题. The value is always the list of chosen option indexes, as the contract has it.
 */
export function AnswerPicker({
  id,
  value,
  onChange,
  type,
  options,
  ref,
}: {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  type: QuestionType;
  options: readonly string[];
  ref?: Ref<{ focus: () => void }>;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Lets the form take the keyboard to this field when it is the first one in error.
  useImperativeHandle(
    ref,
    () => ({ focus: () => box.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus() }),
    [],
  );
  const label = (i: number) =>
    type === 'judge' ? (
      options[i]
    ) : (
      <>
        {OPTION_LETTERS[i]}
        <span className="ptce-sr-only">{`．${options[i] ?? ''}`}</span>
      </>
    );
  return (
    <div ref={box} id={id}>
      {type === 'multiple' ? (
        <Checkbox.Group
          role="group"
          aria-label="正确答案"
          value={value ?? []}
          onChange={(v) => onChange?.([...v].sort((a, b) => a - b))}
        >
          {options.map((_, i) => (
            <Checkbox key={i} value={i}>
              {label(i)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      ) : (
        <Radio.Group
          role="radiogroup"
          aria-label="正确答案"
          value={value?.[0] ?? null}
          onChange={(e) => onChange?.([e.target.value as number])}
        >
          {options.map((_, i) => (
            <Radio key={i} value={i}>
              {label(i)}
            </Radio>
          ))}
        </Radio.Group>
      )}
    </div>
  );
}
