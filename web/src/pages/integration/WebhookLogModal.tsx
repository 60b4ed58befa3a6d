import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_STATE_LABELS, type WebhookDelivery } from '@ptce/contracts';
import { useRedeliverWebhook, useRotateWebhookSecret, useWebhookDeliveries } from '../../api/integration';
import { ErrorAlert } from '../../components/ErrorAlert';

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
const STATE_COLOR = { pending: 'blue', delivered: 'green', failed: 'red' } as const;
const result = (status: number | null, error: string | null) => (status ? `HTTP ${status}` : (error ?? '—'));

/**
 * 事件通知 of one client: the endpoint it registered and every message (newest first) with its attempts;
 * 重新发送 queues a message again under the same webhook-id; 更换通知密钥 makes a new secret (shown once) while the
 * old one keeps signing beside it for the chosen overlap.
 */
export function WebhookLogModal({
  client,
  onClose,
}: {
  client: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const log = useWebhookDeliveries(client?.id ?? null);
  const redeliver = useRedeliverWebhook();
  const rotate = useRotateWebhookSecret();
  const [overlapHours, setOverlapHours] = useState(24);
  const close = () => {
    rotate.reset();
    onClose();
  };
  const columns: TableColumnsType<WebhookDelivery> = [
    { title: '事件', key: 'type', render: (_, d) => WEBHOOK_EVENT_LABELS[d.type] },
    { title: '产生时间', key: 'createdAt', render: (_, d) => time(d.createdAt) },
    {
      title: '状态',
      key: 'state',
      render: (_, d) => <Tag color={STATE_COLOR[d.state]}>{WEBHOOK_STATE_LABELS[d.state]}</Tag>,
    },
    { title: '发送次数', dataIndex: 'attempts', key: 'attempts' },
    { title: '最近结果', key: 'last', render: (_, d) => (d.attempts ? result(d.lastStatus, d.lastError) : '—') },
    { title: '下次发送', key: 'next', render: (_, d) => time(d.nextAttemptAt) },
    {
      title: '操作',
      key: 'actions',
      render: (_, d) => (
        <Button
          size="small"
          aria-label={`重新发送 ${d.messageId}`}
          loading={redeliver.isPending && redeliver.variables?.messageId === d.messageId}
          onClick={() => client && redeliver.mutate({ clientId: client.id, messageId: d.messageId })}
        >
          重新发送
        </Button>
      ),
    },
  ];
  const endpoint = log.data?.endpoint;
  return (
    <Modal
      open={client !== null}
      title={client ? `事件通知 — ${client.name}` : '事件通知'}
      onCancel={close}
      footer={<Button onClick={close}>关闭</Button>}
      width={960}
    >
      <Descriptions size="small" column={1} bordered className="ptce-section">
        <Descriptions.Item label="通知地址">{endpoint ? endpoint.url : '行业系统尚未登记通知地址'}</Descriptions.Item>
        <Descriptions.Item label="事件类型">
          {endpoint ? endpoint.eventTypes.map((t) => WEBHOOK_EVENT_LABELS[t]).join('、') : '—'}
        </Descriptions.Item>
      </Descriptions>
      {endpoint && (
        <Space wrap className="ptce-section">
          <span id="webhook-overlap-label">旧密钥过渡期</span>
          <Select
            aria-labelledby="webhook-overlap-label"
            value={overlapHours}
            onChange={setOverlapHours}
            style={{ width: 160 }}
            options={[
              { value: 0, label: '立即失效' },
              { value: 24, label: '24小时' },
              { value: 72, label: '72小时' },
              { value: 168, label: '7天' },
            ]}
          />
          <Button
            loading={rotate.isPending}
            onClick={() => client && rotate.mutate({ clientId: client.id, overlapHours })}
          >
            更换通知密钥
          </Button>
        </Space>
      )}
      {rotate.data && (
        <Alert
          className="ptce-section"
          type="warning"
          showIcon
          message="请立即把新的通知密钥交给行业系统：密钥只显示这一次"
          description={
            <div data-testid="webhook-secret">
              <div>
                新通知密钥：
                <Typography.Text copyable code>
                  {rotate.data.secret}
                </Typography.Text>
              </div>
              <div>
                {rotate.data.previousSecretExpiresAt
                  ? `${time(rotate.data.previousSecretExpiresAt)} 前每条通知同时带新旧两个签名，行业系统持任一密钥均可验签。`
                  : '旧密钥已立即失效，此后的通知只用新密钥签名。'}
              </div>
            </div>
          }
        />
      )}
      <ErrorAlert error={log.error ?? redeliver.error ?? rotate.error} />
      <Table<WebhookDelivery>
        rowKey="messageId"
        size="small"
        loading={log.isLoading}
        columns={columns}
        dataSource={log.data?.deliveries ?? []}
        locale={{ emptyText: '暂无通知' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 820 }}
        expandable={{
          expandedRowRender: (d) => (
            <Table
              rowKey={(a) => `${a.at}-${a.manual}`}
              size="small"
              pagination={false}
              dataSource={d.log}
              locale={{ emptyText: '尚未发送' }}
              columns={[
                { title: '发送时间', key: 'at', render: (_, a) => time(a.at) },
                { title: '结果', key: 'r', render: (_, a) => result(a.status, a.error) },
                { title: '耗时', key: 'ms', render: (_, a) => `${a.durationMs} 毫秒` },
                { title: '方式', key: 'm', render: (_, a) => (a.manual ? '人工重新发送' : '自动') },
              ]}
            />
          ),
        }}
      />
      <p className="ptce-hint">
        通知编号 {'（webhook-id）'}相同的通知，接收方只处理一次；失败的通知按 5 秒至 10 小时的间隔自动重试，约 28
        小时后记为发送失败。
      </p>
    </Modal>
  );
}
