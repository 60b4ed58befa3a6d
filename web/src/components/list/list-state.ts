// The pure parts of a server-paged list: mapping antd Table's pagination and sorter to the URL
// state, the page to fall back to when a list shrinks, and the batch selection reducer.
import type { Sort } from './url-params';

export const PAGE_SIZES = [20, 50, 100, 200];

export interface Paging {
  page: number;
  pageSize: number;
}

/** antd's sort order of one column. */
export type ColumnOrder = 'ascend' | 'descend' | null;

/** The part of antd's SorterResult a list reads. */
export interface TableSorter {
  columnKey?: unknown;
  field?: unknown;
  order?: ColumnOrder;
}

/** A new page size starts again at page 1 (page n of another size is another set of rows). */
export function pagingChange(current: Paging, page: number, pageSize: number): Paging {
  return { page: pageSize === current.pageSize ? page : 1, pageSize };
}

/** The sort order antd shows on the column `key`. */
export function columnOrder(sort: Sort | undefined, key: string): ColumnOrder {
  if (!sort || sort.field !== key) return null;
  return sort.order === 'desc' ? 'descend' : 'ascend';
}

/** antd's sorter after a click on a column header, as the URL's sort (undefined = unsorted). */
export function sorterToSort(sorter: TableSorter | TableSorter[]): Sort | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return undefined;
  const key = s.columnKey ?? (Array.isArray(s.field) ? s.field.join('.') : s.field);
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  return { field: String(key), order: s.order === 'descend' ? 'desc' : 'asc' };
}

/** A page's total as the server answers it: capped = at least `total` rows match ("1,000+ 条"). */
export interface PageTotal {
  total: number;
  totalCapped?: boolean;
}

/**
 * The total antd's pager is given. A capped total leaves room for one more page after the current one,
 * so the reader can page on past the count, until a page comes back short (the end of the list).
 */
export function pagerTotal(paging: Paging, t: PageTotal, rowsOnPage: number): number {
  if (!t.totalCapped) return t.total;
  const before = (paging.page - 1) * paging.pageSize;
  if (rowsOnPage < paging.pageSize) return before + rowsOnPage;
  return Math.max(t.total, before + rowsOnPage) + paging.pageSize;
}

/** 共 N 条, or 1,000+ 条 for a capped total. */
export function totalLabel(t: PageTotal): string {
  return t.totalCapped ? `${t.total.toLocaleString('en-US')}+ 条` : `共 ${t.total} 条`;
}

/** After rows were removed the page may lie beyond the last one: the last page, or null when it is fine. */
export function pageBeyondLast(paging: Paging, total: number): number | null {
  const last = Math.max(1, Math.ceil(total / paging.pageSize));
  return paging.page > last ? last : null;
}

/** A batch button's label with the number of selected rows: 批量提交审核（3）. */
export function withCount(label: string, count: number): string {
  return count > 0 ? `${label}（${count}）` : label;
}

export type RowKey = string | number;

/** The rows chosen for a batch action, across pages (antd keeps the keys of rows not on screen). */
export interface SelectionState<T> {
  keys: RowKey[];
  rows: T[];
}

export type SelectionAction<T> =
  { type: 'set'; rows: readonly (T | undefined)[] } | { type: 'remove'; keys: readonly RowKey[] } | { type: 'clear' };

export function selectionReducer<T>(
  getKey: (row: T) => RowKey,
): (state: SelectionState<T>, action: SelectionAction<T>) => SelectionState<T> {
  return (state, action) => {
    switch (action.type) {
      case 'set': {
        const rows = action.rows.filter((r): r is T => r !== undefined);
        return { keys: rows.map(getKey), rows };
      }
      case 'remove': {
        if (!state.keys.some((k) => action.keys.includes(k))) return state;
        const rows = state.rows.filter((r) => !action.keys.includes(getKey(r)));
        return { keys: rows.map(getKey), rows };
      }
      case 'clear':
        return state.keys.length === 0 ? state : { keys: [], rows: [] };
    }
  };
}
