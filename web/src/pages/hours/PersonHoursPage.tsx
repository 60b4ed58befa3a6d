// 学时管理 — 专业科目学时查询 (附件2 二(三)): the hours of the unit's professionals per person and
// year, searched by 姓名 or 身份证号码; a person → their 培训总体查询.
import { Button, Card, Drawer, Table, type TableColumnsType } from 'antd';
import type { PersonYearRow } from '@ptce/contracts';
import { usePersonOverview, usePersonYears } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { hoursText } from './labels';
import { UnitFilters } from './UnitFilters';
import { PAGE_SIZES, useListParams } from './useListParams';
import { YearTotalsTable } from './YearTotalsTable';
import './hours.css';
import { ExportButton } from '../../components/list';

export default function PersonHoursPage() {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update, params } = useListParams();
  const list = usePersonYears({ page: query.page, pageSize: query.pageSize, year: query.year, q: query.q });
  const personId = Number(params.get('person')) || null;
  const person = list.data?.items.find((r) => r.accountId === personId);

  const columns: TableColumnsType<PersonYearRow> = [
    {
      title: '姓名',
      dataIndex: 'personName',
      width: 110,
      render: (v: string, r) => (
        <Button type="link" className="ptce-link-btn" onClick={() => update({ person: r.accountId, page: query.page })}>
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
        <p className="ptce-hint ptce-toolbar-hint">点击姓名可查看该人员各年度的学时。专业科目学时为通过认定的学时。</p>
        <ErrorAlert error={list.error} title="学时加载失败" />
        <Table<PersonYearRow>
          rowKey={(r) => `${r.accountId}-${r.year}`}
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 930 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            simple: !desktop,
            showSizeChanger: desktop,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => update({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
          locale={{ emptyText: list.isPending ? '正在加载…' : '没有符合条件的学时记录' }}
        />
      </Card>
      <PersonDrawer
        personId={personId}
        person={person}
        onClose={() => update({ person: undefined, page: query.page })}
      />
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
