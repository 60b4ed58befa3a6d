// Phones (< 768 px): each row as a card — title, key fields with their column titles, status tag,
// actions — instead of a table scrolled sideways.
import type { Key, ReactNode } from 'react';
import { Card, Checkbox, Empty, Pagination, Spin, type PaginationProps, type TableColumnsType } from 'antd';
import { columnKey, columnTitle, renderCell } from './row-cells';

/** How a row becomes a card; every option defaults from the columns. */
export interface CardView<T> {
  /** The card's heading; default: the first column's cell. */
  title?: (row: T) => ReactNode;
  /** The column shown as a tag in the card's corner; default 'status' (when there is one). */
  tagColumn?: string;
  /** The columns listed in the card body; default: all but title, tag and 操作. */
  fields?: readonly string[];
  /** The label of the row's expandable detail (the table's expanded row); default 详情. */
  moreLabel?: string;
}

export interface ListCardsProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => Key;
  columns: TableColumnsType<T>;
  view: CardView<T>;
  loading: boolean;
  empty: ReactNode;
  pagination: PaginationProps | false;
  selection?: {
    keys: readonly Key[];
    toggle: (row: T, checked: boolean) => void;
    checkbox?: (row: T) => { disabled?: boolean; 'aria-label'?: string };
  };
  expand?: { render: (row: T) => ReactNode; expandable?: (row: T) => boolean };
}

export function ListCards<T>({
  rows,
  rowKey,
  columns,
  view,
  loading,
  empty,
  pagination,
  selection,
  expand,
}: ListCardsProps<T>) {
  const keyed = columns.map((c) => ({ c, key: columnKey(c) }));
  const actions = keyed.find((k) => k.key === 'actions')?.c;
  const titleCol = view.title ? undefined : keyed.find((k) => k.c !== actions)?.c;
  const tagKey = view.tagColumn ?? 'status';
  const tagCol = keyed.find((k) => k.key === tagKey)?.c;
  const fields = keyed.filter(
    ({ c, key }) =>
      c !== actions &&
      c !== titleCol &&
      c !== tagCol &&
      (!view.fields || (key !== undefined && view.fields.includes(key))),
  );

  return (
    <Spin spinning={loading}>
      {rows.length === 0 ? (
        <Empty className="ptce-list-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <ul className="ptce-list-cards">
          {rows.map((row, i) => {
            const key = rowKey(row);
            const box = selection?.checkbox?.(row);
            const title = view.title ? view.title(row) : titleCol && renderCell(titleCol, row, i);
            return (
              <li key={key}>
                <Card
                  size="small"
                  className="ptce-list-card"
                  title={
                    <div className="ptce-list-card-title">
                      {selection && (
                        <Checkbox
                          checked={selection.keys.includes(key)}
                          disabled={box?.disabled}
                          aria-label={box?.['aria-label']}
                          onChange={(e) => selection.toggle(row, e.target.checked)}
                        />
                      )}
                      <div>{title}</div>
                    </div>
                  }
                  extra={tagCol && renderCell(tagCol, row, i)}
                >
                  <dl className="ptce-list-card-fields">
                    {fields.map(({ c, key: k }, j) => (
                      <div key={k ?? j} style={{ display: 'contents' }}>
                        <dt>{columnTitle(c)}</dt>
                        <dd>{renderCell(c, row, i)}</dd>
                      </div>
                    ))}
                  </dl>
                  {expand && (expand.expandable?.(row) ?? true) && (
                    <details className="ptce-list-card-more">
                      <summary>{view.moreLabel ?? '详情'}</summary>
                      {expand.render(row)}
                    </details>
                  )}
                  {actions && <div className="ptce-list-card-actions">{renderCell(actions, row, i)}</div>}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {pagination && rows.length > 0 && <Pagination className="ptce-list-pagination" {...pagination} />}
    </Spin>
  );
}
