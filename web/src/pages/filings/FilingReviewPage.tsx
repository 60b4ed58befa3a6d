// 培训备案审核 (the operator; an industry authority for the bases it supervises): the queue of filings with the
// days each has waited, filtered by state, 变更待审核, base name / project, year. Open one to 通过 or 退回.
import { useNavigate } from 'react-router';
import type { FilingRow, FilingStatus } from '@ptce/contracts';
import { useFilings } from '../../api/bases';
import { ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { filingColumns } from './filing-columns';

/** The queue's views: waiting first, then changes, then everything decided. */
const VIEWS = ['pending', 'change', 'filed', 'returned', 'all'] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABEL: Record<View, string> = {
  pending: '待审核',
  change: '变更待审核',
  filed: '已备案',
  returned: '退回',
  all: '全部',
};

const LIST = {
  ...param.paging(),
  q: param.text({ max: 100 }),
  view: param.oneOf(VIEWS, 'pending'),
  year: param.year(),
};

function filterOf(view: View): { status?: FilingStatus; changePending?: 'true' } {
  if (view === 'change') return { status: 'filed', changePending: 'true' };
  if (view === 'all') return {};
  return { status: view };
}

export default function FilingReviewPage() {
  const navigate = useNavigate();
  const { query, update } = useUrlParams(LIST);
  const { view, ...rest } = query;
  const list = useFilings({ ...rest, ...filterOf(view) });

  return (
    <>
      <PageTitle>培训备案审核</PageTitle>
      <p className="ptce-hint">
        继续教育基地提交的培训备案和已备案项目的变更在此审核：通过后系统给出备案号；退回须填写原因，基地修改后可重新提交。
      </p>
      <ListToolbar
        filters={
          <ListFilters
            query={query}
            update={update}
            items={[
              {
                choice: 'view',
                label: '审核状态',
                placeholder: '审核状态',
                labels: VIEW_LABEL,
                order: VIEWS,
                width: 130,
                clearable: false,
              },
              { search: 'q', label: '项目名称、备案号或基地', width: 240 },
              { year: 'year' },
            ]}
          />
        }
      />
      <ListTable<FilingRow>
        rowKey="id"
        size="middle"
        columns={filingColumns({ reviewer: true, open: (f) => void navigate(`/filings/${f.id}`) })}
        result={list}
        errorTitle="培训备案加载失败"
        empty={view === 'pending' ? '没有待审核的培训备案' : '暂无培训备案'}
        paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
      />
    </>
  );
}
