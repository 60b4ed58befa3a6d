// One typed codec for a list's search parameters: each field decodes a raw URL value (anything a
// user may type or bookmark) to a valid value or its fallback, and encodes a value back, leaving
// defaults out of the URL. Pure: no React, no router, so it is unit-tested as is.

/** How one search parameter is read from and written to the URL. */
export interface ParamField<T> {
  decode(raw: string | null): T;
  /** undefined = leave the parameter out of the URL. */
  encode(value: T): string | undefined;
  /** Changing this field keeps the current page (page and pageSize themselves); others go back to page 1. */
  keepsPage?: boolean;
}

export type ParamSchema = Record<string, ParamField<unknown>>;
export type ParamValues<S extends ParamSchema> = { [K in keyof S]: S[K] extends ParamField<infer T> ? T : never };
export type ParamPatch<S extends ParamSchema> = Partial<ParamValues<S>>;

export type SortOrder = 'asc' | 'desc';
export interface Sort<F extends string = string> {
  field: F;
  order: SortOrder;
}

/** The years a list's 年度 filter accepts (the 年度 box and the URL parameter agree). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

const plain = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

function int(opts: { min?: number; max?: number; clamp?: boolean }): ParamField<number | undefined>;
function int(opts: { min?: number; max?: number; clamp?: boolean; fallback: number }): ParamField<number>;
function int({
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
  clamp = false,
  fallback,
}: {
  min?: number;
  max?: number;
  /** Above max: max instead of the fallback (a too large page size). */
  clamp?: boolean;
  fallback?: number;
}): ParamField<number | undefined> {
  return {
    decode: (raw) => {
      if (raw === null || raw.trim() === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min) return fallback;
      if (n > max) return clamp ? max : fallback;
      return n;
    },
    encode: plain,
  };
}

function oneOf<T extends string>(values: readonly T[]): ParamField<T | undefined>;
function oneOf<T extends string>(values: readonly T[], fallback: T): ParamField<T>;
function oneOf<T extends string>(values: readonly T[], fallback?: T): ParamField<T | undefined> {
  return {
    decode: (raw) => (values.includes(raw as T) ? (raw as T) : fallback),
    encode: plain,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date, YYYY-MM-DD, that exists (no 2024-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The parameter kinds a list uses; build a page's schema from these. */
export const param = {
  /** Free text, trimmed, cut to `max` characters; empty = absent. */
  text: ({ max = 100 }: { max?: number } = {}): ParamField<string | undefined> => ({
    decode: (raw) => raw?.trim().slice(0, max) || undefined,
    encode: plain,
  }),
  int,
  /** One of a fixed set (a status, a tab); anything else is the fallback. */
  oneOf,
  /** true / false; anything else is absent. */
  bool: (): ParamField<boolean | undefined> => ({
    decode: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined),
    encode: plain,
  }),
  /** A date, YYYY-MM-DD. */
  date: (): ParamField<string | undefined> => ({
    decode: (raw) => (raw !== null && isIsoDate(raw) ? raw : undefined),
    encode: plain,
  }),
  /** 1-based page; page 1 is left out of the URL. */
  page: (): ParamField<number> => ({
    ...int({ min: 1, max: 100000, clamp: true, fallback: 1 }),
    encode: (v) => (v === 1 ? undefined : String(v)),
    keepsPage: true,
  }),
  /** Rows per page; the default is left out of the URL. */
  pageSize: (fallback = 20, max = 200): ParamField<number> => ({
    ...int({ min: 1, max, clamp: true, fallback }),
    encode: (v) => (v === fallback ? undefined : String(v)),
    keepsPage: true,
  }),
  /** A 年度 in YEAR_RANGE; anything else is absent. */
  year: (): ParamField<number | undefined> => int(YEAR_RANGE),
  /** page and pageSize together, to spread into a schema: `{ ...param.paging(), q: param.text() }`. */
  paging: (fallback = 20, max = 200): { page: ParamField<number>; pageSize: ParamField<number> } => ({
    page: param.page(),
    pageSize: param.pageSize(fallback, max),
  }),
  /** A sort over the given columns: `field` ascending, `-field` descending. */
  sort: <F extends string>(fields: readonly F[]): ParamField<Sort<F> | undefined> => ({
    decode: (raw) => {
      if (!raw) return undefined;
      const desc = raw.startsWith('-');
      const field = (desc ? raw.slice(1) : raw) as F;
      return fields.includes(field) ? { field, order: desc ? 'desc' : 'asc' } : undefined;
    },
    encode: (v) => (v ? `${v.order === 'desc' ? '-' : ''}${v.field}` : undefined),
  }),
};

/** The list's state as the page uses it, read from the URL. */
export function decodeParams<S extends ParamSchema>(schema: S, params: URLSearchParams): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) out[key] = field.decode(params.get(key));
  return out as ParamValues<S>;
}

/** The URL of a whole state (defaults left out). */
export function encodeParams<S extends ParamSchema>(schema: S, values: ParamPatch<S>): URLSearchParams {
  return patchParams(schema, new URLSearchParams(), values);
}

/**
 * The URL after a change of some fields. Parameters the schema does not know are kept. Changing a
 * filter or the sort goes back to page 1 (the `page` parameter), unless the patch sets the page itself.
 */
export function patchParams<S extends ParamSchema>(
  schema: S,
  prev: URLSearchParams,
  patch: ParamPatch<S>,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  let resetPage = false;
  for (const [key, value] of Object.entries(patch)) {
    const field = schema[key];
    if (!field) continue;
    const raw = value === undefined ? undefined : field.encode(value);
    if (raw === undefined) next.delete(key);
    else next.set(key, raw);
    if (!field.keepsPage) resetPage = true;
  }
  if (resetPage && !('page' in patch)) next.delete('page');
  return next;
}
