import { useEffect } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Space, Table, Tag, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '@ptce/contracts';
import { useAuditLog, type AuditLogParams } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';

interface FilterValues {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const TEXT_FILTERS = ['action', 'actor', 'targetType', 'targetId'] as const;
const PAGE_SIZES = [20, 50, 100];

function positiveInt(s: string | null, fallback: number, max: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The search lives in the URL, so a result can be bookmarked, shared and reached with Back. */
function paramsToQuery(p: URLSearchParams): AuditLogParams {
  const q: AuditLogParams = {
    page: positiveInt(p.get('page'), 1, 100000),
    pageSize: positiveInt(p.get('pageSize'), 20, 200),
  };
  for (const k of TEXT_FILTERS) {
    const v = p.get(k)?.trim();
    if (v) q[k] = v;
  }
  const from = p.get('from');
  const to = p.get('to');
  if (from && dayjs(from, 'YYYY-MM-DD', true).isValid()) q.from = from;
  if (to && dayjs(to, 'YYYY-MM-DD', true).isValid()) q.to = to;
  return q;
}

function queryToParams(q: AuditLogParams): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '') continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    p.set(k, String(v));
  }
  return p;
}

const RESULT_TAGS: Record<AuditEntry['result'], { color: string; label: string }> = {
  ok: { color: 'success', label: '成功' },
  denied: { color: 'warning', label: '拒绝' },
  failed: { color: 'error', label: '失败' },
};

const columns: TableProps<AuditEntry>['columns'] = [
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
  const [params, setParams] = useSearchParams();
  const query = paramsToQuery(params);
  const log = useAuditLog(query);
  const [form] = Form.useForm<FilterValues>();
  const desktop = useMediaQuery(DESKTOP_QUERY);

  // Keep the form in step with the URL (Back/Forward, shared links).
  const paramsKey = params.toString();
  useEffect(() => {
    const q = paramsToQuery(new URLSearchParams(paramsKey));
    form.setFieldsValue({
      action: q.action,
      actor: q.actor,
      targetType: q.targetType,
      targetId: q.targetId,
      range: q.from || q.to ? [q.from ? dayjs(q.from) : null, q.to ? dayjs(q.to) : null] : null,
    });
  }, [paramsKey, form]);

  const search = (v: FilterValues) => {
    const next: AuditLogParams = { page: 1, pageSize: query.pageSize };
    for (const k of TEXT_FILTERS) {
      const s = v[k]?.trim();
      if (s) next[k] = s;
    }
    if (v.range?.[0]) next.from = v.range[0].format('YYYY-MM-DD');
    if (v.range?.[1]) next.to = v.range[1].format('YYYY-MM-DD');
    setParams(queryToParams(next));
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
                    setParams(new URLSearchParams());
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
        <ErrorAlert error={log.error} title="审计日志加载失败" />
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          scroll={{ x: 960 }}
          expandable={{
            rowExpandable: (r) => r.detail != null && Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => <pre className="ptce-json">{JSON.stringify(r.detail, null, 2)}</pre>,
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: log.data?.total ?? 0,
            simple: !desktop,
            showSizeChanger: desktop,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) =>
              setParams(queryToParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
          }}
          locale={{ emptyText: log.isPending ? '正在加载…' : '没有符合条件的记录' }}
        />
      </Card>
    </>
  );
}
