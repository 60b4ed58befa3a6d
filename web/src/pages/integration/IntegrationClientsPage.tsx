import { useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import type { IntegrationClientRow, IntegrationSecret } from '@ptce/contracts';
import type { TableColumnsType } from 'antd';
import { useIntegrationClients, useRotateIntegrationKey, useSetIntegrationClientEnabled } from '../../api/integration';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, RowAction, RowActions } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { ClientModal } from './ClientModal';
import { DeleteRecordModal } from './DeleteRecordModal';
import { SecretNotice } from './SecretNotice';
import { WebhookLogModal } from './WebhookLogModal';

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/**
 * 行业接口管理 (人社厅 / 培训中心): the industry systems that push hours through the signed integration API —
 * their scope, keys and last call; 新增 shows the secret once, 更换密钥 keeps the old key for 24 hours; 事件通知 shows
 * the webhook log with 重新发送; 删除推送记录 corrects a pushed record with a reason.
 */
export default function IntegrationClientsPage() {
  const clients = useIntegrationClients();
  const rotate = useRotateIntegrationKey();
  const setEnabled = useSetIntegrationClientEnabled();
  const { modal, message } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [editing, setEditing] = useState<IntegrationClientRow | 'new' | null>(null);
  const [secret, setSecret] = useState<IntegrationSecret | null>(null);
  const [webhookOf, setWebhookOf] = useState<IntegrationClientRow | null>(null);
  const [deletingFor, setDeletingFor] = useState<IntegrationClientRow | null>(null);

  const columns: TableColumnsType<IntegrationClientRow> = [
    { title: '行业系统', dataIndex: 'name', key: 'name' },
    {
      title: '授权范围',
      key: 'scope',
      render: (_, c) => [...c.industryCodes.map((i) => `行业 ${i}`), ...c.unitNames].join('、') || '—',
    },
    { title: '密钥编号', key: 'keys', render: (_, c) => c.keys.map((k) => k.keyId).join('、') },
    {
      title: '状态',
      key: 'status',
      render: (_, c) => (c.enabled ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '最近调用',
      key: 'lastCall',
      render: (_, c) => (c.lastCallAt ? `${time(c.lastCallAt)} ${c.lastCallEndpoint ?? ''}` : '尚未调用'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <RowActions desktop={desktop}>
          <RowAction label="修改" of={c.name} onClick={() => setEditing(c)} />
          <RowAction
            label="更换密钥"
            of={c.name}
            onClick={() =>
              modal.confirm({
                title: `更换“${c.name}”的密钥？`,
                content: '新密钥只显示一次；原密钥在24小时内仍然有效，请在此期间完成切换。',
                okText: '更换密钥',
                cancelText: '取消',
                onOk: () => rotate.mutateAsync({ id: c.id, overlapHours: 24 }).then(setSecret),
              })
            }
          />
          <RowAction label="事件通知" of={c.name} onClick={() => setWebhookOf(c)} />
          <RowAction label="删除推送记录" of={c.name} onClick={() => setDeletingFor(c)} />
          <RowAction
            label={c.enabled ? '停用' : '启用'}
            of={c.name}
            onClick={() => setEnabled.mutate({ id: c.id, enabled: !c.enabled })}
          />
        </RowActions>
      ),
    },
  ];

  return (
    <>
      <PageTitle>行业接口管理</PageTitle>
      <p className="ptce-hint">
        行业学时管理系统通过签名接口推送本行业的专业科目学时（自动为通过认定）。新增客户端后请把密钥编号和密钥交给行业系统的技术人员。
      </p>
      <Space className="ptce-section">
        <Button type="primary" onClick={() => setEditing('new')}>
          新增接口客户端
        </Button>
      </Space>
      {secret && <SecretNotice secret={secret} onClose={() => setSecret(null)} />}
      <ErrorAlert error={rotate.error ?? setEnabled.error} />
      <ListTable<IntegrationClientRow>
        className="ptce-section"
        rowKey="id"
        size="small"
        columns={columns}
        result={clients}
        errorTitle="接口客户端加载失败"
        empty="暂无接口客户端"
        scroll={{ x: 900 }}
      />
      <ClientModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        client={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onCreated={setSecret}
      />
      <WebhookLogModal client={webhookOf} onClose={() => setWebhookOf(null)} />
      <DeleteRecordModal
        client={deletingFor}
        onClose={() => setDeletingFor(null)}
        onDeleted={(text) => void message.success(text)}
      />
    </>
  );
}
