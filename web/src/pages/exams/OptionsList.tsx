import { Button, Form, Input } from 'antd';
import { QuestionInput, type QuestionType } from '@ptce/contracts';
import { zodRule } from '../../lib/form';
import { OPTION_LETTERS } from './question-format';
import { MAX_OPTIONS, MIN_OPTIONS } from './question-values';

/** 选项: lettered inputs, 删除 / 添加选项 for choice questions; a 判断题's two are fixed. */
export function OptionsList({ type }: { type: QuestionType }) {
  const form = Form.useFormInstance();

  const removeOption = (index: number, remove: (i: number) => void) => {
    // The chosen answers keep pointing at the same texts.
    const answer = (form.getFieldValue('answer') as number[])
      .filter((i) => i !== index)
      .map((i) => (i > index ? i - 1 : i));
    remove(index);
    form.setFieldsValue({ answer });
  };

  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <fieldset className="ptce-question-options">
          <legend className="ptce-question-legend">选项</legend>
          {type === 'judge' && <p className="ptce-hint">判断题的选项固定为“正确”“错误”。</p>}
          {fields.map((field, i) => (
            <div key={field.key} className="ptce-question-option">
              <Form.Item
                name={field.name}
                rules={[zodRule(QuestionInput.shape.options.element)]}
                className="ptce-question-option-input"
              >
                <Input
                  prefix={<span aria-hidden="true">{OPTION_LETTERS[i]}.</span>}
                  aria-label={`选项${OPTION_LETTERS[i]}`}
                  maxLength={200}
                  autoComplete="off"
                  readOnly={type === 'judge'}
                />
              </Form.Item>
              {type !== 'judge' && (
                <Button
                  onClick={() => removeOption(field.name, remove)}
                  disabled={fields.length <= MIN_OPTIONS}
                  aria-label={`删除选项${OPTION_LETTERS[i]}`}
                >
                  删除
                </Button>
              )}
            </div>
          ))}
          {type !== 'judge' && (
            <Button type="dashed" onClick={() => add('')} disabled={fields.length >= MAX_OPTIONS} block>
              {fields.length >= MAX_OPTIONS ? `最多${MAX_OPTIONS}个选项` : '添加选项'}
            </Button>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}
