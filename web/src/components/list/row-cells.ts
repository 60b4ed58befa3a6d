// Reading antd columns outside a table: the card view shows each row's cells with their column titles.
import type { ReactNode } from 'react';
import type { TableColumnsType } from 'antd';

type Column<T> = TableColumnsType<T>[number];

/** A column's key as ListTable's options name it: `key`, else its dataIndex ('a.b' for a path). */
export function columnKey<T>(c: Column<T>): string | undefined {
  if (c.key !== undefined) return String(c.key);
  const di = 'dataIndex' in c ? c.dataIndex : undefined;
  if (Array.isArray(di)) return di.join('.');
  return di === undefined || di === null ? undefined : String(di);
}

function valueAt(row: unknown, dataIndex: unknown): unknown {
  const path = Array.isArray(dataIndex) ? dataIndex : dataIndex === undefined ? [] : [dataIndex];
  let v: unknown = row;
  for (const k of path) v = v == null ? undefined : (v as Record<string, unknown>)[String(k)];
  return path.length === 0 ? undefined : v;
}

/** What the table would show in this cell. */
export function renderCell<T>(c: Column<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, 'dataIndex' in c ? c.dataIndex : undefined);
  if (!c.render) return value as ReactNode;
  const out = c.render(value, row, index) as unknown;
  // A render may return { children, props } (cell spans); the card shows the children.
  if (out && typeof out === 'object' && 'children' in out && !('$$typeof' in out)) {
    return (out as { children: ReactNode }).children;
  }
  return out as ReactNode;
}

/** A column title as text or node (a title function gets no sort state here). */
export function columnTitle<T>(c: Column<T>): ReactNode {
  return typeof c.title === 'function' ? c.title({}) : c.title;
}
