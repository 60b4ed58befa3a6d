import { useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Radio, type FormInstance, type FormRule } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import {
  QUESTION_TYPE_LABEL,
  QuestionInput,
  QuestionType,
  type QuestionRow,
  type QuestionUpdate,
} from '@ptce/contracts';
import { isApiError } from '../../api/client';
import { useCreateQuestion, useUpdateQuestion } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodRule } from '../../lib/form';
import { JUDGE_OPTIONS, OPTION_LETTERS } from './question-format';

// 新增试题 / 修改 — one dialog for both, validated by the contract's own QuestionInput so the browser
// refuses exactly what the server would (a choice question without its right answer, a 判断题 with
// other options than 正确/错误 …) with the same Chinese messages.

interface QuestionValues {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation?: string;
}

/** The field list `form.setFields` takes; a contract issue's path is one of the form's names. */
type FieldErrors = Parameters<FormInstance<QuestionValues>['setFields']>[0];

const MIN_OPTIONS = 2;
const MAX_OPTIONS = OPTION_LETTERS.length;
const BLANK_CHOICES = ['', '', '', ''];
const TYPES = QuestionType.options.map((t) => ({ value: t, label: QUESTION_TYPE_LABEL[t] }));
/** Server validation names a field like `stem` or `options.2`. */
const FIELDS = ['type', 'stem', 'answer', 'explanation', ...[...OPTION_LETTERS].map((_, i) => `options.${i}`)];

export type QuestionDialogTarget =
  | { mode: 'create'; courseId: number; courseTitle: string }
  | { mode: 'edit'; question: QuestionRow; /** 第几题 in the course's list */ no: number };

/** The contract's reason for one top-level field, judged on the whole question (answers depend on type and options). */
function contractRule(field: 'answer'): FormRule {
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
function showServerReasons(form: FormInstance<QuestionValues>, e: unknown): boolean {
  if (!isApiError(e)) return false;
  const fields = e.details
    .filter((d) => d.field && FIELDS.includes(d.field))
    .map((d) => ({ name: d.field!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.reason] }));
  form.setFields(fields as FieldErrors);
  // 409: the only conflict of this call is a stem already in the course's bank.
  if (e.code === 'CONFLICT') form.setFields([{ name: 'stem', errors: [e.message] }]);
  return fields.length > 0 || e.code === 'CONFLICT';
}

/**
 * The right answer(s) among the options: radio buttons for 单选题 and 判断题, checkboxes for
 * 多选题. The value is always the list of chosen option indexes, as the contract has it.
 */
