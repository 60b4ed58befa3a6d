import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Spin, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { drawCampaign } from '@ptce/rules';
import type { PublicSpotCheck, PublicSpotCheckRow } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { PublicFrame } from '../../components/AuthFrame';
import { usePublicSpotCheck, usePublicSpotChecks } from '../../api/spot-checks';
import { formatDateTime } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';
import { DrawFacts } from './DrawFacts';
import { FINDING_COLOR, findingLabel, sampleOfLabel } from './spot-check-labels';

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <PublicFrame help={OUTSIDE_PAGES.publicSpotChecks} mainClassName="ptce-public-main">
      <Card title={<h1 className="ptce-public-title">抽查结果公开</h1>} className="ptce-public-card">
        {children}
      </Card>
    </PublicFrame>
  );
}

/** /public/spot-checks: finished spot checks (一公开), no login. */
export function PublicSpotChecksList() {
  const q = usePublicSpotChecks();
  return (
    <Frame>
      <p>
        以下为已结束的继续教育学时抽查（双随机、一公开）：被抽查单位和检查人员均随机抽取，随机种子和抽取名单一并公开。
      </p>
      {q.error && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} />}
      <Table<PublicSpotCheckRow>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '暂无已公开的抽查结果' }}
        columns={[
          { title: '抽查名称', render: (_, r) => <Link to={`/public/spot-checks/${r.id}`}>{r.title}</Link> },
          { title: '组织部门', dataIndex: 'ownerName', width: 200 },
          { title: '单位数', dataIndex: 'units', width: 70 },
          { title: '抽查记录', dataIndex: 'checked', width: 80 },
          { title: '不属实', dataIndex: 'falseCount', width: 70 },
          { title: '公开时间', dataIndex: 'finishedAt', width: 150, render: (v) => formatDateTime(v) },
        ]}
      />
    </Frame>
  );
}

/** Recomputes the draw from the published seed and lists and compares it with the published units. */
function Reproduce({ c }: { c: PublicSpotCheck }) {
  const [result, setResult] = useState<boolean | null>(null);
  const check = () => {
    const drawn = drawCampaign(c.draw).map((d) => c.unitNames[String(d.unitId)]);
    const published = [...c.units].sort((a, b) => a.drawOrder - b.drawOrder).map((u) => u.unitName);
    setResult(JSON.stringify(drawn) === JSON.stringify(published));
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Button onClick={check}>验证抽取结果</Button>
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {result === true && (
          <Alert type="success" showIcon title="用公开的随机种子和名单重算，抽中的单位及顺序与公布结果一致" />
        )}
        {result === false && <Alert type="error" showIcon title="重算结果与公布结果不一致" />}
      </div>
    </div>
  );
}

/** /public/spot-checks/:id: one finished spot check's outcomes, names masked. */
export function PublicSpotCheckDetail() {
  const id = Number(useParams().id);
  const q = usePublicSpotCheck(id);
  return (
    <Frame>
      <p>
        <Link to="/public/spot-checks">返回抽查结果公开</Link>
      </p>
      {q.isPending ? (
        <Spin tip="正在加载…">
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : q.error ? (
        <Result status="warning" title="未找到该抽查结果" subTitle={errorMessage(q.error)} />
      ) : (
        <>
          <h2 style={{ fontSize: 18 }}>{q.data.title}</h2>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="组织部门">{q.data.ownerName}</Descriptions.Item>
            <Descriptions.Item label="范围">{q.data.scopeLabel}</Descriptions.Item>
            <Descriptions.Item label="年度">{q.data.year}年度</Descriptions.Item>
            <Descriptions.Item label="抽查对象">{sampleOfLabel(q.data.sampleOf)}</Descriptions.Item>
            <Descriptions.Item label="抽取时间">{formatDateTime(q.data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="公开时间">{formatDateTime(q.data.finishedAt)}</Descriptions.Item>
            {q.data.conclusion && <Descriptions.Item label="抽查结论">{q.data.conclusion}</Descriptions.Item>}
          </Descriptions>
          <DrawFacts draw={q.data.draw} />
          <Reproduce c={q.data} />
          {q.data.units.map((u) => (
            <Card key={u.unitName} size="small" style={{ marginBottom: 12 }} title={`${u.drawOrder}. ${u.unitName}`}>
              <p>
                检查人员：{u.inspectors.join('、')}。抽查{u.checked}条：属实{u.trueCount}条，不属实{u.falseCount}
                条，材料不全
                {u.incompleteCount}条；核减学时{u.hoursRemoved}。
              </p>
              <Table
                rowKey={(_, i) => String(i)}
                size="small"
                pagination={false}
                dataSource={u.items}
                // Four narrow columns: the 培训名称 wraps, so the table fits a phone without scrolling sideways.
                columns={[
                  { title: '姓名', dataIndex: 'personName', width: 76 },
                  { title: '培训名称', dataIndex: 'title' },
                  { title: '学时', dataIndex: 'hours', width: 52 },
                  {
                    title: '核查结论',
                    dataIndex: 'finding',
                    width: 88,
                    render: (f: PublicSpotCheck['units'][number]['items'][number]['finding']) => (
                      <Tag color={f ? FINDING_COLOR[f] : 'default'}>{findingLabel(f)}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </>
      )}
    </Frame>
  );
}
