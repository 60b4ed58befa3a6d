import type { ReactNode, RefObject } from 'react';
import { Form, InputNumber, type FormInstance } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { applyFieldErrors } from '../../lib/form';

/** The two ways to a draft: its dialog's title, form name, year label and the title of a refusal. */
const DRAFTS = {
  new: { title: '新增课程', name: 'new-course', yearLabel: '年度', errorTitle: '保存失败' },
  copy: { title: '复制上年课程', name: 'copy-course', yearLabel: '复制到年度', errorTitle: '复制失败' },
} as const;

/** What the course list gives its 新增课程 and 复制上年课程 dialogs. */
export interface CourseDialogProps {
  open: boolean;
  /** The year the form opens with. */
  defaultYear: number;
  onClose: () => void;
}

/**
 * A dialog that makes a course draft of a year (新增课程, 复制上年课程): the year comes first, the server's reasons go
 * under their fields (the rest above 保存), and each opening starts from an empty form.
 */
export function CourseDraftModal<V extends { year: number }>({
  draft,
  save,
  form,
  fields,
  submit,
  defaultYear,
  initial,
  children,
  ...modal
}: CourseDialogProps & {
  draft: keyof typeof DRAFTS;
  save: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  form: FormInstance<V>;
  fields: readonly string[];
  /** The other fields' opening values. */
  initial?: Omit<Partial<V>, 'year'>;
  focusRef: RefObject<{ focus: () => void } | null>;
  /** Sends the form; a refusal is passed to `onError`. */
  submit: (v: V, onError: (e: unknown) => void) => void;
  children: ReactNode;
}) {
  const { title, name, yearLabel, errorTitle } = DRAFTS[draft];
  return (
    <FormModal<V>
      {...modal}
      title={title}
      width={640}
      afterClose={() => {
        form.resetFields();
        save.reset();
      }}
      save={save}
      form={form}
      name={name}
      initialValues={{ ...initial, year: defaultYear }}
      onFinish={(v) => submit(v, (e) => applyFieldErrors(form, e, fields))}
    >
      <Form.Item label={yearLabel} name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {children}
      <ErrorAlert error={save.error} title={errorTitle} fields={fields} />
    </FormModal>
  );
}
