// 我的学时 — 学时查询 (附件2 一(四)): 培训总体查询 (per year; click a year → its hours below) and
// 培训登记详情 (every registration with its status; "+" shows the review progress; 撤回).
import { useState } from 'react';
import { App, Button, Card, Flex, Select, Table, Tabs } from 'antd';
import type { RecordRow, RecordStatus, YearTotals } from '@ptce/contracts';
import { useMyOverview, useMyRecords, useWithdrawRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { columnsWidth, recordColumns } from './columns';
import { useSlowProgress } from './feedback';
import { STATUS_OPTIONS, hoursErrorMessage, hoursText } from './labels';
import { YearSelect } from './pickers';
import { RecordDetailModal, RecordProgressRow } from './RecordDetail';
import { PAGE_SIZES, useListParams } from './useListParams';
import { YearTotalsTable } from './YearTotalsTable';
import './hours.css';

type TabKey = 'overview' | 'details';

export default function HoursQueryPage() {
  const { query, update, params } = useListParams();
  const tab: TabKey = params.get('tab') === 'details' ? 'details' : 'overview';
  return (
    <>
      <PageTitle>学时查询</PageTitle>
      <Card className="ptce-section ptce-hours-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'details' ? 'details' : undefined, status: undefined, year: undefined })}
          destroyOnHidden
          items={[
            {
              key: 'overview',
              label: '培训总体查询',
              children: <OverviewTab year={query.year} onYear={(year) => update({ year })} />,
            },
            { key: 'details', label: '培训登记详情', children: <DetailsTab /> },
          ]}
        />
      </Card>
    </>
  );
}

/** 培训总体查询: per year; clicking a year lists the hours obtained in it. */
function OverviewTab({ year, onYear }: { year?: number; onYear: (year: number | undefined) => void }) {
  const overview = useMyOverview();
  const rows = overview.data ?? [];
  const selected = rows.find((r) => r.year === year);
  return (
    <>
      <ErrorAlert error={overview.error} title="学时加载失败" />
      <YearTotalsTable
        caption="各年度学时"
        rows={rows}
        loading={overview.isFetching}
        selectedYear={year}
        onSelectYear={(y) => onYear(y === year ? undefined : y)}
      />
      {year === undefined ? (
        rows.length > 0 && <p className="ptce-hint">点击年度，可在下方查看该年度所获学时的详细信息。</p>
      ) : (
        <YearHours year={year} totals={selected} />
      )}
    </>
  );
}

function YearHours({ year, totals }: { year: number; totals?: YearTotals }) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [page, setPage] = useState(1);
  const records = useMyRecords({ page, pageSize: 20, year, status: 'approved' });
  const columns = recordColumns({ reviewer: true, decidedAt: true });
  return (
    <section aria-labelledby="year-hours-title" className="ptce-year-hours">
      <h2 id="year-hours-title" className="ptce-section-title">
        {year}年度所获学时
      </h2>
      <div className="ptce-year-public">
        <span>公需科目必修课：{hoursText(totals?.compulsoryHours ?? 0)} 学时</span>
        <span>公需科目选修课：{hoursText(totals?.electiveHours ?? 0)} 学时</span>
        <span>专业科目：{hoursText(totals?.professionalHours ?? 0)} 学时</span>
        <strong>总学时：{hoursText(totals?.totalHours ?? 0)} 学时</strong>
      </div>
      <ErrorAlert error={records.error} title="专业科目学时加载失败" />
      <Table<RecordRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isFetching}
        scroll={{ x: columnsWidth(columns) }}
        pagination={{
          current: page,
          pageSize: 20,
          total: records.data?.total ?? 0,
          simple: !desktop,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        locale={{ emptyText: records.isPending ? '正在加载…' : `${year}年度暂无通过认定的专业科目学时` }}
      />
    </section>
  );
}

/** 培训登记详情: all registrations with status; "+" expands the review progress; 撤回 while 待初审. */
function DetailsTab() {
  const { message, modal } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useListParams();
  const list = useMyRecords(query);
  const withdraw = useWithdrawRecord();
  const [viewId, setViewId] = useState<number | null>(null);
  useSlowProgress(withdraw.isPending, '正在撤回…');

  const confirmWithdraw = (r: RecordRow) =>
    modal.confirm({
      title: '撤回',
      content: `撤回“${r.title}”后，记录回到“待提交”状态，可修改后重新提交。确定撤回吗？`,
      okText: '撤回',
      onOk: () =>
        withdraw.mutateAsync(r.id).then(
          () => void message.success('已撤回，记录状态为“待提交”，可在【学时登记】中修改'),
          (e: unknown) => void message.error(hoursErrorMessage(e)),
        ),
    });

  const columns = recordColumns({
    status: true,
    reviewer: true,
    submittedAt: true,
    fixedActions: desktop,
    actionsWidth: 120,
    actions: (r) => (
      <>
        <Button type="link" size="small" onClick={() => setViewId(r.id)}>
          查看
        </Button>
        {r.status === 'pending' && (
          <Button type="link" size="small" onClick={() => confirmWithdraw(r)}>
            撤回
          </Button>
        )}
      </>
    ),
  });

  return (
    <>
      <Flex gap={8} wrap className="ptce-toolbar">
        <Select<RecordStatus | 'all'>
          aria-label="状态"
          className="ptce-filter-status"
          value={query.status ?? 'all'}
          onChange={(v) => update({ status: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: '全部状态' }, ...STATUS_OPTIONS]}
        />
        <YearSelect value={query.year} onChange={(year) => update({ year })} />
      </Flex>
      <p className="ptce-hint ptce-toolbar-hint">点击“+”可查看审核进度；“待初审”状态下可撤回后修改。</p>
      <ErrorAlert error={list.error} title="记录加载失败" />
      <Table<RecordRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: columnsWidth(columns) + 48 }}
        expandable={{ expandedRowRender: (r) => <RecordProgressRow id={r.id} /> }}
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
        locale={{ emptyText: list.isPending ? '正在加载…' : '暂无登记记录' }}
      />
      <RecordDetailModal recordId={viewId} showPerson={false} onClose={() => setViewId(null)} />
    </>
  );
}
