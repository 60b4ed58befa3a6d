import { Link, useParams } from 'react-router';
import { Breadcrumb, Card, Descriptions, Table, Tag, type TableColumnsType } from 'antd';
import type { StatsPersonYear } from '@ptce/contracts';
import { useStatsPerson } from '../../api/stats';
import { ErrorAlert } from '../../components/ErrorAlert';
import { param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { thisYear } from './stats-columns';
import { exportStatsTable } from './stats-download';
import { StatsDownloadButton } from './StatsDownloadButton';

const PARAMS = { year: param.int({ min: thisYear - 2, max: thisYear, fallback: thisYear }) };
const STATUS: Record<string, string> = { pending: '待初审', approved: '通过认定', rejected: '不予认定' };
type RecordRow = StatsPersonYear['records'][number];

/** 统计分析 › a unit › a person: the year's hours, 达标, what is missing, and the records (read live). */
export default function StatsPersonPage() {
  const accountId = Number(useParams().accountId);
  const { query } = useUrlParams(PARAMS);
  const person = useStatsPerson(accountId, query.year);
  const p = person.data;
  const columns: TableColumnsType<RecordRow> = [
    { title: '培训项目', dataIndex: 'title' },
    { title: '时间', key: 'dates', render: (_: unknown, r) => `${r.startDate} 至 ${r.endDate}` },
    { title: '学时', dataIndex: 'hours', align: 'right' },
    { title: '状态', dataIndex: 'status', render: (s: string) => STATUS[s] ?? s },
    { title: '来源', dataIndex: 'sourceLabel' },
  ];
  return (
    <>
      <PageTitle
        extra={
          <StatsDownloadButton run={() => exportStatsTable('person', { year: query.year, accountId })}>
            导出Excel
          </StatsDownloadButton>
        }
      >
        {p?.personName ?? '人员'}：{query.year}年度学时
      </PageTitle>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to={`/stats?year=${query.year}`}>统计分析</Link> },
          ...(p?.unitId
            ? [{ title: <Link to={`/stats/units/${p.unitId}?year=${query.year}`}>{p.unitName}</Link> }]
            : []),
          { title: p?.personName ?? '人员' },
        ]}
      />
      <ErrorAlert error={person.error} />
      {p && (
        <>
          <Card size="small" className="ptce-section">
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label="身份证号码">{p.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label="单位">{p.unitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="达标">
                {p.met ? <Tag color="success">达标</Tag> : <Tag color="warning">未达标</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="公需科目（必修）">{p.compulsoryHours}</Descriptions.Item>
              <Descriptions.Item label="公需科目（选修）">{p.electiveHours}</Descriptions.Item>
              <Descriptions.Item label="专业科目">{p.professionalHours}</Descriptions.Item>
              <Descriptions.Item label="总学时">{p.totalHours}</Descriptions.Item>
              <Descriptions.Item label="审核中">{p.pendingHours}</Descriptions.Item>
              <Descriptions.Item label="公需必修">{p.compulsoryDone ? '已完成' : '未完成'}</Descriptions.Item>
            </Descriptions>
            {p.missing.length > 0 && (
              <ul aria-label="尚需完成">
                {p.missing.map((m) => (
                  <li key={m.item}>
                    {m.item}（截止{m.deadline}）
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card size="small" title="专业科目学时记录">
            <Table<RecordRow>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={p.records}
              pagination={false}
              scroll={{ x: 700 }}
              locale={{ emptyText: '本年度没有已提交的专业科目学时' }}
            />
          </Card>
        </>
      )}
    </>
  );
}
