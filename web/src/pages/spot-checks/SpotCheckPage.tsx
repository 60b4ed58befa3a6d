import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { CAMPAIGN_STATUS_LABEL, type SpotCheckItem, type SpotCheckUnitPart } from '@ptce/contracts';
import { spotCheckReportPdfUrl, spotCheckReportUrl, useFinishSpotCheck, useSpotCheck } from '../../api/spot-checks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { DrawFacts } from './DrawFacts';
import { FindingModal } from './FindingModal';
import { ItemFiles } from './ItemFiles';
import { FINDING_COLOR, findingLabel, sampleOfLabel } from './spot-check-labels';

/** The sampled records of one unit; its drawn inspectors record a finding on each. */
export function ItemsTable({
  part,
  actions,
  files,
}: {
  part: SpotCheckUnitPart;
  actions?: (item: SpotCheckItem) => React.ReactNode;
  files: (item: SpotCheckItem) => React.ReactNode;
}) {
  return (
    <Table<SpotCheckItem>
      rowKey="id"
      size="small"
      dataSource={part.items}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '该单位没有抽中的记录' }}
      columns={[
        { title: '姓名', dataIndex: 'personName', width: 90 },
        { title: '培训名称', dataIndex: 'title' },
        { title: '起止日期', width: 190, render: (_, i) => `${i.startDate} 至 ${i.endDate}` },
        { title: '学时', dataIndex: 'hours', width: 60 },
        { title: '材料', width: 200, render: (_, i) => files(i) },
        {
          title: '核查结论',
          width: 200,
          render: (_, i) => (
            <Space orientation="vertical" size={2}>
              <Tag color={i.finding ? FINDING_COLOR[i.finding] : 'default'}>{findingLabel(i.finding)}</Tag>
              {i.findingNote && <span>{i.findingNote}</span>}
              {i.foundByName && (
                <span className="ptce-muted">
                  {i.foundByName} {formatDateTime(i.foundAt)}
                </span>
              )}
              {i.hoursRemovedAt && <Tag color="red">学时已核减</Tag>}
            </Space>
          ),
        },
        ...(actions
          ? [{ title: '操作', key: 'actions', width: 90, render: (_: unknown, i: SpotCheckItem) => actions(i) }]
          : []),
      ]}
    />
  );
}

function FinishModal({ id, onClose }: { id: number; onClose: () => void }) {
  const finish = useFinishSpotCheck(id);
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<{ conclusion: string }>();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title="结束抽查并公开结果"
      okText="结束并公开"
      cancelText="取消"
      confirmLoading={finish.isPending}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          finish.mutate(v.conclusion.trim(), {
            onSuccess: () => {
              void message.success('抽查已结束，结果已公开');
              setOpen(false);
            },
          }),
        )
      }
    >
      <Form form={form} layout="vertical" name="finish">
        <Form.Item
          name="conclusion"
          label="抽查结论"
          rules={[{ required: true, whitespace: true, message: '请填写抽查结论' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
      <ErrorAlert error={finish.error} title="结束抽查失败" />
    </Modal>
  );
}

/** 抽查详情: the draw (seed and lists), each sampled unit with its inspectors, answer and records. */
export default function SpotCheckPage() {
  const id = Number(useParams().id);
  const q = useSpotCheck(id);
  const [finding, setFinding] = useState<SpotCheckItem | null>(null);
  const [finishing, setFinishing] = useState(false);
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorAlert title="抽查加载失败" error={q.error} />;
  const c = q.data;
  const open = c.status === 'open';
  return (
    <>
      <PageTitle
        extra={
          c.owner && (
            <Space wrap>
              <Button href={spotCheckReportUrl(c.id)}>导出抽查报告</Button>
              <Button href={spotCheckReportPdfUrl(c.id)}>抽查报告（PDF）</Button>
              {open && (
                <Button type="primary" onClick={() => setFinishing(true)}>
                  结束抽查并公开结果
                </Button>
              )}
            </Space>
          )
        }
      >
        {c.title}
      </PageTitle>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="组织部门">{c.ownerName}</Descriptions.Item>
        <Descriptions.Item label="范围">{c.scopeLabel}</Descriptions.Item>
        <Descriptions.Item label="年度">{c.year}年度</Descriptions.Item>
        <Descriptions.Item label="抽查对象">{sampleOfLabel(c.sampleOf)}</Descriptions.Item>
        <Descriptions.Item label="答复截止">{c.answerDue}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {CAMPAIGN_STATUS_LABEL[c.status]}（已核查{c.found}/{c.items}条）
        </Descriptions.Item>
        {c.conclusion && <Descriptions.Item label="抽查结论">{c.conclusion}</Descriptions.Item>}
      </Descriptions>
      <DrawFacts draw={c.draw} />
      {c.parts.map((p) => (
        <Card
          key={p.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={`${p.drawOrder}. ${p.unitName}`}
          extra={p.mine ? <Tag color="blue">我负责核查</Tag> : undefined}
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="检查人员">
              {p.inspectors.map((i) => `${i.name}（${i.username}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="单位答复">
              {p.answeredAt ? `${p.answerNote}（${formatDateTime(p.answeredAt)}）` : '未答复'}
            </Descriptions.Item>
          </Descriptions>
          <ItemsTable
            part={p}
            files={(i) => <ItemFiles itemId={i.id} files={i.files} canUpload={open && p.mine} label="上传核查材料" />}
            actions={
              open && p.mine
                ? (i) =>
                    i.finding === 'false' ? (
                      '—'
                    ) : (
                      <Button
                        size="small"
                        aria-label={`核查：${i.personName} ${i.title}`}
                        onClick={() => setFinding(i)}
                      >
                        核查
                      </Button>
                    )
                : undefined
            }
          />
        </Card>
      ))}
      {finding && <FindingModal key={finding.id} item={finding} onClose={() => setFinding(null)} />}
      {finishing && <FinishModal id={c.id} onClose={() => setFinishing(false)} />}
    </>
  );
}
