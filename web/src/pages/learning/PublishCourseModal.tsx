import { Alert, Checkbox, Form, Input } from 'antd';
import type { AdminCourseRow } from '@ptce/contracts';
import { usePublishCourse } from '../../api/course-admin';
import { usePlan, usePlans } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { applyFieldErrors } from '../../lib/form';

interface Values {
  addToPlan: boolean;
  reason?: string;
}
const FIELDS = ['addToPlan', 'reason', 'chapters', 'questions'] as const;

/**
 * 发布: learners of the plan years that use the course see it. Offers to add the course to its year's plan
 * (a compulsory course replaces the plan's 必修课), so the new year's plan lists it without a second visit.
 */
export function PublishCourseModal({
  course,
  onClose,
  onDone,
}: {
  course: AdminCourseRow | null;
  onClose: () => void;
  onDone: (inPlan: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const publish = usePublishCourse();
  const plans = usePlans();
  const year = course?.year ?? null;
  const summary = plans.data?.find((p) => p.year === year);
  const plan = usePlan(summary ? year : null);
  const inPlan = course ? course.plans.some((p) => p.year === year) : false;
  const current = plan.data?.courses.find((c) => c.kind === 'compulsory');
  const addToPlan = Form.useWatch('addToPlan', form) ?? false;
  return (
    <FormModal<Values>
      open={course !== null}
      title={course ? `发布《${course.title}》` : '发布'}
      width={600}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        publish.reset();
      }}
      save={publish}
      form={form}
      name="publish-course"
      initialValues={{ addToPlan: Boolean(summary) && !inPlan }}
      key={`${course?.id}-${summary ? 'plan' : 'none'}`}
      onFinish={(v) =>
        course &&
        publish.mutate(
          {
            courseId: course.id,
            publish: true,
            body: { addToPlan: v.addToPlan, reason: v.reason?.trim() || undefined },
          },
          { onSuccess: () => onDone(v.addToPlan || inPlan), onError: (e) => applyFieldErrors(form, e, FIELDS) },
        )
      }
    >
      <p>发布后，使用本课程的年度计划的学员即可看到并学习本课程。</p>
      {year === null ? null : inPlan ? (
        <Alert type="success" showIcon title={`本课程已列入${year}年度计划。`} />
      ) : !summary ? (
        <Alert
          type="warning"
          showIcon
          title={`${year}年度计划尚未建立。请先在“年度计划管理”中新建${year}年度计划，再将本课程加入计划，学员才能学习。`}
        />
      ) : (
        <>
          <Form.Item name="addToPlan" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>
              加入{year}年度计划（{summary.status === 'published' ? '已发布' : '草稿'}）
              {course?.kind === 'compulsory' ? '，作为本年度公需科目必修课' : '，作为选修课'}
            </Checkbox>
          </Form.Item>
          {addToPlan && course?.kind === 'compulsory' && current && current.id !== course.id && (
            <Alert
              type="warning"
              showIcon
              className="ptce-section"
              title={`将替换${year}年度计划现有的必修课《${current.title}》。`}
            />
          )}
          {addToPlan && summary.status === 'published' && (
            <Form.Item
              name="reason"
              label="修改原因"
              rules={summary.hasRecords ? [{ required: true, whitespace: true, message: '请填写修改原因' }] : []}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </>
      )}
      <ErrorAlert error={publish.error} title="发布失败" fields={['addToPlan', 'reason']} />
    </FormModal>
  );
}
