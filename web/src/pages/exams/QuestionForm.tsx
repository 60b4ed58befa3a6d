// 新增试题 / 修改 — one dialog for both, validated by the contract's own QuestionInput so the browser
// refuses exactly what the server would (a choice question without its right answer, a 判断题 with
// other options than 正确/错误 …) with the same Chinese messages.
import { useRef, type KeyboardEvent } from 'react';
import { App, Form, Input, Radio } from 'antd';
import { FormModal } from '../../components/FormModal';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { QuestionInput, type QuestionRow, type QuestionType } from '@ptce/contracts';
import { useCreateQuestion, useUpdateQuestion } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodRule } from '../../lib/form';
import { AnswerPicker } from './AnswerPicker';
import { OptionsList } from './OptionsList';
import { JUDGE_OPTIONS } from './question-format';
import {
  BLANK_CHOICES,
  changesOf,
  contractRule,
  FIELDS,
  showServerReasons,
  TYPES,
  type FieldErrors,
  type QuestionValues,
} from './question-values';

export type QuestionDialogTarget =
  | { mode: 'create'; courseId: number; courseTitle: string }
  | { mode: 'edit'; question: QuestionRow; /** 第几题 in the course's list */ no: number };

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
    const patch = changesOf(input, q);
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
    <FormModal<QuestionValues>
      open={open}
      title={q ? `修改第${target.mode === 'edit' ? target.no : ''}题` : '新增试题'}
      width={680}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={stemRef}
      save={mutation}
      form={form}
      name="question"
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
      onValuesChange={(changed: Partial<QuestionValues>) => changed.type && onTypeChange(changed.type)}
      scrollToFirstError={false}
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

      <OptionsList type={type} />

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
    </FormModal>
  );
}
