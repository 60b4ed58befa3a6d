import { describe, expect, it } from 'vitest';
import { derivedResult, rowsResult } from './list-result';

describe('list results of rows not read by a list query', () => {
  it('shows rows at hand as loaded, without an error', () => {
    expect(rowsResult([{ id: 1 }])).toEqual({ data: [{ id: 1 }], isFetching: false, isPending: false, error: null });
  });

  it('keeps the loading state of the query the rows were made from', () => {
    const query = { isFetching: true, isPending: true, error: null };
    expect(derivedResult(query, undefined)).toEqual({
      data: undefined,
      isFetching: true,
      isPending: true,
      error: null,
    });
  });

  it('keeps the error of the query the rows were made from', () => {
    const error = new Error('加载失败');
    const query = { isFetching: false, isPending: false, error };
    expect(derivedResult(query, [])).toEqual({ data: [], isFetching: false, isPending: false, error });
  });
});
