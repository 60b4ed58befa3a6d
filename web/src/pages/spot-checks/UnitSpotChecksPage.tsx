import { Tag } from 'antd';
import { CAMPAIGN_STATUS_LABEL, type SpotCheckSummary } from '@ptce/contracts';
import { Link } from 'react-router';
import { useUnitSpotChecks } from '../../api/spot-checks';
import { ListCard, ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';

/** 抽查答复: the spot checks that sampled this unit. */
export default function UnitSpotChecksPage() {
  const list = useUnitSpotChecks();
  return (
    <>
      <PageTitle>抽查答复</PageTitle>
      <ListCard>
        <ListTable<SpotCheckSummary>
          rowKey="id"
          size="middle"
          result={list}
          errorTitle="抽查加载失败"
          empty="本单位没有被抽查"
          columns={[
            {
              title: '抽查名称',
              dataIndex: 'title',
              render: (_, r) => <Link to={`/spot-checks/unit/${r.id}`}>{r.title}</Link>,
            },
            { title: '组织部门', dataIndex: 'ownerName', width: 220 },
            { title: '答复截止', dataIndex: 'answerDue', width: 110 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (v: SpotCheckSummary['status']) => (
                <Tag color={v === 'open' ? 'processing' : 'default'}>{CAMPAIGN_STATUS_LABEL[v]}</Tag>
              ),
            },
          ]}
        />
      </ListCard>
    </>
  );
}
