import type { TableColumnsType } from 'antd';
import { ListTable, type ListPaging, type ListResult } from '../../components/list';

/**
 * A page of people and their year's hours (年度学时达标情况, 统计分析 › a unit): 共 N 人 under it, and on a
 * phone each person a card tagged with 达标.
 */
export function PeopleTable<T extends { accountId: number }>({
  columns,
  result,
  paging,
}: {
  columns: TableColumnsType<T>;
  result: ListResult<T>;
  paging: Omit<ListPaging, 'totalText'>;
}) {
  return (
    <ListTable<T>
      rowKey="accountId"
      size="small"
      columns={columns}
      result={result}
      empty="没有符合条件的人员"
      scroll={{ x: 900 }}
      card={{ tagColumn: 'met' }}
      paging={{ ...paging, totalText: (n) => `共 ${n} 人` }}
    />
  );
}
