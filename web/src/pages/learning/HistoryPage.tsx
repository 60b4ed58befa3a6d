import { Tag, type TableColumnsType } from 'antd';
import type { LearningYear } from '@ptce/contracts';
import { useLearningYears } from '../../api/learning';
import { ButtonLink } from '../../components/ButtonLink';
import { ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { formatHours } from './format';

const columns: TableColumnsType<LearningYear> = [
  { title: '年度', dataIndex: 'year', width: 90, render: (y: number, r) => (r.isCurrent ? `${y}（本年度）` : y) },
  { title: '必修课', dataIndex: 'compulsoryTitle', render: (t: string | null) => (t ? `《${t}》` : '—') },
  {
    title: '公需科目学时',
    key: 'hours',
    width: 190,
    render: (_: unknown, r) => `必修 ${formatHours(r.hours.compulsory)} · 选修 ${formatHours(r.hours.elective)}`,
  },
  {
    title: '必修课考试',
    key: 'status',
    width: 110,
    render: (_: unknown, r) =>
      r.compulsoryPassed ? (
        <Tag color="success">已通过</Tag>
      ) : r.window.open ? (
        <Tag color="processing">可学习</Tag>
      ) : (
        <Tag>未通过</Tag>
      ),
  },
  {
    title: '操作',
    key: 'actions',
    width: 130,
    render: (_: unknown, r) =>
      r.isCurrent ? (
        <ButtonLink to="/learning" size="small">
          前往学习
        </ButtonLink>
      ) : r.window.open && r.window.kind === 'prior' ? (
        <ButtonLink to={`/learning?year=${r.year}`} size="small" type="primary">
          补学补考
        </ButtonLink>
      ) : (
        <ButtonLink to={`/learning?year=${r.year}&tab=exams`} size="small">
          查看
        </ButtonLink>
      ),
  },
];

/**
 * 历年培训 — every year's public subjects. A person who did not pass last year's compulsory exam
 * makes it up this year (补学补考); the hours then count to last year (notice §一(三)).
 */
export default function HistoryPage() {
  const years = useLearningYears();
  return (
    <>
      <PageTitle>历年培训</PageTitle>
      <p className="ptce-hint">
        上一年度未完成公需科目必修课学习考试的，可在本年度进行补学补考，通过后学时计入上一年度。
      </p>
      <ListTable<LearningYear>
        rowKey="year"
        columns={columns}
        result={years}
        errorTitle="历年培训加载失败"
        empty="暂无年度"
        scroll={{ x: 640 }}
      />
    </>
  );
}
