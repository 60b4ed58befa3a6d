import { useEffect } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Space, Switch } from 'antd';
import {
  ACTIVITY_TYPE_LABEL,
  PLAN_FIELD_LABEL,
  ReopeningInput,
  type ActivityType,
  type PlanDetail,
  type PlanFields,
} from '@ptce/contracts';
import { useUpdatePlan } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, zodRule } from '../../lib/form';

const ACTIVITY_TYPES = Object.keys(ACTIVITY_TYPE_LABEL) as ActivityType[];
const PLAN_FIELDS = Object.keys(PLAN_FIELD_LABEL);

type FormValues = PlanFields & { reason?: string };

/** Every number of the plan, its deadlines and activity caps; 修改原因 once published. */
export function PlanForm({ plan }: { plan: PlanDetail }) {
  const [form] = Form.useForm<FormValues>();
  const update = useUpdatePlan(plan.year);
  const { message } = App.useApp();
  useEffect(() => {
    form.resetFields();
  }, [plan, form]);
  const published = plan.status === 'published';
  const onFinish = (v: FormValues) => {
    const caps = Object.fromEntries(
      Object.entries(v.activityCaps ?? {}).filter(([, x]) => x !== null && x !== undefined),
    );
    update.mutate(
      {
        ...v,
        activityCaps: caps,
        creditConversions: v.creditConversions ?? [],
        reason: v.reason?.trim() || undefined,
      },
      {
        onSuccess: () => void message.success(published ? '已保存，修改已记入历史版本' : '已保存'),
        onError: (e) => applyFieldErrors(form, e, [...PLAN_FIELDS, 'reason']),
      },
    );
  };
  const num = (name: keyof PlanFields, step = 1, extra?: { min?: number }) => (
    <Col xs={24} sm={12} md={8}>
      <Form.Item
        name={name}
        label={PLAN_FIELD_LABEL[name]}
        rules={[{ required: true, message: `请填写${PLAN_FIELD_LABEL[name]}` }]}
      >
        <InputNumber step={step} min={extra?.min ?? 0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const part = (k: 'single' | 'multiple' | 'judge', label: string) => (
    <Col xs={24} sm={12} md={8}>
      <Space.Compact>
        <Form.Item
          name={['examConfig', k, 'count']}
          label={`${label}题数`}
          rules={[{ required: true, message: '请填写题数' }]}
        >
          <InputNumber min={0} max={200} />
        </Form.Item>
        <Form.Item
          name={['examConfig', k, 'points']}
          label="每题分值"
          rules={[{ required: true, message: '请填写分值' }]}
        >
          <InputNumber min={1} max={50} />
        </Form.Item>
      </Space.Compact>
    </Col>
  );
  return (
    <Form<FormValues> form={form} layout="vertical" name={`plan-${plan.year}`} initialValues={plan} onFinish={onFinish}>
      <Row gutter={16}>
        {num('totalHours', 1, { min: 1 })}
        {num('professionalRatioNum')}
        {num('professionalRatioDen')}
        {num('compulsoryHours')}
        {num('electiveHours')}
        {num('hoursPerHalfDay', 0.5)}
        {num('maxRecordHours', 1, { min: 1 })}
        {num('passScore')}
        {num('maxAttempts', 1, { min: 1 })}
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name={['examConfig', 'minutes']}
            label="考试时长（分钟）"
            rules={[{ required: true, message: '请填写考试时长' }]}
          >
            <InputNumber min={5} max={600} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {part('single', '单选题')}
        {part('multiple', '多选题')}
        {part('judge', '判断题')}
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name="publicDeadline"
            label={PLAN_FIELD_LABEL.publicDeadline}
            rules={[zodRule(ReopeningInput.shape.until)]}
          >
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            name="professionalDeadline"
            label={PLAN_FIELD_LABEL.professionalDeadline}
            rules={[zodRule(ReopeningInput.shape.until)]}
          >
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="revealKeyAfterPass" label={PLAN_FIELD_LABEL.revealKeyAfterPass} valuePropName="checked">
            <Switch checkedChildren="显示" unCheckedChildren="不显示" />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="ptce-fieldset">
        <legend>{PLAN_FIELD_LABEL.activityCaps}（可手工填写申请学时的活动类型；不填为不限）</legend>
        <Row gutter={16}>
          {ACTIVITY_TYPES.filter((a) => a !== 'training').map((a) => (
            <Col xs={24} sm={12} md={6} key={a}>
              <Form.Item name={['activityCaps', a]} label={ACTIVITY_TYPE_LABEL[a]}>
                <InputNumber min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </fieldset>
      <fieldset className="ptce-fieldset">
        <legend>
          {PLAN_FIELD_LABEL.creditConversions}（行业学时管理系统按学分推送学时时，按此折算；不填为不接受学分）
        </legend>
        <Form.List name="creditConversions">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Row gutter={16} key={row.key} align="bottom">
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[row.name, 'type']}
                      label={`学分类型${i + 1}`}
                      rules={[{ required: true, whitespace: true, message: '请填写学分类型，如“学分 I类”' }]}
                    >
                      <Input maxLength={20} placeholder="如：学分 I类" />
                    </Form.Item>
                  </Col>
                  <Col xs={16} sm={8}>
                    <Form.Item
                      name={[row.name, 'hoursPerCredit']}
                      label="每学分折算学时"
                      rules={[{ required: true, message: '请填写每学分折算的学时' }]}
                    >
                      <InputNumber min={0.1} max={1000} step={0.5} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={6}>
                    <Form.Item>
                      <Button onClick={() => remove(row.name)} aria-label={`删除学分类型${i + 1}`}>
                        删除
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ type: '', hoursPerCredit: 1 })} disabled={rows.length >= 10}>
                添加学分类型
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
      {published && (
        <Form.Item
          name="reason"
          label="修改原因"
          extra={
            plan.hasRecords
              ? '该年度已有学时或考试记录，修改须填写原因，并记入修改历史'
              : '已发布计划的修改记入修改历史'
          }
          rules={plan.hasRecords ? [{ required: true, whitespace: true, message: '请填写修改原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      )}
      <ErrorAlert error={update.error} fields={[...PLAN_FIELDS, 'reason']} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        保存
      </Button>
    </Form>
  );
}
