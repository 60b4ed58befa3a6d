import { describe, expect, it } from 'vitest';
import {
  columnOrder,
  pageBeyondLast,
  pagerTotal,
  pagingChange,
  selectionReducer,
  sorterToSort,
  totalLabel,
  withCount,
  type SelectionState,
} from './list-state';
import { exportFilter } from './export-filter';
import { columnsWidth } from './columns-width';

describe('paging', () => {
  it('moves to another page of the same size', () => {
    expect(pagingChange({ page: 1, pageSize: 20 }, 3, 20)).toEqual({ page: 3, pageSize: 20 });
  });

  it('starts again at page 1 when the page size changes', () => {
    expect(pagingChange({ page: 5, pageSize: 20 }, 5, 50)).toEqual({ page: 1, pageSize: 50 });
  });

  it('falls back to the last page when the list shrank below the page', () => {
    expect(pageBeyondLast({ page: 3, pageSize: 20 }, 40)).toBe(2);
    expect(pageBeyondLast({ page: 3, pageSize: 20 }, 0)).toBe(1);
    expect(pageBeyondLast({ page: 2, pageSize: 20 }, 21)).toBeNull();
  });
});

describe('sorting', () => {
  it("shows the URL's sort on its column only", () => {
    expect(columnOrder({ field: 'name', order: 'desc' }, 'name')).toBe('descend');
    expect(columnOrder({ field: 'name', order: 'asc' }, 'name')).toBe('ascend');
    expect(columnOrder({ field: 'name', order: 'asc' }, 'year')).toBeNull();
    expect(columnOrder(undefined, 'name')).toBeNull();
  });

  it("turns antd's sorter into the URL's sort", () => {
    expect(sorterToSort({ columnKey: 'issuedAt', order: 'descend' })).toEqual({ field: 'issuedAt', order: 'desc' });
    expect(sorterToSort({ field: 'name', order: 'ascend' })).toEqual({ field: 'name', order: 'asc' });
    expect(sorterToSort({ field: ['unit', 'name'], order: 'ascend' })).toEqual({ field: 'unit.name', order: 'asc' });
    expect(sorterToSort([{ columnKey: 'year', order: 'ascend' }])).toEqual({ field: 'year', order: 'asc' });
  });

  it('clears the sort when the column is unsorted', () => {
    expect(sorterToSort({ columnKey: 'name', order: null })).toBeUndefined();
    expect(sorterToSort({ columnKey: 'name' })).toBeUndefined();
    expect(sorterToSort([])).toBeUndefined();
  });
});

describe('batch selection', () => {
  type Row = { id: number; title: string };
  const reduce = selectionReducer<Row>((r) => r.id);
  const a = { id: 1, title: 'a' };
  const b = { id: 2, title: 'b' };
  const empty: SelectionState<Row> = { keys: [], rows: [] };

  it('keeps the picked rows and drops the holes antd leaves for rows of other pages', () => {
    expect(reduce(empty, { type: 'set', rows: [a, undefined, b] })).toEqual({ keys: [1, 2], rows: [a, b] });
  });

  it('removes rows after a batch action', () => {
    const s = reduce(empty, { type: 'set', rows: [a, b] });
    expect(reduce(s, { type: 'remove', keys: [1] })).toEqual({ keys: [2], rows: [b] });
    expect(reduce(s, { type: 'remove', keys: [9] })).toBe(s);
  });

  it('clears', () => {
    const s = reduce(empty, { type: 'set', rows: [a] });
    expect(reduce(s, { type: 'clear' })).toEqual(empty);
    expect(reduce(empty, { type: 'clear' })).toBe(empty);
  });

  it('counts the selection in the batch button', () => {
    expect(withCount('批量提交审核', 0)).toBe('批量提交审核');
    expect(withCount('批量提交审核', 3)).toBe('批量提交审核（3）');
  });
});

describe('export and layout helpers', () => {
  it('exports the filter without paging or empty values', () => {
    expect(exportFilter({ page: 2, pageSize: 50, q: '', year: 2024, met: true, status: null, x: undefined })).toEqual({
      year: 2024,
      met: 'true',
    });
    expect(exportFilter(undefined)).toEqual({});
  });

  it('adds up the column widths (120 without one)', () => {
    expect(columnsWidth([{ width: 100 }, {}, { width: '20%' }])).toBe(340);
  });
});

describe('a capped total (the server stopped counting at 1,000)', () => {
  it('reads 1,000+ 条, and 共 N 条 when exact', () => {
    expect(totalLabel({ total: 1000, totalCapped: true })).toBe('1,000+ 条');
    expect(totalLabel({ total: 37 })).toBe('共 37 条');
    expect(totalLabel({ total: 1000, totalCapped: false })).toBe('共 1000 条');
  });

  it('lets the pager go one page further while pages come back full, and stops at a short page', () => {
    const capped = { total: 1000, totalCapped: true };
    expect(pagerTotal({ page: 1, pageSize: 20 }, capped, 20)).toBe(1020);
    expect(pagerTotal({ page: 50, pageSize: 20 }, capped, 20)).toBe(1020);
    expect(pagerTotal({ page: 51, pageSize: 20 }, capped, 20)).toBe(1040);
    expect(pagerTotal({ page: 52, pageSize: 20 }, capped, 13)).toBe(1033);
    expect(pagerTotal({ page: 3, pageSize: 20 }, { total: 57 }, 17)).toBe(57);
  });
});
