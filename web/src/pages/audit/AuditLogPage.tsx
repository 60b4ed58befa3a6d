import { useEffect } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Space, Tag, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry } from '@ptce/contracts';
import { useAuditLog } from '../../api/audit';
import { ListTable, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';

interface FilterValues {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const TEXT_FILTERS = ['action', 'actor', 'targetType', 'targetId'] as const;

/** The search lives in the URL, so a result can be bookmarked, shared and reached with Back. */
const AUDIT_LIST = {
  page: param.page(),
  pageSize: param.pageSize(),
  action: param.text(),
  actor: param.text(),
  targetType: param.text(),
  targetId: param.text(),
  from: param.date(),
  to: param.date(),
};

const RESULT_TAGS: Record<AuditEntry['result'], { color: string; label: string }> = {
  ok: { color: 'success', label: '成功' },
  denied: { color: 'warning', label: '拒绝' },
  failed: { color: 'error', label: '失败' },
};

const PAGE_SIZES = [20, 50, 100];

const columns: NonNullable<TableProps<AuditEntry>['columns']> = [
  { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
  {
    title: '操作人',
    key: 'actor',
    width: 160,
    render: (_: unknown, r) => r.actorName ?? (r.actorId != null ? `#${r.actorId}` : '系统'),
  },
  { title: '操作', dataIndex: 'action', width: 200, render: (v: string) => <code>{v}</code> },
  {
    title: '对象',
    key: 'target',
    render: (_: unknown, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : '—'),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 90,
    render: (v: AuditEntry['result']) => <Tag color={RESULT_TAGS[v]?.color}>{RESULT_TAGS[v]?.label ?? v}</Tag>,
  },
  { title: 'IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
];

/** 审计日志 — operators search who did what, to which object, when. */
export default function AuditLogPage() {
  const { query, update, reset } = useUrlParams(AUDIT_LIST);
  const log = useAuditLog(query);
  const [form] = Form.useForm<FilterValues>();

  // Keep the form in step with the URL (Back/Forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      action: query.action,
      actor: query.actor,
      targetType: query.targetType,
      targetId: query.targetId,
      range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null,
    });
  }, [query, form]);

  const search = (v: FilterValues) => {
    const next: Partial<Record<(typeof TEXT_FILTERS)[number], string>> = {};
    for (const k of TEXT_FILTERS) next[k] = v[k]?.trim() || undefined;
    update({ ...next, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') });
  };

  return (
    <>
      <PageTitle>审计日志</PageTitle>
      <Card className="ptce-section">
        <Form<FilterValues> form={form} name="audit-filter" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="操作" name="action">
                <Input allowClear placeholder="如 auth.login" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="操作人" name="actor">
                <Input allowClear placeholder="姓名或用户名" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="对象类型" name="targetType">
                <Input allowClear placeholder="如 account" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="对象编号" name="targetId">
                <Input allowClear maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={24} lg={12}>
              <Form.Item label="日期范围" name="range">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12} className="ptce-filter-actions">
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={log.isFetching}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    reset();
                  }}
                >
                  重置
                </Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card className="ptce-section">
        <ListTable<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          result={log}
          errorTitle="审计日志加载失败"
          empty="没有符合条件的记录"
          scroll={{ x: 960 }}
          card={{ tagColumn: 'result' }}
          expandable={{
            rowExpandable: (r) => r.detail != null && Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => <pre className="ptce-json">{JSON.stringify(r.detail, null, 2)}</pre>,
          }}
          paging={{ page: query.page, pageSize: query.pageSize, pageSizes: PAGE_SIZES, onChange: update }}
        />
      </Card>
    </>
  );
}
