import type { Writable } from 'node:stream';
import { xlsxSheetWriter, type XlsxColumn } from './xlsx-writer';

export interface Page<T, C> {
  rows: T[];
  /** Where the next page starts; null when this was the last one. */
  next: C | null;
}

export interface PagedExport<T, C> {
  sheetName: string;
  columns: XlsxColumn<T>[];
  page: (after: C | null) => Promise<Page<T, C>>;
  /** Runs after the last row is added and before the workbook is closed (the audit entry with the row count),
   * so the download ends only once the export is on record. */
  done: (rows: number) => Promise<unknown>;
}

/**
 * Runs the first page's query now — so a query the database refuses (a NUL in the search text, an id
 * beyond its integer range) is an ordinary error response — and returns the writer that streams the
 * workbook from that page on, one page at a time, once the response has started.
 */
export async function preparePagedExport<T, C>(spec: PagedExport<T, C>): Promise<(out: Writable) => Promise<number>> {
  const first = await spec.page(null);
  return async (out) => {
    const sheet = xlsxSheetWriter(out, spec.sheetName, spec.columns);
    let page = first;
    for (;;) {
      if (page.rows.length) await sheet.add(page.rows);
      if (page.next === null) break;
      page = await spec.page(page.next);
    }
    await spec.done(sheet.rows);
    return sheet.end();
  };
}
