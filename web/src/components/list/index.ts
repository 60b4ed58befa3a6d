// The list-page kit: one way to build a server-paged list page.
//
//   // the page's URL state, a module-level constant
//   const LIST = { page: param.page(), pageSize: param.pageSize(), q: param.text({ max: 30 }),
//                  status: param.oneOf(RecordStatus.options), year: param.int({ min: 2000, max: 2100 }) };
//
//   const { query, update } = useUrlParams(LIST);          // typed values; update({ q }) goes back to page 1
//   const list = useSomeList(query);                        // TanStack Query result of { items, total }
//   const selection = useSelection<Row>((r) => r.id);     // only when there are batch actions
//   <ListToolbar filters={…} actions={<Button>{withCount('批量提交审核', selection.count)}</Button>} />
//   <ListHint>{…}</ListHint>
//   <ListTable<Row> rowKey="id" columns={columns} result={list} errorTitle="记录加载失败" empty="暂无记录"
//     paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
//     selection={{ state: selection, checkbox: (r) => ({ 'aria-label': `选择：${r.title}` }) }} />
//   <ExportButton kind="results" query={query}>导出Excel</ExportButton>
//
// ListTable shows the ErrorAlert, the loading and empty states, and on phones (< 768 px) renders each
// row as a card (title = first column, tag = the 'status' column, actions = the 'actions' column; see
// CardView). Sorting: columns with `sorter: true` plus `sort={{ value: query.sort, onChange: (sort) =>
// update({ sort }) }}` and `sort: param.sort([...])` in the schema.
export { param, decodeParams, encodeParams, patchParams, isIsoDate, YEAR_RANGE } from './url-params';
export type { ParamField, ParamSchema, ParamValues, ParamPatch, Sort, SortOrder } from './url-params';
export {
  PAGE_SIZES,
  pagingChange,
  columnOrder,
  sorterToSort,
  pageBeyondLast,
  withCount,
  pagerTotal,
  totalLabel,
} from './list-state';
export type { Paging, PageTotal } from './list-state';
export { useExactTotal } from './useExactTotal';
export { useUrlParams } from './useUrlParams';
export { useSelection, type Selection } from './useSelection';
export { rowsResult, derivedResult } from './list-result';
export { ListTable, type ListTableProps, type ListPaging, type ListResult } from './ListTable';
export type { CardView } from './ListCards';
export { ListToolbar, ListHint } from './ListToolbar';
export { RowActions, RowAction } from './RowActions';
export { ListCard } from './ListCard';
export { ExportButton, type ExportButtonProps } from './ExportButton';
export { exportFilter } from './export-filter';
export { columnsWidth } from './columns-width';
export { SearchFilter, YearFilter, ChoiceFilter, ListFilters, choiceOptions, type FilterItem } from './filters';
