import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BaseLogin, BaseRow, IssuedPassword } from '@ptce/contracts';
import { useBase, useCreateBaseLogin, useReissueBaseLogin, useSetBaseLoginEnabled } from '../../api/bases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { IssuedPasswordNotice } from '../org/IssuedPasswordNotice';

/**
 * 登录账号 of a base (管理部门 tab): 新增登录账号 and 重新生成初始密码 show the random initial password once;
 * 停用 / 启用.
 */
export function BaseLoginsModal({ base, onClose }: { base: BaseRow; onClose: () => void }) {
  const detail = useBase(base.id);
  const create = useCreateBaseLogin(base.id);
  const reissue = useReissueBaseLogin(base.id);
  const setEnabled = useSetBaseLoginEnabled(base.id);
  const [form] = Form.useForm<{ username: string; name: string }>();
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const columns: TableColumnsType<BaseLogin> = [
    { title: '用户名', dataIndex: 'username', key: 'username' },
    { title: '使用人', dataIndex: 'name', key: 'name' },
    {
      title: '状态',
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          <Tag color={a.loginEnabled ? 'green' : 'default'}>{a.loginEnabled ? '允许登录' : '已停用'}</Tag>
          {a.mustChangePassword && <Tag>待修改初始密码</Tag>}
        </Space>
      ),
    },
    {
      title: '最近登录',
      key: 'last',
      render: (_, a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            aria-label={`重新生成初始密码：${a.username}`}
            loading={reissue.isPending && reissue.variables === a.id}
            onClick={() => reissue.mutate(a.id, { onSuccess: setIssued })}
          >
            重新生成初始密码
          </Button>
          <Button
            type="link"
            size="small"
            danger={a.loginEnabled}
            aria-label={`${a.loginEnabled ? '停用' : '启用'}：${a.username}`}
            onClick={() => setEnabled.mutate({ accountId: a.id, enabled: !a.loginEnabled })}
          >
            {a.loginEnabled ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Modal open title={`登录账号：${base.name}`} width={760} footer={null} onCancel={onClose}>
      <p className="ptce-hint">
        基地账号在登录页选择“管理部门”登录。初始密码随机生成，只显示一次，7日内有效，首次登录须修改。
      </p>
      <ErrorAlert error={detail.error} title="登录账号加载失败" />
      <Table<BaseLogin>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.data?.accounts ?? []}
        loading={detail.isPending}
        pagination={false}
        locale={{ emptyText: '尚无登录账号' }}
        scroll={{ x: 640 }}
      />
      <ErrorAlert error={reissue.error ?? setEnabled.error} />
      {issued && (
        <div className="ptce-section" role="status">
          <IssuedPasswordNotice issued={issued} lead="请将登录账号和初始密码告知基地：" />
        </div>
      )}
      <Form
        form={form}
        name="base-login"
        layout="inline"
        className="ptce-section"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: (r) => {
              setIssued(r.account);
              form.resetFields();
            },
          })
        }
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-z][a-z0-9-]{2,31}$/, message: '用户名为3至32位小写字母、数字或“-”，以字母开头' },
          ]}
        >
          <Input maxLength={32} autoComplete="off" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label="使用人" rules={[{ required: true, whitespace: true, message: '请填写使用人' }]}>
          <Input maxLength={30} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            新增登录账号
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={create.error} />
    </Modal>
  );
}
