// A server-paged list: antd Table on desktops, cards on phones; the error above it, the loading
// state and the empty text inside it; paging, sorting and batch selection wired to the URL state.
import { useLayoutEffect, useState, type Key, type ReactNode } from 'react';
import { Button, Table, type PaginationProps, type TableColumnsType, type TableProps } from 'antd';
import { ErrorAlert } from '../ErrorAlert';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { CONTROL_COLUMN_WIDTH, fitColumns } from './fit-columns';
import { ListCards, type CardView } from './ListCards';
import {
  PAGE_SIZES,
  columnOrder,
  pagerTotal,
  pagingChange,
  sorterToSort,
  totalLabel,
  type Paging,
  type TableSorter,
} from './list-state';
import { useExactTotal } from './useExactTotal';
import { columnKey, columnTitle, renderCell } from './row-cells';
import type { Sort } from './url-params';
import type { Selection } from './useSelection';
import type { ListResult } from './list-result';
import './list.css';

export type { ListResult };

export interface ListPaging extends Paging {
  onChange: (paging: Paging) => void;
  /** 共 N 条 by default; false for none. */
  totalText?: ((total: number) => string) | false;
  pageSizes?: number[];
  /** A fixed page size: no size options of ours (antd's own default applies). */
  fixedSize?: boolean;
  hideOnSinglePage?: boolean;
}

export interface ListTableProps<T extends object> extends Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'locale' | 'rowSelection' | 'rowKey' | 'columns' | 'onChange'
> {
  result: ListResult<T>;
  columns: TableColumnsType<T>;
  /** A row's key: a field name, or a function for a composite key. */
  rowKey: (keyof T & string) | ((row: T) => Key);
  /** The ErrorAlert's title when the list fails to load; no alert when undefined. */
  errorTitle?: string;
  /** The text of an empty list once loaded. */
  empty: ReactNode;
  /** Server paging; without it the list is shown whole. */
  paging?: ListPaging;
  /** Server sorting on the columns with `sorter: true`. */
  sort?: { value: Sort | undefined; onChange: (sort: Sort | undefined) => void };
  /** Batch selection; `checkbox` disables rows and names each checkbox (keyboard, screen readers). */
  selection?: { state: Selection<T>; checkbox?: (row: T) => { disabled?: boolean; 'aria-label': string } };
  /** Phones: how a row becomes a card (defaults from the columns); false keeps the table. */
  card?: CardView<T> | false;
  /**
   * Desktops: the keys of the columns that fold into the row's detail (展开) when the list is too
   * narrow for all of them, first folded first; default: from the right. The first column, 操作 and
   * the status tag stay.
   */
  fold?: readonly string[];
}

/** The list's own width, followed as the window or the menu changes it (null before the first layout). */
function useWidth(): [(el: HTMLDivElement | null) => void, number | null] {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    // The observer reports the first size too, before the frame is painted.
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, width];
}

