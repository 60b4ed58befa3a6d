import { Card, Space, Statistic, Tag, type TableColumnsType } from 'antd';
import type { ComplianceRow } from '@ptce/contracts';
import { useUnitCompliance } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton, ListFilters, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { asOfText } from '../../lib/format';
import { PeopleTable } from './PeopleTable';

const thisYear = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const YEARS = [thisYear, thisYear - 1, thisYear - 2].filter((y) => y >= 2023);

const COMPLIANCE_LIST = {
  ...param.paging(),
  year: param.int({ min: YEARS[YEARS.length - 1] ?? thisYear, max: thisYear, fallback: thisYear }),
  met: param.oneOf(['true', 'false'] as const),
  compulsoryDone: param.oneOf(['true', 'false'] as const),
  q: param.text({ max: 30 }),
};

const columns: TableColumnsType<ComplianceRow> = [
  { title: '姓名', dataIndex: 'personName', fixed: 'left', width: 90 },
  { title: '身份证号码', dataIndex: 'idNumberMasked', width: 170 },
  { title: '部门', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
  { title: '公需科目', dataIndex: 'publicHours' },
  { title: '专业科目', dataIndex: 'professionalHours' },
  { title: '总学时', dataIndex: 'totalHours' },
  {
    title: '达标',
    dataIndex: 'met',
    render: (v: boolean) => (v ? <Tag color="success">达标</Tag> : <Tag color="warning">未达标</Tag>),
  },
  { title: '公需必修', dataIndex: 'compulsoryDone', render: (v: boolean) => (v ? '已完成' : '未完成') },
  {
    title: '年度考核可评优秀',
    dataIndex: 'mayBeExcellent',
    render: (v: boolean) => (v ? '可以' : '不得评为优秀'),
  },
];

/**
 * 年度学时达标情况: per person, hours by category, 达标, 公需必修 (职称申报) and whether the person may be
 * rated 优秀 in the annual appraisal — for units, authorities and HR bureaus, within their scope.
 */
export default function UnitCompliancePage() {
  const { query, update } = useUrlParams(COMPLIANCE_LIST);
  const list = useUnitCompliance(query);
  const { data } = list;
  return (
    <>
      <PageTitle
        extra={
          <ExportButton
            kind="compliance"
            query={{ year: query.year, q: query.q, met: query.met, compulsoryDone: query.compulsoryDone }}
          >
            导出Excel
          </ExportButton>
        }
      >
        年度学时达标情况
      </PageTitle>
      <Card className="ptce-section" size="small">
        <ListToolbar
          filters={
            <ListFilters
              query={query}
              update={update}
              items={[
                { year: 'year', choices: YEARS },
                {
                  choice: 'met',
                  label: '达标情况',
                  placeholder: '达标情况',
                  labels: { true: '已达标', false: '未达标' },
                },
                {
                  choice: 'compulsoryDone',
                  label: '公需必修',
                  placeholder: '公需必修',
                  labels: { true: '必修已完成', false: '必修未完成' },
                  width: 130,
                },
                { search: 'q', label: '姓名或身份证号码', width: 240, maxLength: 30 },
              ]}
            />
          }
        />
      </Card>
      <ErrorAlert error={list.error} />
      {data && (
        <Card size="small" className="ptce-section">
          <Space size="large" wrap>
            <Statistic title="人数" value={data.summary.people} />
            <Statistic title="已达标" value={data.summary.met} />
            <Statistic title="公需必修已完成" value={data.summary.compulsoryDone} />
            {data.summary.asOf && (
              <span className="ptce-muted">{asOfText(data.summary.asOf)}（统计分析每分钟更新；名单为实时）</span>
            )}
          </Space>
        </Card>
      )}
      <Card size="small">
        <PeopleTable<ComplianceRow>
          columns={columns}
          result={list}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>
    </>
  );
}
