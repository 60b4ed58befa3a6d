// What a list table reads of its rows' source, and how rows that do not come straight from a list query
// (a part of a loaded record, a filtered or regrouped query result) are given to it.

/** The part of a TanStack Query result a list reads: a page of rows, or the rows of a short list. */
export interface ListResult<T> {
  /** `totalCapped`: at least `total` rows (the server stopped counting); shown as 1,000+ 条 with 精确统计. */
  data?: { items: readonly T[]; total: number; totalCapped?: boolean } | readonly T[];
  isFetching: boolean;
  isPending: boolean;
  error: unknown;
}

/** Rows already at hand (part of a record that has loaded): never loading, never failed. */
export function rowsResult<T>(rows: readonly T[]): ListResult<T> {
  return { data: rows, isFetching: false, isPending: false, error: null };
}

/** Rows made from a query's data (filtered, made a tree): the query's loading and error states with them. */
export function derivedResult<T>(
  query: { isFetching: boolean; isPending: boolean; error: unknown },
  rows: readonly T[] | undefined,
): ListResult<T> {
  return { data: rows, isFetching: query.isFetching, isPending: query.isPending, error: query.error };
}