export function ListTable<T extends object>({
  result,
  columns,
  rowKey,
  errorTitle,
  empty,
  paging,
  sort,
  selection,
  card = {},
  fold,
  scroll,
  expandable,
  ...table
}: ListTableProps<T>) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [boxRef, boxWidth] = useWidth();
  const data = result.data;
  const rows: readonly T[] = data === undefined ? [] : 'items' in data ? data.items : data;
  const total = data === undefined ? 0 : 'items' in data ? data.total : data.length;
  const totalCapped = data !== undefined && 'items' in data && data.totalCapped === true;
  const exact = useExactTotal();
  const emptyText = result.isPending ? '正在加载…' : empty;
  const keyOf = (r: T): Key => (typeof rowKey === 'function' ? rowKey(r) : (r[rowKey] as Key));

  const pagination: PaginationProps | false = paging
    ? {
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging ? pagerTotal(paging, { total, totalCapped }, rows.length) : total,
        simple: !desktop,
        showSizeChanger: paging.fixedSize ? undefined : desktop,
        pageSizeOptions: paging.fixedSize ? undefined : (paging.pageSizes ?? PAGE_SIZES),
        hideOnSinglePage: paging.hideOnSinglePage,
        showTotal:
          paging.totalText === false
            ? undefined
            : totalCapped
              ? () => (
                  <span className="ptce-list-total">
                    {totalLabel({ total, totalCapped })}
                    <Button type="link" size="small" onClick={exact.request}>
                      精确统计
                    </Button>
                  </span>
                )
              : (paging.totalText ?? ((t) => totalLabel({ total: t }))),
        onChange: (page, pageSize) => paging.onChange(pagingChange(paging, page, pageSize)),
      }
    : false;

  const sorted = sort
    ? columns.map((c) => (c.sorter ? { ...c, sortOrder: columnOrder(sort.value, columnKey(c) ?? '') } : c))
    : columns;

  const ownDetail = expandable?.expandedRowRender;
  // A page's own scroll.x is the width it would like; the list still never scrolls sideways on a desktop.
  const asked = typeof scroll?.x === 'number' ? scroll.x : undefined;
  const fit = fitColumns(sorted, boxWidth, (c) => columnKey(c), {
    min: asked,
    fold,
    keep: ['actions', (card && card.tagColumn) || 'status'],
    extra: (selection ? CONTROL_COLUMN_WIDTH : 0) + (ownDetail ? CONTROL_COLUMN_WIDTH : 0),
    expandable: Boolean(ownDetail),
  });
  const tableExpandable: TableProps<T>['expandable'] =
    fit.folded.length > 0
      ? {
          ...expandable,
          columnWidth: CONTROL_COLUMN_WIDTH,
          rowExpandable: undefined,
          expandedRowRender: (row, i, indent, expanded) => (
            <>
              <dl className="ptce-list-card-fields ptce-list-folded">
                {fit.folded.map((c, j) => (
                  <div key={columnKey(c) ?? j} style={{ display: 'contents' }}>
                    <dt>{columnTitle(c)}</dt>
                    <dd>{renderCell(c, row, i)}</dd>
                  </div>
                ))}
              </dl>
              {ownDetail && (expandable.rowExpandable?.(row) ?? true) && ownDetail(row, i, indent, expanded)}
            </>
          ),
        }
      : ownDetail
        ? { columnWidth: CONTROL_COLUMN_WIDTH, ...expandable }
        : expandable;

  return (
    <>
      {errorTitle !== undefined && <ErrorAlert error={result.error} title={errorTitle} />}
      {desktop || card === false ? (
        <div ref={boxRef} className="ptce-list-table">
          <Table<T>
            {...table}
            rowKey={keyOf}
            columns={fit.shown}
            dataSource={rows as T[]}
            loading={result.isFetching}
            scroll={{ ...scroll, x: fit.width }}
            expandable={tableExpandable}
            rowSelection={
              selection && {
                columnWidth: CONTROL_COLUMN_WIDTH,
                selectedRowKeys: selection.state.keys,
                preserveSelectedRowKeys: true,
                onChange: (_keys, picked) => selection.state.set(picked),
                getCheckboxProps: selection.checkbox as never,
              }
            }
            pagination={pagination}
            onChange={(_p, _f, sorter, extra) => {
              if (sort && extra.action === 'sort') sort.onChange(sorterToSort(sorter as TableSorter));
            }}
            locale={{ emptyText }}
          />
        </div>
      ) : (
        <ListCards<T>
          rows={rows}
          rowKey={keyOf}
          columns={columns}
          view={card}
          loading={result.isFetching}
          empty={emptyText}
          pagination={pagination}
          expand={
            expandable?.expandedRowRender && {
              render: (r) => expandable.expandedRowRender!(r, 0, 0, true),
              expandable: expandable.rowExpandable,
            }
          }
          selection={
            selection && {
              keys: selection.state.keys,
              checkbox: selection.checkbox,
              toggle: (row, checked) => {
                const others = selection.state.rows.filter((r) => keyOf(r) !== keyOf(row));
                selection.state.set(checked ? [...others, row] : others);
              },
            }
          }
        />
      )}
    </>
  );
}
