import { useRef } from 'react';
import { Form, InputNumber, Select, type RefSelectProps } from 'antd';
import { COURSE_KIND_LABEL, type AdminCourseRow } from '@ptce/contracts';
import { useCopyCourse } from '../../api/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { applyFieldErrors } from '../../lib/form';

interface Values {
  year: number;
  courseId: number;
}
const FIELDS = ['year', 'courseId'] as const;

/** A course of the year before `year`: made for it, or used by its plan. */
const ofYear = (c: AdminCourseRow, year: number) => c.year === year || c.plans.some((p) => p.year === year);

/** 复制上年课程: a draft of the new year with the chapters, materials and questions of last year's course. */
export function CopyCourseModal({
  open,
  courses,
  defaultYear,
  onClose,
  onCopied,
}: {
  open: boolean;
  courses: AdminCourseRow[];
  defaultYear: number;
  onClose: () => void;
  onCopied: (c: { id: number; code: string }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const copy = useCopyCourse();
  const first = useRef<RefSelectProps>(null);
  const year = Form.useWatch('year', form) ?? defaultYear;
  const lastYear = courses.filter((c) => ofYear(c, year - 1));
  const options = (lastYear.length ? lastYear : courses).map((c) => ({
    value: c.id,
    label: `${c.title}（${COURSE_KIND_LABEL[c.kind]}${c.year ? `，${c.year}年` : ''}）`,
  }));
  return (
    <FormModal<Values>
      open={open}
      title="复制上年课程"
      width={640}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        copy.reset();
      }}
      focusRef={first}
      save={copy}
      form={form}
      name="copy-course"
      initialValues={{ year: defaultYear }}
      onFinish={(v) =>
        copy.mutate(
          { courseId: v.courseId, body: { year: v.year } },
          { onSuccess: onCopied, onError: (e) => applyFieldErrors(form, e, FIELDS) },
        )
      }
    >
      <Form.Item label="复制到年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={`${year - 1}年度课程`}
        name="courseId"
        rules={[{ required: true, message: '请选择要复制的课程' }]}
        extra="复制课程信息、全部章节（含PDF和视频文件）、相关资料和题库，生成新年度的课程草稿；原课程不变。"
      >
        <Select<number>
          ref={first}
          options={options}
          placeholder="请选择课程"
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <ErrorAlert error={copy.error} title="复制失败" fields={FIELDS} />
    </FormModal>
  );
}
