import { Link, useParams } from 'react-router';
import { Breadcrumb, Card, Col, Row, Tag, type TableColumnsType } from 'antd';
import { StatCards } from './StatCards';
import { countCards } from './stat-cards';
import type { StatsPersonRow } from '@ptce/contracts';
import { useStatsUnitPeople } from '../../api/stats';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListFilters, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { PeopleTable } from '../compliance/PeopleTable';
import { thisYear } from './stats-columns';
import { asOfText } from '../../lib/format';
import { exportStatsTable } from './stats-download';
import { StatsDownloadButton } from './StatsDownloadButton';

const PARAMS = {
  year: param.int({ min: thisYear - 2, max: thisYear, fallback: thisYear }),
  met: param.oneOf(['true', 'false'] as const),
  q: param.text({ max: 30 }),
  ...param.paging(),
};

const MET_LABEL = { true: '已达标', false: '未达标' };

/** 统计分析 › a unit: its people and their year, those not 达标 first; a name opens the person's year. */
export default function StatsUnitPage() {
  const unitId = Number(useParams().unitId);
  const { query, update } = useUrlParams(PARAMS);
  const list = useStatsUnitPeople(unitId, query);
  const d = list.data;
  const columns: TableColumnsType<StatsPersonRow> = [
    {
      title: '姓名',
      dataIndex: 'personName',
      render: (name: string, r) => <Link to={`/stats/people/${r.accountId}?year=${query.year}`}>{name}</Link>,
    },
    { title: '身份证号码', dataIndex: 'idNumberMasked', width: 170 },
    { title: '部门', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    { title: '公需必修', dataIndex: 'compulsoryHours', align: 'right' },
    { title: '公需选修', dataIndex: 'electiveHours', align: 'right' },
    { title: '专业科目', dataIndex: 'professionalHours', align: 'right' },
    { title: '总学时', dataIndex: 'totalHours', align: 'right' },
    {
      title: '达标',
      dataIndex: 'met',
      render: (v: boolean) => (v ? <Tag color="success">达标</Tag> : <Tag color="warning">未达标</Tag>),
    },
    { title: '待审核', dataIndex: 'pending', align: 'right' },
  ];
  return (
    <>
      <PageTitle
        extra={
          <StatsDownloadButton
            run={() => exportStatsTable('people', { year: query.year, unitId, met: query.met, q: query.q })}
          >
            导出Excel
          </StatsDownloadButton>
        }
      >
        {d?.unit.name ?? '单位'}：{query.year}年度人员学时
      </PageTitle>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={`/stats?year=${query.year}`}>统计分析</Link> }, { title: d?.unit.name ?? '单位' }]}
      />
      <ErrorAlert error={list.error} />
      {d && (
        <Row gutter={[12, 12]} className="ptce-section">
          <StatCards cards={countCards(d.totals, '人数')} />
          <Col xs={24} lg={4}>
            <span className="ptce-muted">{asOfText(d.dataAsOf)}</span>
          </Col>
        </Row>
      )}
      <Card size="small">
        <ListToolbar
          filters={
            <ListFilters
              query={query}
              update={update}
              items={[
                { choice: 'met', label: '达标情况', placeholder: '达标情况', labels: MET_LABEL },
                { search: 'q', label: '姓名或身份证号码', width: 240, maxLength: 30 },
              ]}
            />
          }
        />
        <PeopleTable<StatsPersonRow>
          columns={columns}
          result={list}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>
    </>
  );
}
