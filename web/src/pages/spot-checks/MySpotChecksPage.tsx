import type { MySpotCheckFinding } from '@ptce/contracts';
import { useMySpotCheckFindings } from '../../api/spot-checks';
import { ListCard, ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';

/** 抽查核减的学时: the professional's records found 不属实 in a spot check (their hours were removed). */
export default function MySpotChecksPage() {
  const q = useMySpotCheckFindings();
  return (
    <>
      <PageTitle>抽查核减的学时</PageTitle>
      <ListCard>
        <ListTable<MySpotCheckFinding>
          rowKey="id"
          size="middle"
          result={q}
          errorTitle="加载失败"
          empty="没有被核查为不属实的学时记录"
          columns={[
            { title: '培训名称', dataIndex: 'title' },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '核减学时', dataIndex: 'hours', width: 90 },
            { title: '抽查', key: 'campaign', width: 220, render: (_, r) => `${r.ownerName}：${r.campaignTitle}` },
            { title: '核查意见', dataIndex: 'findingNote', width: 220 },
            { title: '核查时间', dataIndex: 'foundAt', width: 150, render: (v) => formatDateTime(v) },
          ]}
        />
      </ListCard>
    </>
  );
}
