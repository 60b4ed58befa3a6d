import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Tag, type TableProps } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import {
  CertificateSearchQuery,
  IdNumberLookup,
  RevokeCertificateRequest,
  type CertificateAdminRow,
} from '@ptce/contracts';
import { useCertificateSearch, useRevokeCertificate } from '../../api/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useFocusOnOpen } from '../../components/useFocusOnOpen';
import { formatDateTime } from '../../lib/format';
import { zodRule } from '../../lib/form';

type SearchBy = 'idNumber' | 'serial';

function RevokeModal({ cert, onClose }: { cert: CertificateAdminRow; onClose: () => void }) {
  const revoke = useRevokeCertificate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { ref, focusOnOpen } = useFocusOnOpen<TextAreaRef>();
  const submit = ({ reason }: { reason: string }) =>
    revoke.mutate(
      { id: cert.id, reason },
      {
        onSuccess: () => {
          void message.success(`证书 ${cert.serial} 已撤销`);
          onClose();
        },
      },
    );
  return (
    <Modal
      {...focusOnOpen}
      open
      title={`撤销证书 ${cert.serial}`}
      okText="撤销证书"
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      onOk={() => form.submit()}
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        {cert.name}（{cert.idNumberMasked}）{cert.year}年度《{cert.title}
        》。撤销后，公开验证将显示“已撤销”及原因，此操作记入审计日志。
      </p>
      <Form form={form} name="revoke-certificate" layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="撤销原因" required rules={[zodRule(RevokeCertificateRequest.shape.reason)]}>
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder="例如：经核查，该年度专业科目学时证明材料不实"
            ref={ref}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={revoke.error} />
    </Modal>
  );
}

/**
 * 证书管理 (help desk): find a person's certificates by ID number, or one by the serial printed on it;
 * see each as issued, open its public verification page, and revoke one with a reason.
 */
export default function CertificateAdminPage() {
  const [by, setBy] = useState<SearchBy>('idNumber');
  const [query, setQuery] = useState<{ idNumber?: string; serial?: string } | null>(null);
  const [revoking, setRevoking] = useState<CertificateAdminRow | null>(null);
  const found = useCertificateSearch(query);

  const columns: TableProps<CertificateAdminRow>['columns'] = [
    { title: '证书编号', dataIndex: 'serial', width: 150 },
    { title: '证书', dataIndex: 'title', width: 240 },
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '身份证号码', dataIndex: 'idNumberMasked', width: 180 },
    { title: '单位', dataIndex: 'unitName', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '总学时', dataIndex: 'totalHours', width: 80 },
    { title: '生成时间', dataIndex: 'issuedAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      key: 'status',
      width: 220,
      render: (_v, c) =>
        c.revokedAt ? (
          <span>
            <Tag color="error">已撤销</Tag> {formatDateTime(c.revokedAt)}
            <div className="ptce-course-meta">{c.revokeReason}</div>
          </span>
        ) : (
          <Tag color="success">有效</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_v, c) => (
        <>
          <a href={new URL(c.verifyUrl).pathname} target="_blank" rel="noreferrer">
            验证页
          </a>
          {!c.revokedAt && (
            <Button type="link" danger size="small" onClick={() => setRevoking(c)}>
              撤销
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <PageTitle>证书管理</PageTitle>
      <p className="ptce-hint">
        按身份证号码查询本人的全部证书，或按证书上的证书编号查询。撤销须填写原因；单位删除已通过认定的学时时，当年度的继续教育合格证书会自动撤销。
      </p>
      <Card size="small" className="ptce-section">
        <Form
          layout="inline"
          name="certificate-search"
          onFinish={(v: { text: string }) => {
            const text = v.text.trim().toUpperCase();
            setQuery(by === 'idNumber' ? { idNumber: text } : { serial: text });
          }}
        >
          <Form.Item label="查询方式">
            <Radio.Group
              value={by}
              onChange={(e) => setBy(e.target.value as SearchBy)}
              options={[
                { value: 'idNumber', label: '身份证号码' },
                { value: 'serial', label: '证书编号' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={by === 'idNumber' ? '身份证号码' : '证书编号'}
            rules={[zodRule(by === 'idNumber' ? IdNumberLookup : CertificateSearchQuery.shape.serial.unwrap())]}
          >
            <Input allowClear maxLength={by === 'idNumber' ? 18 : 40} autoComplete="off" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={found.isFetching}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {query && (
        <ListTable<CertificateAdminRow>
          rowKey="id"
          size="small"
          columns={columns}
          result={found}
          errorTitle="证书查询失败"
          empty={query.idNumber ? '该身份证号码没有已生成的证书' : '没有此编号的证书'}
          scroll={{ x: 1500 }}
          card={{ title: (c) => `${c.serial} ${c.name}` }}
        />
      )}
      {revoking && <RevokeModal cert={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
