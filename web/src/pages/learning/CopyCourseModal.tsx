import { useRef } from 'react';
import { Form, Select, type RefSelectProps } from 'antd';
import { COURSE_KIND_LABEL, type AdminCourseRow } from '@ptce/contracts';
import { useCopyCourse } from '../../api/course-admin';
import { CourseDraftModal, type CourseDialogProps } from './CourseDraftModal';

interface Values {
  year: number;
  courseId: number;
}
const FIELDS = ['year', 'courseId'] as const;

/** A course of the year before `year`: made for it, or used by its plan. */
const ofYear = (c: AdminCourseRow, year: number) => c.year === year || c.plans.some((p) => p.year === year);

/** 复制上年课程: a draft of the new year with the chapters, materials and questions of last year's course. */
export function CopyCourseModal({
  courses,
  onCopied,
  ...dialog
}: CourseDialogProps & {
  courses: AdminCourseRow[];
  onCopied: (c: { id: number; code: string }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const copy = useCopyCourse();
  const first = useRef<RefSelectProps>(null);
  const year = Form.useWatch('year', form) ?? dialog.defaultYear;
  const lastYear = courses.filter((c) => ofYear(c, year - 1));
  const options = (lastYear.length ? lastYear : courses).map((c) => ({
    value: c.id,
    label: `${c.title}（${COURSE_KIND_LABEL[c.kind]}${c.year ? `，${c.year}年` : ''}）`,
  }));
  return (
    <CourseDraftModal<Values>
      {...dialog}
      draft="copy"
      focusRef={first}
      save={copy}
      form={form}
      fields={FIELDS}
      submit={(v, onError) =>
        copy.mutate({ courseId: v.courseId, body: { year: v.year } }, { onSuccess: onCopied, onError })
      }
    >
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
    </CourseDraftModal>
  );
}
