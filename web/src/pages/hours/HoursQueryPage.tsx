// 我的学时 — 学时查询 (附件2 一(四)): 培训总体查询 (per year; click a year → its hours below) and
// 培训登记详情 (every registration with its status; "+" shows the review progress; 撤回).
import { useState } from 'react';
import { App, Button, Card, Tabs } from 'antd';
import type { RecordRow, YearTotals } from '@ptce/contracts';
import { useMyOverview, useMyRecords, useWithdrawRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListHint, ListTable, ListToolbar, columnsWidth, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { recordColumns } from './columns';
import { useSlowProgress } from './feedback';
import { hoursErrorMessage, hoursText } from './labels';
import { StatusYearFilters } from './RecordFilters';
import { RecordDetailModal, RecordProgressRow } from './RecordDetail';
import { HOURS_QUERY_LIST, RECORD_LIST } from './list-params';
import { YearTotalsTable } from './YearTotalsTable';
import './hours.css';

type TabKey = 'overview' | 'details';

export default function HoursQueryPage() {
  const { query, update } = useUrlParams(HOURS_QUERY_LIST);
  const tab: TabKey = query.tab ?? 'overview';
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
      <ListTable<RecordRow>
        rowKey="id"
        size="small"
        columns={columns}
        result={records}
        errorTitle="专业科目学时加载失败"
        empty={`${year}年度暂无通过认定的专业科目学时`}
        paging={{
          page,
          pageSize: 20,
          fixedSize: true,
          hideOnSinglePage: true,
          totalText: false,
          onChange: (p) => setPage(p.page),
        }}
      />
    </section>
  );
}

/** 培训登记详情: all registrations with status; "+" expands the review progress; 撤回 while 待初审. */
function DetailsTab() {
  const { message, modal } = App.useApp();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { query, update } = useUrlParams(RECORD_LIST);
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
      <ListToolbar
        filters={
          <>
            <StatusYearFilters status={query.status} year={query.year} onChange={update} />
          </>
        }
      />
      <ListHint>点击“+”可查看审核进度；“待初审”状态下可撤回后修改。</ListHint>
      <ListTable<RecordRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={list}
        errorTitle="记录加载失败"
        empty="暂无登记记录"
        scroll={{ x: columnsWidth(columns) + 48 }}
        expandable={{ expandedRowRender: (r) => <RecordProgressRow id={r.id} /> }}
        card={{ moreLabel: '审核进度' }}
        paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
      />
      <RecordDetailModal recordId={viewId} showPerson={false} onClose={() => setViewId(null)} />
    </>
  );
}
