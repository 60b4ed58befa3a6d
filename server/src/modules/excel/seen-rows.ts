/** A record's time: its start and end, each a date (YYYY-MM-DD) and a half day. */
export interface RecordTime {
  startDate: string;
  startHalf: string;
  endDate: string;
  endHalf: string;
}

const DAY_MS = 86_400_000;
const ROWS = 2 ** 21; // row numbers up to 2,097,151 (a worksheet has at most 1,048,576 rows)
const half = (h: string) => (h === 'pm' ? 1 : 0);

/**
 * The time as one integer below 2^27: days since 1970 of the start (< 2^16, until 2149), the length in
 * days (< 2^9) and the two half days; null outside that range (then a string key is used).
 */
function slotOf(r: RecordTime): number | null {
  const start = Date.parse(`${r.startDate}T00:00:00Z`) / DAY_MS;
  const span = Date.parse(`${r.endDate}T00:00:00Z`) / DAY_MS - start;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(span) ||
    start < 0 ||
    start >= 2 ** 16 ||
    span < 0 ||
    span >= 2 ** 9
  )
    return null;
  return ((start * 2 ** 9 + span) * 2 + half(r.startHalf)) * 2 + half(r.endHalf);
}

/**
 * The good rows of an import so far, by person and time → the row that had them first (duplicates
 * inside the file). 100,000 rows as string keys in a Map take ~27 MB; most people appear once in a
 * file, so each person's first row is kept as one number (time and row number packed, < 2^48), and
 * only a person's further rows take string keys.
 */
export class SeenRows {
  private readonly first = new Map<number, number>();
  private readonly more = new Map<string, number>();

  /** The earlier row with this person and time, if any. */
  get(accountId: number, r: RecordTime): number | undefined {
    const slot = slotOf(r);
    const packed = slot === null ? undefined : this.first.get(accountId);
    if (packed !== undefined && Math.floor(packed / ROWS) === slot) return packed % ROWS;
    return this.more.get(this.key(accountId, r, slot));
  }

  /** Remembers a row that passed (call only when `get` found none). */
  add(accountId: number, r: RecordTime, rowNumber: number): void {
    const slot = slotOf(r);
    if (slot !== null && rowNumber < ROWS && !this.first.has(accountId))
      this.first.set(accountId, slot * ROWS + rowNumber);
    else this.more.set(this.key(accountId, r, slot), rowNumber);
  }

  private key(accountId: number, r: RecordTime, slot: number | null): string {
    return slot === null
      ? `${accountId}|${r.startDate}|${r.startHalf}|${r.endDate}|${r.endHalf}`
      : `${accountId}|${slot}`;
  }
}
