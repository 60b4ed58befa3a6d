import type { CellValue } from 'exceljs';
import { isCalendarDate } from '@ptce/rules';

/**
 * One cell as the importer sees it. Formula cells are read as their cached result (what Excel last
 * showed); a formula is never evaluated, and one without a cached result reads as empty.
 */
export type Cell =
  | { kind: 'empty'; text: '' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; number: number }
  | { kind: 'date'; text: string; date: string }
  | { kind: 'bool'; text: string }
  | { kind: 'error'; text: string };

const EMPTY: Cell = { kind: 'empty', text: '' };

function utcDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 10);
}

export function readCell(v: CellValue | undefined): Cell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') {
    const text = v.trim();
    return text ? { kind: 'text', text } : EMPTY;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', text: String(v) };
    return { kind: 'number', text: String(v), number: v };
  }
  if (typeof v === 'boolean') return { kind: 'bool', text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    // ExcelJS turns date serials into UTC instants; the calendar date is the UTC one.
    const date = utcDate(v);
    return date ? { kind: 'date', text: date, date } : { kind: 'error', text: '#VALUE!' };
  }
  if (typeof v === 'object') {
    if ('error' in v && v.error) return { kind: 'error', text: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result !== null && typeof result === 'object' && 'error' in (result as object))
        return { kind: 'error', text: String((result as { error: unknown }).error) };
      return readCell(result as CellValue | undefined);
    }
    if ('richText' in v && Array.isArray(v.richText)) return readCell(v.richText.map((r) => r.text ?? '').join(''));
    if ('text' in v) return readCell(String((v as { text: unknown }).text ?? ''));
  }
  return EMPTY;
}

// 1900-based serials for 1950-01-01 … 2100-12-31: a number in a date column in this range is a date
// Excel stored without a date format (or a formula's result).
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73415;

function fromSerial(n: number): string | null {
  const whole = Math.floor(n);
  if (whole < SERIAL_MIN || whole > SERIAL_MAX) return null;
  return utcDate(new Date(Math.round((whole - 25569) * 86_400_000)));
}

const pad = (s: string) => s.padStart(2, '0');

/**
 * A date column's value as YYYY-MM-DD: a real Excel date, a date serial, or text such as 2024-05-06,
 * 2024/5/6, 2024.5.6, 2024年5月6日 or 20240506. Null when it is none of these or not a calendar date.
 */
export function cellDate(c: Cell): string | null {
  let iso: string | null = null;
  if (c.kind === 'date') iso = c.date;
  else if (c.kind === 'number')
    iso = /^\d{8}$/.test(c.text)
      ? `${c.text.slice(0, 4)}-${c.text.slice(4, 6)}-${c.text.slice(6, 8)}`
      : fromSerial(c.number);
  else if (c.kind === 'text') {
    const s = c.text.replace(/\s+/g, ' ');
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00)?)?$/.exec(s);
    if (m) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    else if (/^\d{8}$/.test(s)) iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  }
  return iso && isCalendarDate(iso) ? iso : null;
}

/** A number column's value: a number, or text that is one. Null when it is neither. */
export function cellNumber(c: Cell): number | null {
  if (c.kind === 'number') return c.number;
  if (c.kind === 'text' && /^\d+(\.\d+)?$/.test(c.text)) return Number(c.text);
  return null;
}