function AnswerPicker({
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

export function QuestionModal({
  open,
  target,
  onClose,
  afterClose,
  onSaved,
}: {
  open: boolean;
  target: QuestionDialogTarget;
  onClose: () => void;
  afterClose: () => void;
  onSaved: (q: QuestionRow) => void;
}) {
  const [form] = Form.useForm<QuestionValues>();
  const stemRef = useRef<TextAreaRef>(null);
  const create = useCreateQuestion();
  const update = useUpdateQuestion();
  const mutation = target.mode === 'edit' ? update : create;
  const { message } = App.useApp();
  const q = target.mode === 'edit' ? target.question : null;

  const type = Form.useWatch('type', form) ?? q?.type ?? 'single';
  const options = Form.useWatch('options', form) ?? q?.options ?? BLANK_CHOICES;
  // A choice question's options survive a trip through 判断题 and back.
  const choiceOptions = useRef<string[]>(q && q.type !== 'judge' ? q.options : BLANK_CHOICES);

  const lastType = useRef<QuestionType>(q?.type ?? 'single');

  const onTypeChange = (next: QuestionType) => {
    const prev = lastType.current;
    lastType.current = next;
    const answer = form.getFieldValue('answer') as number[];
    if (next === 'judge') {
      if (prev !== 'judge') choiceOptions.current = form.getFieldValue('options') as string[];
      form.setFieldsValue({ options: [...JUDGE_OPTIONS], answer: [] });
    } else if (prev === 'judge') {
      form.setFieldsValue({ options: choiceOptions.current, answer: [] });
    } else if (next === 'single' && answer.length > 1) {
      form.setFieldsValue({ answer: [] });
    }
    form.setFields([{ name: 'answer', errors: [] }]);
  };

  const removeOption = (index: number, remove: (i: number) => void) => {
    // The chosen answers keep pointing at the same texts.
    const answer = (form.getFieldValue('answer') as number[])
      .filter((i) => i !== index)
      .map((i) => (i > index ? i - 1 : i));
    remove(index);
    form.setFieldsValue({ answer });
  };

  const focusFirstError = () => {
    const first = form.getFieldsError().find((f) => f.errors.length > 0);
    if (first) form.focusField(first.name);
  };

  const submit = (values: QuestionValues) => {
    const parsed = QuestionInput.safeParse(values);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path, errors: [i.message] })) as FieldErrors);
      focusFirstError();
      return;
    }
    const input = parsed.data;
    const onError = (e: unknown) => {
      if (showServerReasons(form, e)) focusFirstError();
    };
    const onSuccess = (saved: QuestionRow, text: string) => {
      void message.success(text);
      onSaved(saved);
      onClose();
    };
    if (!q) {
      if (target.mode !== 'create') return;
      create.mutate(
        { courseId: target.courseId, body: input },
        { onSuccess: (saved) => onSuccess(saved, '已新增试题'), onError },
      );
      return;
    }
    // Only what changed; type, options and answer travel together (QuestionUpdate).
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
    if (Object.keys(patch).length === 0) {
      void message.info('未作修改');
      onClose();
      return;
    }
    update.mutate({ id: q.id, body: patch }, { onSuccess: (saved) => onSuccess(saved, '保存成功'), onError });
  };

  // A stem or an explanation is one paragraph (the paper shows no line breaks): Enter saves, as in
  // every other field of the dialog — but not while an input method is composing.
  const enterSubmits = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Modal
      open={open}
      title={q ? `修改第${target.mode === 'edit' ? target.no : ''}题` : '新增试题'}
      okText="保存"
      cancelText="取消"
      width={680}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && stemRef.current?.focus()}
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<QuestionValues>
          form={form}
          name="question"
          layout="vertical"
          className="ptce-question-form"
          initialValues={{
            type: q?.type ?? 'single',
            stem: q?.stem ?? '',
            options: q?.options ?? BLANK_CHOICES,
            answer: q?.answer ?? [],
            explanation: q?.explanation ?? '',
          }}
          onFinish={submit}
          onFinishFailed={focusFirstError}
          onValuesChange={(changed: Partial<QuestionValues>) => {
            if (mutation.isError) mutation.reset();
            if (changed.type) onTypeChange(changed.type);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {target.mode === 'create' && <p className="ptce-hint">课程：《{target.courseTitle}》</p>}
      <Form.Item label="题型" name="type" required>
        <Radio.Group optionType="button" options={TYPES} aria-label="题型" />
      </Form.Item>
      <Form.Item label="题干" name="stem" required rules={[zodRule(QuestionInput.shape.stem)]}>
        <Input.TextArea
          ref={stemRef}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          showCount
          onKeyDown={enterSubmits}
        />
      </Form.Item>

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

      <Form.Item
        label="正确答案"
        name="answer"
        required
        dependencies={['type', 'options']}
        rules={[contractRule('answer')]}
        extra={type === 'multiple' ? '多选题至少选择两个正确答案。' : undefined}
      >
        <AnswerPicker type={type} options={options} />
      </Form.Item>
      <Form.Item
        label="解析"
        name="explanation"
        rules={[zodRule(QuestionInput.shape.explanation)]}
        extra="考生交卷后可以看到解析。"
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount onKeyDown={enterSubmits} />
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={FIELDS} />
    </Modal>
  );
}
