import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null | undefined;
  /** Text format (@): ID numbers and codes that Excel must not turn into numbers. */
  text?: boolean;
  numFmt?: string;
}

/**
 * Spreadsheet formula injection: a value starting with one of these would become a formula if a user
 * re-entered the cell (or saved the sheet as CSV and opened it). We never write formulas — every value
 * is a plain string cell, so Excel, WPS and LibreOffice show it as typed — and such cells also get the
 * Text number format (@), so editing the cell keeps it text. The visible value is unchanged (no
 * apostrophe or other mark is added), so names and remarks read exactly as entered.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const isFormulaLike = (s: string) => FORMULA_START.test(s);

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } };

/** Resolves on the first of these events, and removes every listener it added. */
function firstOf(...events: Array<[EventEmitter, string]>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [e, name] of events) e.off(name, done);
      resolve();
    };
    for (const [e, name] of events) e.once(name, done);
  });
}

const queuedBytes = (w: Writable) =>
  w.writableLength ?? (w as unknown as { _writableState?: { length: number } })._writableState?.length ?? 0;

export interface XlsxSheetWriter<T> {
  /** Adds rows; resolves when the response has room for more (back-pressure). */
  add(rows: T[]): Promise<void>;
  /** The rows added so far. */
  readonly rows: number;
  /** Finishes the workbook; the stream ends when the file is complete. */
  end(): Promise<number>;
}

/**
 * A workbook written row by row to `out` with ExcelJS's streaming writer: rows are committed as they
 * come and never kept, inline strings (no shared-string table held in memory). The header row is
 * styled, frozen and carries an auto-filter over every column.
 */
export function xlsxSheetWriter<T>(out: Writable, sheetName: string, columns: XlsxColumn<T>[]): XlsxSheetWriter<T> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'PTCE 专业技术人员继续教育信息管理系统';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();
  let count = 0;
  // One style object per column, shared by all its cells: ExcelJS caches a style's id by object
  // identity, so a fresh object per cell would be serialized again for every cell.
  const styles = columns.map((c) => (c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {}));
  const asText = { numFmt: '@' };

  return {
    get rows() {
      return count;
    },
    async add(rows) {
      for (const r of rows) {
        const row = sheet.addRow(columns.map((c) => c.value(r) ?? null));
        for (let i = 0; i < columns.length; i++) {
          const cell = row.getCell(i + 1);
          const v = cell.value;
          cell.style = typeof v === 'string' && isFormulaLike(v) ? asText : styles[i]!;
        }
        row.commit();
        count++;
      }
      if (out.destroyed) throw new Error('export stream closed');
      // ExcelJS hands each 64 KB of sheet XML to the zip without waiting for it to be compressed, so rows
      // produced faster than deflate (or a slow client) drains them queue up uncompressed: 70+ MB for
      // 100,000 rows. Wait while more than 4 MB is queued — the queue is the stream ExcelJS 4.4's sheet
      // buffer pipes into (its readable-stream lacks writableLength, hence _writableState).
      const queue = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
      while (queue && !queue.destroyed && !out.destroyed && queuedBytes(queue) > 4 << 20) {
        await firstOf([queue, 'drain'], [queue, 'close'], [queue, 'error'], [out, 'close']);
      }
      // Back-pressure, loosely: let up to ~1 MB of finished workbook queue for a slow client before
      // waiting, rather than a round trip to the client for every 16 KB.
      if (out.writableNeedDrain && out.writableLength > 1 << 20)
        await firstOf([out, 'drain'], [out, 'close'], [out, 'error']);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      return count;
    },
  };
}
