import type { TableColumnsType } from 'antd';
import type { RecordRow } from '@ptce/contracts';
import { ListHint, ListTable, type ListPaging, type ListResult, type Selection } from '../../components/list';

/**
 * The records to pick for 提交审核: how many are picked (or `idleHint`), then the list with a checkbox on each
 * 待提交 record, named by `rowName`.
 */
export function DraftRecordsList({
  idleHint,
  empty,
  rowName,
  columns,
  result,
  selection,
  paging,
}: {
  idleHint: string;
  empty: string;
  rowName: (r: RecordRow) => string;
  columns: TableColumnsType<RecordRow>;
  result: ListResult<RecordRow>;
  selection: Selection<RecordRow>;
  paging: ListPaging;
}) {
  const count = selection.rows.length;
  return (
    <>
      <ListHint>{count > 0 ? `已选择 ${count} 条待提交的记录` : idleHint}</ListHint>
      <ListTable<RecordRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={result}
        errorTitle="记录加载失败"
        empty={empty}
        selection={{
          state: selection,
          checkbox: (r) => ({ disabled: r.status !== 'draft', 'aria-label': `选择：${rowName(r)}` }),
        }}
        paging={paging}
      />
    </>
  );
}
