import { Checkbox, Radio } from 'antd';
import type { PaperQuestion } from '@ptce/contracts';
import { optionLabel } from './question-format';
import { QuestionHeading } from './QuestionHeading';

/** One question of the paper: radios (单选, 判断) or checkboxes (多选) in a labelled fieldset. */
export function QuestionField({
  q,
  value,
  onChange,
}: {
  q: PaperQuestion;
  value: number[] | undefined;
  onChange: (v: number[]) => void;
}) {
  const legendId = `q-${q.no}-stem`;
  return (
    <fieldset className="ptce-question" id={`q-${q.no}`} aria-labelledby={legendId}>
      <legend id={legendId}>
        <QuestionHeading q={q} />
      </legend>
      {q.type === 'multiple' ? (
        <Checkbox.Group
          className="ptce-options"
          value={value ?? []}
          onChange={(v) => onChange((v as number[]).slice().sort((x, y) => x - y))}
        >
          {q.options.map((o, i) => (
            <Checkbox key={i} value={i}>
              {optionLabel(q.type, i, o)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      ) : (
        <Radio.Group
          className="ptce-options"
          name={`q${q.no}`}
          value={value?.[0]}
          onChange={(e) => onChange([e.target.value as number])}
        >
          {q.options.map((o, i) => (
            <Radio key={i} value={i}>
              {optionLabel(q.type, i, o)}
            </Radio>
          ))}
        </Radio.Group>
      )}
    </fieldset>
  );
}
