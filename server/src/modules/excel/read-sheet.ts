import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { readCell, type Cell } from './cell-values';
import type { ImportColumn, SheetRow } from './import-kind';
import { SheetRowScanner, type ScannedRow, type SheetContext } from './sheet-rows';
import { CORRUPT, type XlsxInspection, type ZipEntry } from './xlsx-container';

/** The template's instructions sheet: never read as data. */
export const INSTRUCTIONS_SHEET = '说明';

export interface OpenedSheet {
  sheetName: string;
  /** The zip part of the sheet (xl/worksheets/sheetN.xml), to look up its row count. */
  sheetPart: string;
  headerRow: number;
  /** Data rows below the header, cells in the kind's column order. Blank rows are yielded as `blank`. */
  rows: AsyncGenerator<SheetRow & { blank: boolean }>;
  /** Stops reading. */
  close(): Promise<void>;
}

// The parts of ExcelJS's streaming WorkbookReader (4.4.0, pinned) this module drives itself — see
// openSheet. The imports tests read real workbooks through them, so an upgrade that moves them fails there.
interface ReaderInternals {
  workbookRels?: Array<{ Id: string; Target: string }>;
  sharedStrings?: SheetContext['sharedStrings'];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: Array<{ name: string; id: number; rId: string; state?: string }> };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
}

const normalizeHeader = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(]必填[)）]$/, '');

function refuse(message: string, details?: Array<{ field: string; reason: string }>): AppError {
  return new AppError('VALIDATION', message, details ?? [{ field: 'file', reason: message }]);
}

const corrupt = (e: unknown) => (e instanceof AppError ? e : refuse(CORRUPT));

/**
 * One zip entry as a stream of text. It yields strings decoded by Node's stream decoder, which keeps a
 * multi-byte character that straddles two chunks whole: ExcelJS decodes each Buffer chunk on its own
 * and turns such characters (any Chinese name or title, now and then) into U+FFFD, but passes strings
 * through untouched.
 */
function entryText(buf: Buffer, e: ZipEntry): Readable {
  const raw = Readable.from([buf.subarray(e.dataStart, e.dataStart + e.compressedSize)]);
  const out = e.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 16 * 1024 })) : raw;
  out.setEncoding('utf8');
  return out;
}

/**
 * Opens the data sheet and reads its header row. The workbook's relationships, sheet list, shared
 * strings and styles (cached, so dates are told from numbers) are read with ExcelJS's own parsers; the
 * rows with SheetRowScanner (sheet-rows.ts). Both are fed by this module from the zip entries that
 * inspectXlsx checked, by the central directory, as text (see entryText) — no temporary files, entries
 * in any order, sheets in the workbook's order. The data sheet is the first one not named 说明; the
 * header is its first non-empty row. Refuses a workbook without such a sheet, without data, or whose
 * header lacks a required column (naming every missing one). Columns may be in any order; unknown ones
 * are ignored. Formula cells come back with their cached result; nothing is evaluated.
 */
export async function openSheet(
  buf: Buffer,
  inspection: XlsxInspection,
  columns: readonly ImportColumn[],
): Promise<OpenedSheet> {
  const entries = new Map(inspection.entries.map((e) => [e.name, e]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  const open = (name: string) => {
    const e = entries.get(name);
    return e ? entryText(buf, e) : null;
  };

  let sheetName: string;
  let sheetPart: string;
  try {
    const rels = open('xl/_rels/workbook.xml.rels');
    const book = open('xl/workbook.xml');
    if (!rels || !book) throw refuse(CORRUPT);
    await reader._parseRels(rels);
    await reader._parseWorkbook(book);
    const strings = open('xl/sharedStrings.xml');
    // Drain the shared strings: the reader keeps them for the sheet that follows.
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    const styles = open('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);

    const targets = new Map(
      (reader.workbookRels ?? []).map((r) => [
        r.Id,
        r.Target.startsWith('/') ? r.Target.slice(1) : `xl/${r.Target.replace(/^\.\//, '')}`,
      ]),
    );
    const chosen = (reader.model?.sheets ?? [])
      .map((s) => ({ name: s.name, part: targets.get(s.rId) }))
      .find((s) => s.part && entries.has(s.part) && normalizeHeader(s.name) !== INSTRUCTIONS_SHEET);
    if (!chosen) throw refuse('文件中没有可导入的工作表，请使用下载的模板填写');
    sheetPart = chosen.part!;
    sheetName = chosen.name;
  } catch (e) {
    throw corrupt(e);
  }

  const scanner = new SheetRowScanner({
    sharedStrings: reader.sharedStrings ?? [],
    numFmtOf: (id) => reader.styles.getStyleModel(id)?.numFmt,
    date1904: reader.properties?.model?.date1904 === true,
  });
  const text = open(sheetPart)!;
  async function* scan(): AsyncGenerator<ScannedRow> {
    for await (const chunk of text) yield* scanner.push(chunk as string);
  }
  const rows = scan();
  const stop = async () => {
    await rows.return(undefined).catch(() => undefined);
    text.destroy();
  };
  try {
    let header: ScannedRow | null = null;
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      if (next.value.values.some((v) => readCell(v).kind !== 'empty')) {
        header = next.value;
        break;
      }
    }
    if (!header) throw refuse('文件中没有数据：请在模板的第2行起填写后再导入');

    const found = new Map<string, number>();
    header.values.forEach((v, i) => {
      const name = normalizeHeader(readCell(v).text);
      if (name && !found.has(name)) found.set(name, i);
    });
    const columnIndex = columns.map((c) => found.get(c.header) ?? null);
    const missing = columns.filter((c, i) => c.required && columnIndex[i] === null).map((c) => c.header);
    if (missing.length) {
      const message = `模板不正确，缺少列：${missing.map((h) => `“${h}”`).join('、')}。请下载最新模板，在第1行保留这些列名`;
      throw refuse(
        message,
        missing.map((h) => ({ field: h, reason: `缺少列“${h}”` })),
      );
    }
    scanner.columns = new Set(columnIndex.filter((i): i is number => i !== null));

    async function* dataRows(): AsyncGenerator<SheetRow & { blank: boolean }> {
      try {
        for (;;) {
          const next = await rows.next();
          if (next.done) return;
          const values = next.value.values;
          const cells: Cell[] = columnIndex.map((i) => readCell(i === null ? undefined : values[i]));
          yield { rowNumber: next.value.number, cells, blank: cells.every((c) => c.kind === 'empty') };
        }
      } catch (e) {
        throw corrupt(e);
      } finally {
        await stop();
      }
    }
    return { sheetName, sheetPart, headerRow: header.number, rows: dataRows(), close: stop };
  } catch (e) {
    await stop();
    throw corrupt(e);
  }
}
