import { useRef } from 'react';
import { Alert, Form, Input, Radio, type InputRef } from 'antd';
import type { CourseKind } from '@ptce/contracts';
import { useCreateCourse } from '../../api/course-admin';
import { usePlans } from '../../api/plans';
import { CourseDraftModal, type CourseDialogProps } from './CourseDraftModal';
import { PlanHoursHint } from './PlanHoursHint';

interface Values {
  year: number;
  kind: CourseKind;
  title: string;
  area?: string;
  lecturer?: string;
  summary?: string;
}
const FIELDS = ['year', 'kind', 'title', 'area', 'lecturer', 'summary'] as const;

/** 新增课程: a draft of a plan year; chapters, materials and questions follow, then 发布. */
export function NewCourseModal({
  onCreated,
  ...dialog
}: CourseDialogProps & {
  onCreated: (c: { id: number; code: string; title: string }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateCourse();
  const plans = usePlans();
  const first = useRef<InputRef>(null);
  const year = Form.useWatch('year', form) ?? dialog.defaultYear;
  const kind = Form.useWatch('kind', form) ?? 'compulsory';
  return (
    <CourseDraftModal<Values>
      {...dialog}
      draft="new"
      focusRef={first}
      save={create}
      form={form}
      fields={FIELDS}
      initial={{ kind: 'compulsory' }}
      submit={(v, onError) =>
        create.mutate(
          {
            year: v.year,
            kind: v.kind,
            title: v.title,
            area: v.kind === 'elective' ? v.area?.trim() || null : null,
            lecturer: v.lecturer?.trim() ?? '',
            summary: v.summary?.trim() ?? '',
          },
          { onSuccess: (c) => onCreated({ ...c, title: v.title }), onError },
        )
      }
    >
      <Form.Item label="课程类型" name="kind" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'compulsory', label: '公需科目必修课（含考试）' },
            { value: 'elective', label: '选修课' },
          ]}
        />
      </Form.Item>
      <PlanHoursHint plans={plans.data} year={year} kind={kind} />
      <Form.Item
        label="课程名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写课程名称' }]}
      >
        <Input ref={first} maxLength={100} />
      </Form.Item>
      {kind === 'elective' && (
        <Form.Item label="领域" name="area" extra="如：民族团结、知识产权保护、安全生产、科学技术普及、数字技术">
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item label="主讲人" name="lecturer">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="课程简介" name="summary">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        title="新增的课程为草稿，学员看不到。请在课程中新增章节（图文、PDF、视频，设置学习时长）；必修课还须在题库管理中导入试题，然后发布。"
      />
    </CourseDraftModal>
  );
}
