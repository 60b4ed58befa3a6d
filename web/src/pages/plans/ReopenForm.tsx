import { Alert, App, Button, Form, Input, Select } from 'antd';
import {
  DEADLINE_KIND_LABEL,
  REOPEN_SCOPE_LABEL,
  ReopeningInput,
  type PlanDetail,
  type Reopening,
} from '@ptce/contracts';
import { useReopen, useReopenings } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/list';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { reopeningColumns } from './plan-columns';

/** 重新开放截止日期 for the whole region, a unit or a person (published plans only), and those so far. */
export function ReopenForm({ plan }: { plan: PlanDetail }) {
  const reopen = useReopen(plan.year);
  const list = useReopenings(plan.year);
  const { message } = App.useApp();
  const [form] = Form.useForm<ReopeningInput>();
  const scope = Form.useWatch('scope', form);
  const fields = ['scope', 'unitCreditCode', 'personIdNumber', 'deadline', 'until', 'reason'];
  return (
    <>
      {plan.status !== 'published' ? (
        <Alert type="info" showIcon title="计划发布后，可为全区、单位或个人重新开放已过的截止日期。" />
      ) : (
        <Form<ReopeningInput>
          form={form}
          layout="vertical"
          name={`reopen-${plan.year}`}
          initialValues={{ scope: 'province', deadline: 'professional' }}
          className="ptce-narrow-form"
          onFinish={(v) =>
            reopen.mutate(v, {
              onSuccess: () => {
                form.resetFields();
                void message.success('已重新开放');
              },
              onError: (e) => applyFieldErrors(form, e, fields),
            })
          }
        >
          <Form.Item name="scope" label="范围">
            <Select options={Object.entries(REOPEN_SCOPE_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {scope === 'unit' && (
            <Form.Item
              name="unitCreditCode"
              label="单位统一社会信用代码"
              rules={[{ required: true, message: '请填写统一社会信用代码' }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          )}
          {scope === 'person' && (
            <Form.Item name="personIdNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="deadline" label="截止事项">
            <Select options={Object.entries(DEADLINE_KIND_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="until" label="开放至" rules={[zodRule(ReopeningInput.shape.until)]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[zodRule(ReopeningInput.shape.reason)]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <ErrorAlert error={reopen.error} fields={fields} />
          <Button htmlType="submit" loading={reopen.isPending}>
            重新开放
          </Button>
        </Form>
      )}
      <ErrorAlert error={list.error} />
      <ListTable<Reopening>
        className="ptce-section"
        rowKey="id"
        size="small"
        columns={reopeningColumns}
        result={list}
        empty="没有重新开放的截止日期"
        scroll={{ x: 720 }}
        card={false}
      />
    </>
  );
}
