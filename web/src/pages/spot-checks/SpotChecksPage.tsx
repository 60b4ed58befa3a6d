import { useState } from 'react';
import { Button, Tag } from 'antd';
import { CAMPAIGN_STATUS_LABEL, type SpotCheckSummary } from '@ptce/contracts';
import { Link } from 'react-router';
import { useSpotChecks } from '../../api/spot-checks';
import { ListCard, ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { NewSpotCheckModal } from './NewSpotCheckModal';
import { sampleOfLabel } from './spot-check-labels';

/** 抽查管理: the organisation's campaigns and those the caller was drawn to inspect; 新建抽查 draws a new one. */
export default function SpotChecksPage() {
  const list = useSpotChecks();
  const [dialog, setDialog] = useState(0);
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setDialog((d) => Math.abs(d) + 1)}>
            新建抽查
          </Button>
        }
      >
        抽查管理
      </PageTitle>
      <ListCard>
        <ListTable<SpotCheckSummary>
          rowKey="id"
          size="middle"
          result={list}
          errorTitle="抽查加载失败"
          empty="还没有抽查"
          columns={[
            {
              title: '抽查名称',
              dataIndex: 'title',
              render: (_, r) => <Link to={`/spot-checks/${r.id}`}>{r.title}</Link>,
            },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '组织部门', dataIndex: 'ownerName', width: 180 },
            { title: '抽查对象', dataIndex: 'sampleOf', width: 120, render: (v) => sampleOfLabel(v) },
            {
              title: '进度',
              key: 'progress',
              width: 150,
              render: (_, r) => `${r.units}个单位，已核查${r.found}/${r.items}条`,
            },
            { title: '答复截止', dataIndex: 'answerDue', width: 110 },
            { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (v) => formatDateTime(v) },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (v: SpotCheckSummary['status']) => (
                <Tag color={v === 'open' ? 'processing' : 'default'}>{CAMPAIGN_STATUS_LABEL[v]}</Tag>
              ),
            },
          ]}
        />
      </ListCard>
      {dialog > 0 && <NewSpotCheckModal key={dialog} onClose={() => setDialog((d) => -d)} />}
    </>
  );
}
