import type { CellValue } from 'exceljs';

/**
 * The rows of a worksheet part (xl/worksheets/sheetN.xml), scanned from its text as it streams in.
 *
 * Why not ExcelJS's WorksheetReader: it builds a Row, a Cell, a Value and a merged style object for
 * every cell — about 5 KB of short-lived objects per row of the template — and enough of them live
 * across the importer's database round trips to be promoted and pile up until a full GC: on 100,000
 * rows that alone pushed the server past its memory budget. SpreadsheetML rows are a small, regular
 * grammar (<row r><c r s t><v/><f/><is><t/></is></c></row>), so this scanner reads only that and hands
 * back ExcelJS-shaped values (shared strings and styles still come from ExcelJS's own parsers).
 * Cell values are what Excel last showed: a formula (<f>) is never evaluated, its cached <v> is read.
 */

export interface ScannedRow {
  /** The row number as Excel shows it. */
  number: number;
  /** Cell values by column number (1-based, sparse), as ExcelJS would give them. */
  values: CellValue[];
}

export interface SheetContext {
  sharedStrings: ReadonlyArray<string | { richText: Array<{ text: string }> }>;
  /** The number format of a cell style (cellXfs index), to tell dates from numbers. */
  numFmtOf(styleId: number): string | undefined;
  date1904: boolean;
}

const ROW_OPEN = /<(?:[\w.-]+:)?row(?=[\s>/])([^>]*?)(\/?)>/g;
const CELL = /<(?:[\w.-]+:)?c(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const ATTR = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
const V = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const T = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// OOXML escapes characters XML cannot carry (e.g. a carriage return) as _xHHHH_.
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function decode(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
      name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
    );
  }
  return s;
}

/**
 * A string cut out of the scanned text is, in V8, a slice that keeps the whole text it came from
 * alive; a cell value kept until the write must not pin its chunk of XML, so it is copied.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

function decodeString(s: string): string {
  s = decode(s);
  return detach(
    s.indexOf('_x') >= 0 ? s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s,
  );
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) out[m[1]!.replace(/^\w+:/, '')] = m[2]!;
  return out;
}

function columnOf(ref: string | undefined): number | null {
  const m = ref ? /^\$?([A-Za-z]{1,3})/.exec(ref) : null;
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Same rule as ExcelJS (utils.isDateFmt): a date/time format has y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function cellValue(
  a: Record<string, string>,
  body: string | undefined,
  ctx: SheetContext,
  dateStyles: Map<number, boolean>,
): CellValue {
  if (!body) return null;
  const type = a.t;
  if (type === 'inlineStr') {
    const is = body.replace(PHONETIC, '');
    let text = '';
    T.lastIndex = 0;
    for (let m = T.exec(is); m; m = T.exec(is)) text += m[1]!;
    return decodeString(text);
  }
  const v = V.exec(body);
  if (!v) return null; // a formula without a cached value, or an empty cell
  const raw = v[1]!;
  switch (type) {
    case 's':
      return (ctx.sharedStrings[Number(raw)] as CellValue | undefined) ?? null;
    case 'str':
      return decodeString(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: decode(raw) } as CellValue;
    case 'd': {
      const d = new Date(decode(raw));
      return Number.isNaN(d.getTime()) ? decodeString(raw) : d;
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) return decodeString(raw);
      const s = a.s ? Number(a.s) : 0;
      if (s) {
        let isDate = dateStyles.get(s);
        if (isDate === undefined) dateStyles.set(s, (isDate = isDateFormat(ctx.numFmtOf(s))));
        if (isDate) return excelDate(n, ctx.date1904);
      }
      return n;
    }
  }
}

/**
 * Feeds on the sheet's text chunk by chunk (any split: a row or tag may straddle chunks) and returns
 * the rows completed so far. `columns`: only these column numbers are decoded (null: all of them).
 */
export class SheetRowScanner {
  private buf = '';
  private lastRow = 0;
  private readonly dateStyles = new Map<number, boolean>();
  constructor(
    private readonly ctx: SheetContext,
    public columns: ReadonlySet<number> | null = null,
  ) {}

  push(chunk: string): ScannedRow[] {
    this.buf = this.buf ? this.buf + chunk : chunk;
    const rows: ScannedRow[] = [];
    let consumed = 0;
    ROW_OPEN.lastIndex = 0;
    for (let m = ROW_OPEN.exec(this.buf); m; m = ROW_OPEN.exec(this.buf)) {
      const a = attrs(m[1]!);
      const number = a.r ? Number(a.r) : this.lastRow + 1;
      const openEnd = m.index + m[0].length;
      let body = '';
      let end = openEnd;
      if (m[2] !== '/') {
        const closeRow = this.findRowClose(openEnd);
        if (closeRow < 0) break; // the row is not complete yet
        body = this.buf.slice(openEnd, closeRow);
        end = this.buf.indexOf('>', closeRow) + 1;
      }
      this.lastRow = number;
      rows.push({ number, values: this.cells(body) });
      consumed = end;
      ROW_OPEN.lastIndex = end;
    }
    // Keep only what may still belong to an unfinished row (or an unfinished tag).
    if (consumed) this.buf = this.buf.slice(consumed);
    else if (this.buf.length > 1 << 20 && this.buf.indexOf('<row') < 0 && !/<[\w.-]+:row/.test(this.buf))
      this.buf = this.buf.slice(-64);
    return rows;
  }

  private findRowClose(from: number): number {
    const re = /<\/(?:[\w.-]+:)?row\s*>/g;
    re.lastIndex = from;
    const m = re.exec(this.buf);
    return m ? m.index : -1;
  }

  private cells(body: string): CellValue[] {
    const values: CellValue[] = [];
    let col = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
      const a = attrs(m[1]!);
      col = columnOf(a.r) ?? col + 1;
      if (this.columns && !this.columns.has(col)) continue;
      const v = cellValue(a, m[2], this.ctx, this.dateStyles);
      if (v !== null && v !== undefined) values[col] = v;
    }
    return values;
  }
}
