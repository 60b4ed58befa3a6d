// 学时管理 — 专业科目学时查询 (附件2 二(三)): the hours of the unit's professionals per person and
// year, searched by 姓名 or 身份证号码; a person → their 培训总体查询.
import { Button, Card, Drawer, type TableColumnsType } from 'antd';
import type { PersonYearRow } from '@ptce/contracts';
import { usePersonOverview, usePersonYears } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton, ListHint, ListTable, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { hoursText } from './labels';
import { PERSON_YEARS_LIST } from './list-params';
import { UnitFilters } from './UnitFilters';
import { YearTotalsTable } from './YearTotalsTable';
import './hours.css';

export default function PersonHoursPage() {
  const { query, update } = useUrlParams(PERSON_YEARS_LIST);
  const list = usePersonYears({ page: query.page, pageSize: query.pageSize, year: query.year, q: query.q });
  const personId = query.person ?? null;
  const person = list.data?.items.find((r) => r.accountId === personId);

  const columns: TableColumnsType<PersonYearRow> = [
    {
      title: '姓名',
      dataIndex: 'personName',
      width: 110,
      render: (v: string, r) => (
        <Button type="link" className="ptce-link-btn" onClick={() => update({ person: r.accountId })}>
          {v}
        </Button>
      ),
    },
    { title: '身份证号码', dataIndex: 'idNumberMasked', width: 180 },
    { title: '所属部门', dataIndex: 'departmentName', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年度` },
    {
      title: '公需科目学时',
      dataIndex: 'publicHours',
      width: 110,
      align: 'right',
      render: (v: number) => hoursText(v),
    },
    {
      title: '专业科目学时',
      dataIndex: 'professionalHours',
      width: 110,
      align: 'right',
      render: (v: number) => hoursText(v),
    },
    {
      title: '总学时',
      dataIndex: 'totalHours',
      width: 90,
      align: 'right',
      render: (v: number) => <strong>{hoursText(v)}</strong>,
    },
    { title: '专业科目登记', dataIndex: 'recordCount', width: 110, align: 'right', render: (v: number) => `${v} 条` },
  ];

  return (
    <>
      <PageTitle
        extra={
          <ExportButton kind="person-years" query={{ q: query.q, year: query.year }}>
            导出Excel
          </ExportButton>
        }
      >
        专业科目学时查询
      </PageTitle>
      <Card className="ptce-section ptce-hours-card">
        <UnitFilters query={query} update={update} />
        <ListHint>点击姓名可查看该人员各年度的学时。专业科目学时为通过认定的学时。</ListHint>
        <ListTable<PersonYearRow>
          rowKey={(r) => `${r.accountId}-${r.year}`}
          size="middle"
          columns={columns}
          result={list}
          errorTitle="学时加载失败"
          empty="没有符合条件的学时记录"
          scroll={{ x: 930 }}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </Card>
      <PersonDrawer personId={personId} person={person} onClose={() => update({ person: undefined })} />
    </>
  );
}

function PersonDrawer({
  personId,
  person,
  onClose,
}: {
  personId: number | null;
  person?: PersonYearRow;
  onClose: () => void;
}) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const overview = usePersonOverview(personId);
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={person ? `${person.personName}的学时` : '人员学时'}
      size={desktop ? 720 : '100%'}
      destroyOnHidden
    >
      {person && (
        <p className="ptce-lead">
          {person.idNumberMasked}
          {person.departmentName ? ` · ${person.departmentName}` : ''}
        </p>
      )}
      <ErrorAlert error={overview.error} title="学时加载失败" />
      <YearTotalsTable caption="各年度学时" rows={overview.data ?? []} loading={overview.isFetching} />
    </Drawer>
  );
}
