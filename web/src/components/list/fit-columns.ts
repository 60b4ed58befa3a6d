// Desktop lists never scroll sideways: when the columns are wider than the list, they first shrink
// (text wraps) down to MIN_SCALE of their width, and the columns that still do not fit fold into the
// row's expandable detail, the last ones first (or in the order the page names).

/** How far a column may shrink before another one folds away. */
export const MIN_SCALE = 0.75;
/** The width of antd's selection and expand columns as ListTable sets them. */
export const CONTROL_COLUMN_WIDTH = 48;

export interface FitColumn {
  width?: unknown;
}

export interface FitOptions {
  /** The columns' keys (columnKey) in the order they fold; default: from the right. */
  fold?: readonly string[];
  /** Keys that never fold: the first column, 操作 and the status tag are kept by default. */
  keep: readonly string[];
  /** Widths of the selection / expand columns already present. */
  extra: number;
  /** The table already has an expand column (a detail row of its own). */
  expandable: boolean;
  /** The width the page asks for (its scroll.x): kept while it fits. */
  min?: number;
}

export interface FitResult<C> {
  shown: C[];
  folded: C[];
  /** The table's width (scroll.x): never more than the space it has when the columns could be made to fit. */
  width: number;
}

export const nominalWidth = (c: FitColumn): number => (typeof c.width === 'number' ? c.width : 120);

/**
 * Fits the columns into `available` pixels. `keyOf` names a column (undefined: it cannot be folded
 * by name, only by position). The first column never folds.
 */
export function fitColumns<C extends FitColumn>(
  columns: readonly C[],
  available: number | null,
  keyOf: (c: C) => string | undefined,
  o: FitOptions,
): FitResult<C> {
  const sum = (cs: readonly C[]) => cs.reduce((s, c) => s + nominalWidth(c), 0);
  const full = Math.max(sum(columns) + o.extra, o.min ?? 0);
  if (available === null || available <= 0 || full <= available) {
    return { shown: [...columns], folded: [], width: full };
  }
  const order: C[] = o.fold
    ? o.fold.map((k) => columns.find((c) => keyOf(c) === k)).filter((c): c is C => c !== undefined)
    : columns.slice(1).reverse();
  const candidates = order.filter((c) => c !== columns[0] && !o.keep.includes(keyOf(c) ?? '\u0000'));

  const folded: C[] = [];
  let shown = [...columns];
  // Folding adds the expand column, unless the table has one already.
  const extraWith = (n: number) => o.extra + (n > 0 && !o.expandable ? CONTROL_COLUMN_WIDTH : 0);
  for (const c of candidates) {
    if (sum(shown) * MIN_SCALE + extraWith(folded.length) <= available) break;
    folded.push(c);
    shown = shown.filter((s) => s !== c);
  }
  const extra = extraWith(folded.length);
  const natural = sum(shown);
  if (natural + extra <= available) return { shown, folded, width: natural + extra };
  const scale = Math.max(MIN_SCALE, (available - extra) / natural);
  const scaled = shown.map((c) => ({ ...c, width: Math.floor(nominalWidth(c) * scale) }));
  return { shown: scaled, folded, width: sum(scaled) + extra };
}
