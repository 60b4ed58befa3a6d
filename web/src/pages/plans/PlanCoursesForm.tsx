import { useEffect, useMemo } from 'react';
import { App, Button, Form, Input, Select } from 'antd';
import type { PlanDetail } from '@ptce/contracts';
import { useAdminCourses } from '../../api/course-admin';
import { useSetPlanCourses } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/form';

/** 本年度课程: the compulsory course and the electives of the plan's year. */
export function PlanCoursesForm({ plan }: { plan: PlanDetail }) {
  const courses = useAdminCourses();
  const set = useSetPlanCourses(plan.year);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ compulsoryCourseId: number | null; electiveCourseIds: number[]; reason?: string }>();
  const initial = useMemo(
    () => ({
      compulsoryCourseId: plan.courses.find((c) => c.kind === 'compulsory')?.id ?? null,
      electiveCourseIds: plan.courses.filter((c) => c.kind === 'elective').map((c) => c.id),
    }),
    [plan],
  );
  useEffect(() => form.resetFields(), [initial, form]);
  const options = (kind: 'compulsory' | 'elective') =>
    (courses.data ?? []).filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: c.title }));
  return (
    <Form
      form={form}
      layout="vertical"
      name={`plan-courses-${plan.year}`}
      initialValues={initial}
      onFinish={(v) =>
        set.mutate(
          {
            compulsoryCourseId: v.compulsoryCourseId ?? null,
            electiveCourseIds: v.electiveCourseIds ?? [],
            reason: v.reason?.trim() || undefined,
          },
          {
            onSuccess: () => void message.success('已保存本年度课程'),
            onError: (e) => applyFieldErrors(form, e, ['compulsoryCourseId', 'electiveCourseIds', 'reason']),
          },
        )
      }
    >
      <Form.Item name="compulsoryCourseId" label="公需科目必修课">
        <Select allowClear loading={courses.isPending} options={options('compulsory')} placeholder="请选择必修课" />
      </Form.Item>
      <Form.Item name="electiveCourseIds" label="公需科目选修课">
        <Select
          mode="multiple"
          allowClear
          loading={courses.isPending}
          options={options('elective')}
          placeholder="请选择选修课"
        />
      </Form.Item>
      {plan.status === 'published' && (
        <Form.Item
          name="reason"
          label="修改原因"
          rules={plan.hasRecords ? [{ required: true, whitespace: true, message: '请填写修改原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      <ErrorAlert error={set.error ?? courses.error} fields={['compulsoryCourseId', 'electiveCourseIds', 'reason']} />
      <Button htmlType="submit" loading={set.isPending}>
        保存课程
      </Button>
    </Form>
  );
}
