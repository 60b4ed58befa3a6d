import { useEffect } from 'react';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { MAKEUP_REQUEST_STATUS_LABEL, type MakeupRequestInput, type MakeupRequestView } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useApplyMakeup, useMyMakeupRequest } from '../../api/makeup-requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';

function RequestState({ r }: { r: MakeupRequestView }) {
  const type = r.status === 'granted' ? 'success' : r.status === 'refused' ? 'warning' : 'info';
  const title =
    r.status === 'pending'
      ? '补考申请已提交，等待客服处理'
      : r.status === 'granted'
        ? `补考申请已同意：已开通补学补考（第${r.grantedRoundNo}轮），请重新完成必修课学习后参加考试`
        : `补考申请未通过：${r.decisionReason ?? ''}`;
  return (
    <Alert
      type={type}
      showIcon
      className="ptce-section"
      role="status"
      title={title}
      description={
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'status', label: '申请状态', children: MAKEUP_REQUEST_STATUS_LABEL[r.status] },
            { key: 'at', label: '申请时间', children: formatDateTime(r.createdAt) },
            { key: 'reason', label: '申请原因', children: r.reason },
            { key: 'phone', label: '联系电话', children: r.phone },
            ...(r.decidedAt ? [{ key: 'decided', label: '处理时间', children: formatDateTime(r.decidedAt) }] : []),
          ]}
        />
      }
    />
  );
}

/**
 * 补考申请 on 考试列表: after every attempt of the round failed, the person applies online (reason,
 * phone — from 我的信息) instead of phoning; then reads how the request stands.
 */
export function MakeupRequestPanel({ year }: { year: number }) {
  const mine = useMyMakeupRequest(year);
  const apply = useApplyMakeup(year);
  const { data: me } = useMe();
  const [form] = Form.useForm<MakeupRequestInput>();
  const canApply = mine.data?.canApply ?? false;
  useEffect(() => {
    if (canApply && me?.phone && !form.getFieldValue('phone')) form.setFieldsValue({ phone: me.phone });
  }, [canApply, me?.phone, form]);
  if (!mine.data || mine.data.passed) return null;
  const { request } = mine.data;
  return (
    <>
      {request && <RequestState r={request} />}
      {canApply && (
        <section className="ptce-section" aria-labelledby="makeup-request-title">
          <h3 id="makeup-request-title" className="ptce-section-title">
            申请补考
          </h3>
          <p className="ptce-hint">
            本轮考试机会已用完仍未通过，可在线申请补学补考，客服审核同意后重新学习并参加考试。
          </p>
          <Form<MakeupRequestInput>
            form={form}
            name="makeup-request"
            layout="vertical"
            style={{ maxWidth: 560 }}
            onFinish={(v) => apply.mutate(v, { onSuccess: () => form.resetFields() })}
            onValuesChange={() => apply.isError && apply.reset()}
          >
            <Form.Item
              label="申请原因"
              name="reason"
              rules={[{ required: true, min: 4, message: '请填写申请原因（不少于4个字）' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：工作繁忙未认真复习，申请补学补考" />
            </Form.Item>
            <Form.Item
              label="联系电话"
              name="phone"
              rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号码' }]}
            >
              <Input maxLength={11} inputMode="tel" autoComplete="tel" style={{ maxWidth: 240 }} />
            </Form.Item>
            <ErrorAlert error={apply.error} />
            <Button type="primary" htmlType="submit" loading={apply.isPending}>
              提交补考申请
            </Button>
          </Form>
        </section>
      )}
    </>
  );
}
